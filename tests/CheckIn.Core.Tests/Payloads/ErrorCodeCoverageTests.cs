using System.Security.Cryptography;
using CheckIn.Core.Identity;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Tests.Support;
using CheckIn.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CheckIn.Core.Tests.Payloads;

/// <summary>Every published error code is reached by an input, and has a message in both languages.</summary>
public sealed class ErrorCodeCoverageTests
{
    private static readonly PayloadReaderOptions Options = new() { Clock = new FakeClock(Instant.FromUtc(2026, 11, 22, 0, 0)) };

    private static IEnumerable<(string Code, Func<CheckInError> Produce)> Cases()
    {
        const string card = "001090123456|012345678|A|01011990|Nam|X|15042021";
        string Card(int field, string value)
        {
            var fields = card.Split('|');
            fields[field] = value;
            return string.Join('|', fields);
        }

        string Bhyt(int field, string value)
        {
            var fields = Samples.HealthInsurance15.Split('|');
            fields[field] = value;
            return string.Join('|', fields);
        }

        CheckInError Read(string text) => PayloadReader.Read(text, Options).Error;

        yield return ("Payload.Empty", () => Read(""));
        yield return ("Payload.TooLong", () => Read(new string('x', 8000)));
        yield return ("Payload.UnknownFormat", () => Read("plain text"));
        yield return ("Payload.UnknownUrl", () => Read("https://example.vn/"));
        yield return ("Payload.InvalidCharacter", () => Read("a\u0000b"));
        yield return ("CitizenId.Length", () => CitizenId.Read("1").Error);
        yield return ("CitizenId.NotDigits", () => CitizenId.Read("00109012345x").Error);
        yield return ("LegacyIdNumber.Length", () => LegacyIdNumber.Read("1").Error);
        yield return ("LegacyIdNumber.NotDigits", () => LegacyIdNumber.Read("01234567x").Error);
        yield return ("PassportNumber.Length", () => PassportNumber.Read("C1").Error);
        yield return ("PassportNumber.Character", () => PassportNumber.Read("C12345_7").Error);
        yield return ("HealthInsuranceNumber.Length", () => HealthInsuranceNumber.Read("1").Error);
        yield return ("HealthInsuranceNumber.BeneficiaryCode", () => HealthInsuranceNumber.Read("1S4010120878811").Error);
        yield return ("HealthInsuranceNumber.BenefitLevel", () => HealthInsuranceNumber.Read("HS9010120878811").Error);
        yield return ("HealthInsuranceNumber.ProvinceCode", () => HealthInsuranceNumber.Read("HS4X10120878811").Error);
        yield return ("HealthInsuranceNumber.SocialInsuranceNumber", () => HealthInsuranceNumber.Read("HS40101208788X1").Error);
        yield return ("PhoneNumber.Length", () => PhoneNumber.Read("0912").Error);
        yield return ("PhoneNumber.Character", () => PhoneNumber.Read("09x2345678").Error);
        yield return ("PhoneNumber.CountryCode", () => PhoneNumber.Read("+33612345678").Error);
        yield return ("PhoneNumber.UnknownPrefix", () => PhoneNumber.Read("0612345678").Error);
        yield return ("CitizenCard.FieldCount", () => Read("001090123456|1|2|3|4"));
        yield return ("CitizenCard.IdNumber", () => Read(Card(0, "0010901234")));
        yield return ("CitizenCard.OldIdNumber", () => Read(Card(1, "1")));
        yield return ("CitizenCard.Name", () => Read(Card(2, "")));
        yield return ("CitizenCard.DateOfBirth", () => Read(Card(3, "00000000")));
        yield return ("CitizenCard.Sex", () => Read(Card(4, "X")));
        yield return ("CitizenCard.IssueDate", () => Read(Card(6, "x")));
        yield return ("CitizenCard.IssueBeforeBirth", () => Read(Card(6, "01011980")));
        yield return ("CitizenCard.DateInFuture", () => Read(Card(6, "01012099")));
        yield return ("CitizenCard.IdBirthYearMismatch", () => Read(Card(3, "01011991")));
        yield return ("CitizenCard.IdSexMismatch", () => Read(Card(4, "Nữ")));
        yield return ("HealthInsuranceCard.FieldCount", () => Read("a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|$"));
        yield return ("HealthInsuranceCard.Terminator", () => Read(Bhyt(14, "x")));
        yield return ("HealthInsuranceCard.CardNumber", () => Read(Bhyt(0, "x")));
        yield return ("HealthInsuranceCard.Name", () => Read(Bhyt(1, "-")));
        yield return ("HealthInsuranceCard.DateOfBirth", () => Read(Bhyt(2, "x")));
        yield return ("HealthInsuranceCard.Sex", () => Read(Bhyt(3, "0")));
        yield return ("HealthInsuranceCard.Clinic", () => Read(Bhyt(5, "x")));
        yield return ("HealthInsuranceCard.ValidFrom", () => Read(Bhyt(6, "x")));
        yield return ("HealthInsuranceCard.ValidTo", () => Read(Bhyt(7, "x")));
        yield return ("HealthInsuranceCard.ValidityPeriod", () => Read(Bhyt(7, "01/01/2000")));
        yield return ("HealthInsuranceCard.IssueDate", () => Read(Bhyt(8, "x")));
        yield return ("HealthInsuranceCard.IssueBeforeBirth", () => Read(Bhyt(8, "01/01/2000")));
        yield return ("HealthInsuranceCard.ManagementCode", () => Read(Bhyt(9, "x")));
        yield return ("HealthInsuranceCard.ManagementCodeMismatch", () => Read(Bhyt(9, "00000000000000")));
        yield return ("HealthInsuranceCard.LivingArea", () => Read(Bhyt(11, "x")));
        yield return ("HealthInsuranceCard.FiveYearsFrom", () => Read(Bhyt(12, "x")));
        yield return ("PersonalQr.FieldCount", () => PersonalQrPayload.Read("a|b").Error);
        yield return ("PersonalQr.DocumentNumber", () => Read("x|A|1990-01-01|0|Q|"));
        yield return ("PersonalQr.Name", () => Read("001090123456||1990-01-01|0|Q|"));
        yield return ("PersonalQr.DateOfBirth", () => Read("001090123456|A|1990|0|Q|"));
        yield return ("PersonalQr.DeclarationType", () => Read("001090123456|A|1990-01-01|x|Q|"));
        yield return ("PersonalQr.Qid", () => Read("001090123456|A|1990-01-01|0||"));
        yield return ("PersonalQr.IdBirthYearMismatch", () => Read("001090123456|A|1980-01-01|0|Q|"));
        yield return ("TokhaiyteVenue.Path", () => Read("https://tokhaiyte.vn/x?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e"));
        yield return ("TokhaiyteVenue.Page", () => Read("https://tokhaiyte.vn/?groupId=5f8a1c2b3d4e5f6a7b8c9d0e"));
        yield return ("TokhaiyteVenue.GroupId", () => Read("https://tokhaiyte.vn/?page=Group.checkin"));

        var body = Base32.Encode(new byte[81]);
        var v1Body = new byte[81];
        v1Body[0] = 0x11;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new CheckInSigner(key, 1, "https://x.vn/c/");
        var issued = NodaTime.Instant.FromUtc(2021, 1, 1, 0, 0);
        var signed = signer.SignVenue(1, 1, CheckIn.Core.Places.VenueKind.Market, issued).ToText();
        var trusted = new TrustedSigningKey(1, signer.ExportPublicKey());
        PayloadReaderOptions Keys(params TrustedSigningKey[] keys) => Options with { VerificationKeys = new SigningKeyRing(keys) };
        var ring = Keys(trusted);
        var decoded = new byte[93];
        Base32.Decode(signed.AsSpan(15), decoded, out _);
        var zeroSignature = decoded.ToArray();
        zeroSignature.AsSpan(29).Clear();
        var altered = decoded.ToArray();
        altered[15] = 2;
        var v1 = Version1Writer.Venue(key, 1, "HTTPS://X.VN/C/", 1, 1, 1, issued);
        var otherKey = Keys(new TrustedSigningKey(2, signer.ExportPublicKey()));
        yield return ("SignedPayload.UnexpectedBase", () => PayloadReader.Read(signed, new PayloadReaderOptions { SignedPayloadBases = ["https://y.vn/c/"] }).Error);
        yield return ("SignedPayload.Encoding", () => Read("https://x.vn/c/" + Base32.Encode(v1Body)[..^1] + "B"));
        yield return ("SignedPayload.Length", () => PayloadReader.Read("https://x.vn/c/" + Base32.Encode(v1Body)[..^2], new PayloadReaderOptions { SignedPayloadBases = ["https://x.vn/c/"] }).Error);
        yield return ("SignedPayload.Version", () => Read("https://x.vn/c/" + body));
        yield return ("SignedPayload.SubjectKind", () => Read("https://x.vn/c/" + Base32.Encode([0x10, .. new byte[80]])));
        yield return ("SignedPayload.FieldValue", () => Read("https://x.vn/c/" + Base32.Encode([0x12, .. new byte[11], 3, .. new byte[68]])));
        yield return ("SignedPayload.UnknownKey", () => PayloadReader.Read(signed, otherKey).Error);
        yield return ("SignedPayload.BadSignature", () => PayloadReader.Read(signed[..15] + Base32.Encode(zeroSignature), ring).Error);
        yield return ("SignedPayload.AlteredBody", () => PayloadReader.Read(signed[..15] + Base32.Encode(altered), ring).Error);
        yield return ("SignedPayload.NonCanonical", () => Read(signed + "="));
        yield return ("SignedPayload.InsecureScheme", () => Read("HTTP://" + signed[8..]));
        yield return ("SignedPayload.WrongHost", () => Read("HTTPS://Y.VN/C/" + signed[15..]));
        yield return ("SignedPayload.WrongPath", () => Read("HTTPS://X.VN/D/" + signed[15..]));
        yield return ("SignedPayload.KeyRevoked", () => PayloadReader.Read(signed, Keys(trusted with { Revoked = true })).Error);
        yield return ("SignedPayload.Revoked", () => PayloadReader.Read(signed, Options with { VerificationKeys = new SigningKeyRing([trusted], [new RevokedCode(1, ((SignedPayload)PayloadReader.Read(signed).Value).Serial)]) }).Error);
        yield return ("SignedPayload.Expired", () => Read(signer.SignVenue(1, 1, CheckIn.Core.Places.VenueKind.Market, issued, issued + NodaTime.Duration.FromDays(1), 1).ToText()));
        yield return ("SignedPayload.KeyExpired", () => PayloadReader.Read(signed, Keys(trusted with { NotAfter = issued + NodaTime.Duration.FromDays(1) })).Error);
        yield return ("SignedPayload.NotYetValid", () => Read(signer.SignVenue(1, 1, CheckIn.Core.Places.VenueKind.Market, NodaTime.Instant.FromUtc(2027, 1, 1, 0, 0)).ToText()));
        yield return ("SignedPayload.IssuedOutsideKeyValidity", () => PayloadReader.Read(signed, Keys(trusted with { NotBefore = issued + NodaTime.Duration.FromDays(1) })).Error);
        yield return ("SignedPayload.WrongKind", () => PayloadReader.Read(signed, Keys(trusted with { Subjects = SignedSubjects.Person })).Error);
        yield return ("SignedPayload.VersionRefused", () => PayloadReader.Read(v1, Options with { MinimumSignedVersion = 2 }).Error);
        yield return ("TrustList.TooLarge", () => TrustList.Read(new byte[TrustList.MaxLength + 1]).Error);
        yield return ("TrustList.Json", () => TrustList.Read("{\"keys\":{}}"u8).Error);
        yield return ("TrustList.KeyType", () => TrustList.Read("{\"keys\":[{\"kty\":\"RSA\"}]}"u8).Error);
        yield return ("TrustList.KeyId", () => TrustList.Read("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"01\"}]}"u8).Error);
        yield return ("TrustList.KeyValue", () => TrustList.Read("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"1\",\"x\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"y\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}"u8).Error);
        yield return ("TrustList.PrivateKey", () => TrustList.Read("{\"keys\":[{\"kty\":\"EC\",\"d\":\"x\"}]}"u8).Error);
        var list = TrustList.Write(new SigningKeyRing([trusted]));
        yield return ("TrustList.DuplicateKeyId", () => TrustList.Read(System.Text.Encoding.UTF8.GetBytes(list.Replace("\"keys\": [", "\"keys\": [" + TrustListKey(list) + ",", StringComparison.Ordinal))).Error);
        yield return ("TrustList.Field", () => TrustList.Read(System.Text.Encoding.UTF8.GetBytes(list.Replace("\"use\"", "\"revoked\": 1, \"use\"", StringComparison.Ordinal))).Error);
        yield return ("TrustList.RevokedCode", () => TrustList.Read(System.Text.Encoding.UTF8.GetBytes(list.Replace("\"revoked_codes\": []", "\"revoked_codes\": [{\"kid\":\"1\"}]", StringComparison.Ordinal))).Error);
        yield return ("Base45.TooLong", () => CheckIn.Core.Text.Base45.Decode(new string('0', CheckIn.Core.Text.Base45.MaxTextLength + 1)).Error);
        yield return ("Base45.Character", () => CheckIn.Core.Text.Base45.Decode("abc").Error);
        yield return ("Base45.Length", () => CheckIn.Core.Text.Base45.Decode("0000").Error);
        yield return ("Base45.Overflow", () => CheckIn.Core.Text.Base45.Decode("GGW").Error);
        foreach (var failure in Dcc.DccTestData.Failures())
        {
            yield return failure;
        }
        yield return ("PayloadReaderOptions.TrustedHosts", () => new PayloadReaderOptions { TrustedHosts = [""] }.Validate()[0]);
        yield return ("PayloadReaderOptions.SignedClockSkew", () => new PayloadReaderOptions { SignedClockSkew = NodaTime.Duration.FromDays(-1) }.Validate()[0]);
        yield return ("PayloadReaderOptions.MinimumSignedVersion", () => new PayloadReaderOptions { MinimumSignedVersion = 9 }.Validate()[0]);
    }

    /// <summary>The first key object of a written trust list.</summary>
    private static string TrustListKey(string list)
    {
        var start = list.IndexOf('{', list.IndexOf("\"keys\"", StringComparison.Ordinal));
        return list[start..(list.IndexOf('}', start) + 1)];
    }

    [Fact]
    public void EveryCode_IsReachedByAnInput()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, produce) in Cases())
        {
            var error = produce();
            Assert.True(code == error.Code, $"expected {code}, got {error.Code}");
            Assert.NotEqual(code, error.GetDescription(MessageLanguage.English));
            reached.Add(code);
        }

        // The options codes are reached in OptionsValidationTests.
        Assert.Empty(CoreErrorCodes.All().Where(c => !c.StartsWith("PayloadReaderOptions.", StringComparison.Ordinal)).Except(reached));
    }

    [Theory]
    [InlineData(0, "PayloadReaderOptions.Clock")]
    [InlineData(1, "PayloadReaderOptions.FutureToleranceDays")]
    [InlineData(2, "PayloadReaderOptions.SignedPayloadBases")]
    [InlineData(3, "PayloadReaderOptions.SignedPayloadBases")]
    public void ReaderOptions_OutOfRange_CodedException(int which, string code)
    {
        var options = which switch
        {
            0 => Options with { Clock = null! },
            1 => Options with { FutureToleranceDays = -1 },
            2 => Options with { SignedPayloadBases = ["ftp://x.vn/"] },
            _ => Options with { SignedPayloadBases = ["https://x.vn/c"] },
        };
        var error = Assert.Single(options.Validate());
        Assert.Equal(code, error.Code);
        var exception = Assert.Throws<InvalidOptionsException>(() => PayloadReader.Read("x", options));
        Assert.Equal(error, Assert.Single(exception.Errors));
        Assert.Empty(PayloadReaderOptions.Default.Validate());
    }

    [Fact]
    public void Catalog_IsComplete() =>
        ErrorCatalogAssert.IsComplete(typeof(CoreErrorCodes), CoreErrorCodes.Messages, CoreErrorCodes.All());
}
