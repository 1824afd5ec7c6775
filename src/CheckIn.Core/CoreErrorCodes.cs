namespace CheckIn.Core;

/// <summary>
/// The stable error codes of CheckIn.Core (payloads, identifiers, signed codes). Codes never change meaning once published;
/// tests and callers compare codes, never message text.
/// </summary>
public static class CoreErrorCodes
{
    /// <summary>Codes about the payload as a whole, before a format is chosen.</summary>
    public static class Payload
    {
        /// <summary>The text is empty.</summary>
        public const string Empty = "Payload.Empty";

        /// <summary>The text is longer than any QR code can hold.</summary>
        public const string TooLong = "Payload.TooLong";

        /// <summary>The text matches no national format.</summary>
        public const string UnknownFormat = "Payload.UnknownFormat";

        /// <summary>The text is a URL of no known check-in service.</summary>
        public const string UnknownUrl = "Payload.UnknownUrl";

        /// <summary>A control character (other than a trailing line break) or a broken UTF-16 surrogate pair appears in the text.</summary>
        public const string InvalidCharacter = "Payload.InvalidCharacter";
    }

    /// <summary>Codes of the 12-digit personal ID number.</summary>
    public static class CitizenId
    {
        /// <summary>Not 12 characters long.</summary>
        public const string Length = "CitizenId.Length";

        /// <summary>A character is not a digit.</summary>
        public const string NotDigits = "CitizenId.NotDigits";
    }

    /// <summary>Codes of the old ID card (CMND) number.</summary>
    public static class LegacyIdNumber
    {
        /// <summary>Not 9 or 12 characters long.</summary>
        public const string Length = "LegacyIdNumber.Length";

        /// <summary>A character is not a digit.</summary>
        public const string NotDigits = "LegacyIdNumber.NotDigits";
    }

    /// <summary>Codes of passport numbers.</summary>
    public static class PassportNumber
    {
        /// <summary>Not 6 to 9 characters long.</summary>
        public const string Length = "PassportNumber.Length";

        /// <summary>A character is not a letter or digit, or there is no digit at all.</summary>
        public const string Character = "PassportNumber.Character";
    }

    /// <summary>Codes of health-insurance numbers.</summary>
    public static class HealthInsuranceNumber
    {
        /// <summary>Neither 15 characters (card code) nor 10 digits.</summary>
        public const string Length = "HealthInsuranceNumber.Length";

        /// <summary>The first two characters are not letters.</summary>
        public const string BeneficiaryCode = "HealthInsuranceNumber.BeneficiaryCode";

        /// <summary>The benefit level is not 1–5.</summary>
        public const string BenefitLevel = "HealthInsuranceNumber.BenefitLevel";

        /// <summary>The province code is not two digits.</summary>
        public const string ProvinceCode = "HealthInsuranceNumber.ProvinceCode";

        /// <summary>The social insurance number is not 10 digits.</summary>
        public const string SocialInsuranceNumber = "HealthInsuranceNumber.SocialInsuranceNumber";
    }

    /// <summary>Codes of phone numbers.</summary>
    public static class PhoneNumber
    {
        /// <summary>Too few or too many digits.</summary>
        public const string Length = "PhoneNumber.Length";

        /// <summary>A character other than digits, a leading +, spaces, dots, dashes or parentheses.</summary>
        public const string Character = "PhoneNumber.Character";

        /// <summary>An international number that is not Vietnamese (+84).</summary>
        public const string CountryCode = "PhoneNumber.CountryCode";

        /// <summary>The right length, but no Vietnamese mobile or fixed-line prefix.</summary>
        public const string UnknownPrefix = "PhoneNumber.UnknownPrefix";
    }

    /// <summary>Codes of the chip citizen ID card / identity card QR.</summary>
    public static class CitizenCard
    {
        /// <summary>Not 7 or 11 fields.</summary>
        public const string FieldCount = "CitizenCard.FieldCount";

        /// <summary>Field 0 is not a 12-digit ID number.</summary>
        public const string IdNumber = "CitizenCard.IdNumber";

        /// <summary>Field 1 is neither empty nor a 9- or 12-digit old ID number.</summary>
        public const string OldIdNumber = "CitizenCard.OldIdNumber";

        /// <summary>Field 2 (the name) is empty.</summary>
        public const string Name = "CitizenCard.Name";

        /// <summary>Field 3 is not a valid <c>ddMMyyyy</c> date of birth.</summary>
        public const string DateOfBirth = "CitizenCard.DateOfBirth";

        /// <summary>Field 4 is not <c>Nam</c> or <c>Nữ</c>.</summary>
        public const string Sex = "CitizenCard.Sex";

        /// <summary>Field 6 is not a valid <c>ddMMyyyy</c> issue date.</summary>
        public const string IssueDate = "CitizenCard.IssueDate";

        /// <summary>The issue date is before the date of birth.</summary>
        public const string IssueBeforeBirth = "CitizenCard.IssueBeforeBirth";

        /// <summary>A date lies in the future.</summary>
        public const string DateInFuture = "CitizenCard.DateInFuture";

        /// <summary>The ID number's birth year differs from the date of birth.</summary>
        public const string IdBirthYearMismatch = "CitizenCard.IdBirthYearMismatch";

        /// <summary>The ID number's sex digit differs from the sex field.</summary>
        public const string IdSexMismatch = "CitizenCard.IdSexMismatch";
    }

    /// <summary>Codes of the health-insurance card (BHYT) QR.</summary>
    public static class HealthInsuranceCard
    {
        /// <summary>Not 15 or 17 fields.</summary>
        public const string FieldCount = "HealthInsuranceCard.FieldCount";

        /// <summary>The last field is not <c>$</c>.</summary>
        public const string Terminator = "HealthInsuranceCard.Terminator";

        /// <summary>Field 0 is not a card code or 10-digit number.</summary>
        public const string CardNumber = "HealthInsuranceCard.CardNumber";

        /// <summary>Field 1 (the name) is empty.</summary>
        public const string Name = "HealthInsuranceCard.Name";

        /// <summary>Field 2 is neither <c>dd/MM/yyyy</c> nor <c>yyyy</c>.</summary>
        public const string DateOfBirth = "HealthInsuranceCard.DateOfBirth";

        /// <summary>Field 3 is not <c>1</c> or <c>2</c>.</summary>
        public const string Sex = "HealthInsuranceCard.Sex";

        /// <summary>Field 5 is not a registered clinic <c>PP - FFF</c>.</summary>
        public const string Clinic = "HealthInsuranceCard.Clinic";

        /// <summary>Field 6 is not a valid <c>dd/MM/yyyy</c> date.</summary>
        public const string ValidFrom = "HealthInsuranceCard.ValidFrom";

        /// <summary>Field 7 is neither a valid date nor <c>-</c>.</summary>
        public const string ValidTo = "HealthInsuranceCard.ValidTo";

        /// <summary>The card expires before it becomes valid.</summary>
        public const string ValidityPeriod = "HealthInsuranceCard.ValidityPeriod";

        /// <summary>Field 8 is not a valid <c>dd/MM/yyyy</c> date.</summary>
        public const string IssueDate = "HealthInsuranceCard.IssueDate";

        /// <summary>The card was issued before the holder's year of birth.</summary>
        public const string IssueBeforeBirth = "HealthInsuranceCard.IssueBeforeBirth";

        /// <summary>Field 9 is not 14 digits.</summary>
        public const string ManagementCode = "HealthInsuranceCard.ManagementCode";

        /// <summary>The management code does not end with the card's social insurance number.</summary>
        public const string ManagementCodeMismatch = "HealthInsuranceCard.ManagementCodeMismatch";

        /// <summary>Field 11 is not a living-area code 4–7.</summary>
        public const string LivingArea = "HealthInsuranceCard.LivingArea";

        /// <summary>Field 12 is neither a valid date nor <c>-</c>.</summary>
        public const string FiveYearsFrom = "HealthInsuranceCard.FiveYearsFrom";
    }

    /// <summary>Codes of the national personal QR (Decision 1405/QĐ-BTTTT).</summary>
    public static class PersonalQr
    {
        /// <summary>Not 6 fields.</summary>
        public const string FieldCount = "PersonalQr.FieldCount";

        /// <summary>Field 0 is not a CMND, CCCD or passport number (masked or not).</summary>
        public const string DocumentNumber = "PersonalQr.DocumentNumber";

        /// <summary>Field 1 (the name) is empty.</summary>
        public const string Name = "PersonalQr.Name";

        /// <summary>Field 2 is not <c>yyyy-MM-dd</c> or <c>yyyy-**-**</c>.</summary>
        public const string DateOfBirth = "PersonalQr.DateOfBirth";

        /// <summary>Field 3 is not <c>0</c> or <c>1</c>.</summary>
        public const string DeclarationType = "PersonalQr.DeclarationType";

        /// <summary>Field 4 (the platform QID) is empty or contains spaces.</summary>
        public const string Qid = "PersonalQr.Qid";

        /// <summary>The CCCD number's birth year differs from the date of birth.</summary>
        public const string IdBirthYearMismatch = "PersonalQr.IdBirthYearMismatch";
    }

    /// <summary>Codes of the tokhaiyte.vn venue URL.</summary>
    public static class TokhaiyteVenue
    {
        /// <summary>The path is not the site root.</summary>
        public const string Path = "TokhaiyteVenue.Path";

        /// <summary>The <c>page</c> parameter is missing or not <c>Group.checkin</c>.</summary>
        public const string Page = "TokhaiyteVenue.Page";

        /// <summary>The <c>groupId</c> parameter is missing or not 24 hex digits.</summary>
        public const string GroupId = "TokhaiyteVenue.GroupId";
    }

    /// <summary>Codes of CheckIn's own signed payloads.</summary>
    public static class SignedPayload
    {
        /// <summary>The URL does not start with an accepted base.</summary>
        public const string UnexpectedBase = "SignedPayload.UnexpectedBase";

        /// <summary>The body is not valid Base32.</summary>
        public const string Encoding = "SignedPayload.Encoding";

        /// <summary>The body has the wrong length.</summary>
        public const string Length = "SignedPayload.Length";

        /// <summary>The format version is not supported.</summary>
        public const string Version = "SignedPayload.Version";

        /// <summary>The subject kind is neither venue nor person.</summary>
        public const string SubjectKind = "SignedPayload.SubjectKind";

        /// <summary>A field holds a value the format does not allow (province, venue kind, reserved byte).</summary>
        public const string FieldValue = "SignedPayload.FieldValue";

        /// <summary>No verification key is known for the key id.</summary>
        public const string UnknownKey = "SignedPayload.UnknownKey";

        /// <summary>The signature is not a signature at all (r or s zero or not below the curve order): no key verifies it.</summary>
        public const string BadSignature = "SignedPayload.BadSignature";

        /// <summary>The signature does not verify for this body and address: the code was changed after signing (or signed by another key under this id).</summary>
        public const string AlteredBody = "SignedPayload.AlteredBody";

        /// <summary>A second spelling of a version 2 code: lower case, trailing characters (padding, query, more), or a high-S signature.</summary>
        public const string NonCanonical = "SignedPayload.NonCanonical";

        /// <summary>A version 2 code under <c>http://</c>: it was signed for <c>https://</c>.</summary>
        public const string InsecureScheme = "SignedPayload.InsecureScheme";

        /// <summary>The code is on another host than the one it was signed for, or than the reader trusts.</summary>
        public const string WrongHost = "SignedPayload.WrongHost";

        /// <summary>The code is under another path than the one it was signed for.</summary>
        public const string WrongPath = "SignedPayload.WrongPath";

        /// <summary>The key that signed the code is revoked.</summary>
        public const string KeyRevoked = "SignedPayload.KeyRevoked";

        /// <summary>This one code (its key id and serial) is revoked.</summary>
        public const string Revoked = "SignedPayload.Revoked";

        /// <summary>The code's expiry has passed.</summary>
        public const string Expired = "SignedPayload.Expired";

        /// <summary>The signing key's validity ended; its codes no longer verify.</summary>
        public const string KeyExpired = "SignedPayload.KeyExpired";

        /// <summary>The code's issue time, or its key's start, lies in the future.</summary>
        public const string NotYetValid = "SignedPayload.NotYetValid";

        /// <summary>The code claims an issue time outside its key's validity (a withdrawn key signing after its end).</summary>
        public const string IssuedOutsideKeyValidity = "SignedPayload.IssuedOutsideKeyValidity";

        /// <summary>The key does not sign this kind of code (a venue-only key on a personal code, or back).</summary>
        public const string WrongKind = "SignedPayload.WrongKind";

        /// <summary>A version older than <see cref="Payloads.PayloadReaderOptions.MinimumSignedVersion"/>.</summary>
        public const string VersionRefused = "SignedPayload.VersionRefused";
    }

    /// <summary>Codes of <see cref="Payloads.Signed.TrustList.Read"/> (the field is the index of the key or revoked code).</summary>
    public static class TrustList
    {
        /// <summary>The trust list is larger than 1 MiB.</summary>
        public const string TooLarge = "TrustList.TooLarge";

        /// <summary>Not JSON, or not a JWK set (<c>{"keys": [...]}</c>), or a name appears twice.</summary>
        public const string Json = "TrustList.Json";

        /// <summary>A key is not an EC P-256 signing key (kty EC, crv P-256, use sig, alg ES256).</summary>
        public const string KeyType = "TrustList.KeyType";

        /// <summary>A key's kid is missing or not a number 0 to 65535 in its shortest form.</summary>
        public const string KeyId = "TrustList.KeyId";

        /// <summary>A key's x or y is not 32 bytes of unpadded base64url, or not a point on the curve.</summary>
        public const string KeyValue = "TrustList.KeyValue";

        /// <summary>A key carries a private part (d): a trust list is public.</summary>
        public const string PrivateKey = "TrustList.PrivateKey";

        /// <summary>Two keys have one kid.</summary>
        public const string DuplicateKeyId = "TrustList.DuplicateKeyId";

        /// <summary>A key's nbf, exp, revoked or checkin_subjects is malformed, or exp is not after nbf.</summary>
        public const string Field = "TrustList.Field";

        /// <summary>A revoked code lacks a valid kid or a serial 0 to 4294967295.</summary>
        public const string RevokedCode = "TrustList.RevokedCode";
    }

    /// <summary>Codes of <see cref="Text.Base45.Decode"/> (RFC 9285; the position is the offending character's).</summary>
    public static class Base45
    {
        /// <summary>The text is longer than <see cref="Text.Base45.MaxTextLength"/> characters.</summary>
        public const string TooLong = "Base45.TooLong";

        /// <summary>A character outside the 45 of the alphabet (digits, upper-case letters, space and <c>$%*+-./:</c>).</summary>
        public const string Character = "Base45.Character";

        /// <summary>The length leaves one character over (a valid text is 3 per 2 bytes, and 2 for a last single byte).</summary>
        public const string Length = "Base45.Length";

        /// <summary>A group of three is above 65535, or a last group of two above 255.</summary>
        public const string Overflow = "Base45.Overflow";
    }

    /// <summary>Codes of EU Digital COVID Certificates (<c>HC1:</c>), one per step of reading and verifying.</summary>
    public static class Dcc
    {
        /// <summary>The text does not start with the context identifier HC1: (an other version, or lower case).</summary>
        public const string Prefix = "Dcc.Prefix";

        /// <summary>The text after HC1: is not Base45 (the position is the offending character's).</summary>
        public const string Base45 = "Dcc.Base45";

        /// <summary>The Base45 bytes are not a zlib stream, or the stream is damaged.</summary>
        public const string Compression = "Dcc.Compression";

        /// <summary>The decompressed certificate is larger than 64 KiB.</summary>
        public const string TooLarge = "Dcc.TooLarge";

        /// <summary>The decompressed bytes are not a COSE_Sign1 message with its payload embedded.</summary>
        public const string Cose = "Dcc.Cose";

        /// <summary>The protected header names no algorithm, or one other than ES256 and PS256.</summary>
        public const string Algorithm = "Dcc.Algorithm";

        /// <summary>The header has no key id (kid), or it is empty or longer than 64 bytes.</summary>
        public const string KeyId = "Dcc.KeyId";

        /// <summary>The signed payload is not a CWT claims map with a health certificate (claim -260, key 1), or iss, iat or exp is malformed.</summary>
        public const string Claims = "Dcc.Claims";

        /// <summary>The health certificate breaks schema 1.3 (the property names the member: nam.fnt, v[0].dt).</summary>
        public const string Schema = "Dcc.Schema";

        /// <summary>The schema version is not 1.x.y.</summary>
        public const string Version = "Dcc.Version";

        /// <summary>No certificate of the trust list has the code's key id.</summary>
        public const string UnknownKey = "Dcc.UnknownKey";

        /// <summary>The trusted certificates with the code's key id hold keys of another type than its algorithm needs.</summary>
        public const string KeyMismatch = "Dcc.KeyMismatch";

        /// <summary>The signature does not verify with the trusted certificate: the code was altered or signed by another key.</summary>
        public const string BadSignature = "Dcc.BadSignature";

        /// <summary>The signer's certificate is not valid yet at the reader's clock.</summary>
        public const string CertificateNotYetValid = "Dcc.CertificateNotYetValid";

        /// <summary>The signer's certificate has expired at the reader's clock.</summary>
        public const string CertificateExpired = "Dcc.CertificateExpired";

        /// <summary>The code's issue time lies outside the signer's certificate validity.</summary>
        public const string SignedOutsideCertificateValidity = "Dcc.SignedOutsideCertificateValidity";

        /// <summary>The signer's certificate may not sign this type (its extended key usage names other types).</summary>
        public const string CertificateType = "Dcc.CertificateType";

        /// <summary>The code's issuer (iss) is another country than the signer's certificate.</summary>
        public const string IssuerCountry = "Dcc.IssuerCountry";

        /// <summary>The code's issue time lies in the future at the reader's clock.</summary>
        public const string NotYetValid = "Dcc.NotYetValid";

        /// <summary>The code's expiry (exp) has passed at the reader's clock.</summary>
        public const string Expired = "Dcc.Expired";
    }

    /// <summary>Codes of <see cref="Payloads.Dcc.DccTrustList"/> (the field is the index of the entry at fault).</summary>
    public static class DccTrustList
    {
        /// <summary>The trust list is larger than 8 MiB.</summary>
        public const string TooLarge = "DccTrustList.TooLarge";

        /// <summary>Not JSON, or not an array (or an object with a certificates array) of entries with rawData.</summary>
        public const string Json = "DccTrustList.Json";

        /// <summary>An entry's certificate is not one X.509 certificate in base64 DER or PEM.</summary>
        public const string Certificate = "DccTrustList.Certificate";

        /// <summary>An entry's kid is not the first 8 bytes of the SHA-256 of its certificate.</summary>
        public const string KeyId = "DccTrustList.KeyId";
    }

    /// <summary>Codes of <see cref="Payloads.PayloadReaderOptions"/> out of range (the property names the option).</summary>
    public static class ReaderOptions
    {
        /// <summary>The clock is required.</summary>
        public const string Clock = "PayloadReaderOptions.Clock";

        /// <summary>The future tolerance is 0 to 366 days.</summary>
        public const string FutureToleranceDays = "PayloadReaderOptions.FutureToleranceDays";

        /// <summary>Each accepted base is an http or https address ending with /.</summary>
        public const string SignedPayloadBases = "PayloadReaderOptions.SignedPayloadBases";

        /// <summary>Each trusted host is a host name (and optional port) of letters, digits, dots, hyphens and colons.</summary>
        public const string TrustedHosts = "PayloadReaderOptions.TrustedHosts";

        /// <summary>The clock skew is 0 to 1 day.</summary>
        public const string SignedClockSkew = "PayloadReaderOptions.SignedClockSkew";

        /// <summary>The minimum signed version is 1 or 2.</summary>
        public const string MinimumSignedVersion = "PayloadReaderOptions.MinimumSignedVersion";
    }

    /// <summary>The messages of these codes, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(CoreEnglishMessages.Table, CoreVietnameseMessages.Table);

    /// <summary>Every code defined here, for tools and tests.</summary>
    /// <returns>The codes, sorted.</returns>
    public static IReadOnlyList<string> All() => [.. CoreEnglishMessages.Table.Keys.Order(StringComparer.Ordinal)];
}
