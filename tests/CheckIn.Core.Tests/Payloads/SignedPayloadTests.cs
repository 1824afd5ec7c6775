using System.Buffers.Binary;
using System.Security.Cryptography;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using CheckIn.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CheckIn.Core.Tests.Payloads;

public sealed class SignedPayloadTests : IDisposable
{
    private const string BaseUrl = "https://checkin.example.vn/c/";
    private static readonly Instant Issued = Instant.FromUtc(2021, 9, 15, 0, 0);
    private static readonly Instant Now = Instant.FromUtc(2022, 1, 1, 0, 0);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly CheckInSigner _signer;
    private readonly PayloadReaderOptions _verifying;
    private readonly PayloadReaderOptions _unverified = new() { Clock = new FakeClock(Now) };

    public SignedPayloadTests()
    {
        _signer = new CheckInSigner(_key, 1, BaseUrl);
        _verifying = _unverified with { VerificationKeys = new SigningKeyRing([KeyValuePair.Create((ushort)1, _signer.ExportPublicKey())]) };
    }

    public void Dispose() => _key.Dispose();

    private PayloadReaderOptions With(params TrustedSigningKey[] keys) => _unverified with { VerificationKeys = new SigningKeyRing(keys) };

    private TrustedSigningKey Trusted(ushort keyId = 1) => new(keyId, _signer.ExportPublicKey());

    private string Code(Instant? expiresAt = null, uint serial = 7) => _signer.SignVenue(0x0123456789abcdef, 46, VenueKind.Market, Issued, expiresAt, serial).ToText();

    private static string Error(string text, PayloadReaderOptions options) => PayloadReader.Read(text, options).Error.Code;

    [Fact]
    public void SignVenue_ReadWithKey_VerifiedVersion2()
    {
        var venue = _signer.SignVenue(0x0123456789abcdef, 46, VenueKind.Market, Issued, Issued + Duration.FromDays(365), 41);
        var text = venue.ToText();
        Assert.StartsWith("HTTPS://CHECKIN.EXAMPLE.VN/C/", text, StringComparison.Ordinal);
        Assert.Equal(29 + 149, text.Length);

        var read = Assert.IsType<SignedVenuePayload>(PayloadReader.Read(text, _verifying).Value);
        Assert.True(read.IsVerified);
        Assert.Equal(SignatureStatus.Valid, read.SignatureStatus);
        Assert.Equal(2, read.FormatVersion);
        Assert.Equal(41u, read.Serial);
        Assert.Equal(Issued + Duration.FromDays(365), read.ExpiresAt);
        Assert.Equal(text, read.ToText());
        Assert.Equal("0123456789abcdef", read.SubjectKeyText);
        Assert.Equal((46, VenueKind.Market, Issued), (read.ProvinceCode, read.VenueKind, read.IssuedAt));
    }

    [Fact]
    public void SignPerson_ReadWithoutKeys_NotVerified()
    {
        var person = _signer.SignPerson(42, 0, Issued);
        var read = Assert.IsType<SignedPersonPayload>(PayloadReader.Read(person.ToText(), _unverified).Value);
        Assert.False(read.IsVerified);
        Assert.Equal(SignatureStatus.NotVerified, read.SignatureStatus);
        Assert.Equal(PayloadKind.SignedPerson, read.Kind);
        Assert.Equal(42UL, read.SubjectKey);
        Assert.Contains(read.GetFields(), f => f is { Name: "signature", Value: "NotVerified" });
    }

    [Fact]
    public void WriteSignedPart_DocumentedExample_Bytes()
    {
        // docs/signed-payload-v2.md: venue key 0123456789abcdef, serial 41, province 46, market, issued 2021-09-15T00:00:00Z,
        // expires 2022-09-15T00:00:00Z, key id 1, base HTTPS://CHECKIN.EXAMPLE.VN/C/.
        var venue = _signer.SignVenue(0x0123456789abcdef, 46, VenueKind.Market, Issued, Instant.FromUtc(2022, 9, 15, 0, 0), 41);
        var bytes = new byte[29];
        venue.WriteSignedPart(bytes);
        Assert.Equal("210001 00000029 0123456789abcdef 2e 01 61413780 63226b00", Spaced(bytes[..25]));
        Assert.Equal(SignedPayloadFormat.Tag("HOST:", "CHECKIN.EXAMPLE.VN"), BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(25)));
        Assert.Equal(SignedPayloadFormat.Tag("PATH:", "/C/"), BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(27)));

        // The tags are the first two bytes of SHA-256 over the label and the upper-case part, as the document says.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("HOST:CHECKIN.EXAMPLE.VN"u8))[..4], Convert.ToHexStringLower(bytes, 25, 2));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("PATH:/C/"u8))[..4], Convert.ToHexStringLower(bytes, 27, 2));

        static string Spaced(byte[] b) =>
            string.Join(' ', Convert.ToHexStringLower(b, 0, 3), Convert.ToHexStringLower(b, 3, 4), Convert.ToHexStringLower(b, 7, 8),
                Convert.ToHexStringLower(b, 15, 1), Convert.ToHexStringLower(b, 16, 1), Convert.ToHexStringLower(b, 17, 4), Convert.ToHexStringLower(b, 21, 4));
    }

    [Fact]
    public void Signature_CoversTheBaseUrl_AsTheDocumentSays()
    {
        // An independent check of the signed data: separator, base length, base, body[0..29).
        var text = Code();
        var body = new byte[93];
        Assert.Equal(93, Base32.Decode(text.AsSpan(29), body, out _));
        var data = "CHECKIN-SIGNED-V2"u8.ToArray().Append((byte)29).Concat(System.Text.Encoding.ASCII.GetBytes("HTTPS://CHECKIN.EXAMPLE.VN/C/")).Concat(body[..29]).ToArray();
        using var publicKey = ECDsa.Create();
        publicKey.ImportSubjectPublicKeyInfo(_signer.ExportPublicKey(), out _);
        Assert.True(publicKey.VerifyData(data, body.AsSpan(29), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void ToText_FitsVersion8AtLevelM()
    {
        // Base32 body (149) + the longest base (48) = 197, within the 221 alphanumeric characters of an 8-M code.
        var longBase = "https://" + new string('a', CheckInSigner.MaxBaseUrlLength - 9) + "/";
        Assert.Equal(CheckInSigner.MaxBaseUrlLength, longBase.Length);
        var text = new CheckInSigner(_key, 1, longBase).SignVenue(1, 1, VenueKind.School, Issued).ToText();
        Assert.True(text.Length <= 221);
        Assert.DoesNotContain(text, c => !(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || " $%*+-./:".Contains(c, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("HTTPS://EVIL.EXAMPLE.VN/C/", "SignedPayload.WrongHost")]
    [InlineData("HTTPS://CHECKIN.EXAMPLE.VN:8443/C/", "SignedPayload.WrongHost")]
    [InlineData("HTTPS://CHECKIN.EXAMPLE.VN/X/", "SignedPayload.WrongPath")]
    [InlineData("HTTPS://CHECKIN.EXAMPLE.VN/", "SignedPayload.WrongPath")]
    [InlineData("HTTP://CHECKIN.EXAMPLE.VN/C/", "SignedPayload.InsecureScheme")]
    public void Read_MovedCode_RefusedWithOrWithoutKeys(string otherBase, string code)
    {
        var moved = otherBase + Code()[29..];
        Assert.Equal(code, Error(moved, _unverified));
        Assert.Equal(code, Error(moved, _verifying));
    }

    [Fact]
    public void Read_MovedCodeWithForgedTags_SignatureCatchesIt()
    {
        // An attacker who also rewrites the host tag gets past the tag check, never past the signature.
        var body = new byte[93];
        Base32.Decode(Code().AsSpan(29), body, out _);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(25), SignedPayloadFormat.Tag("HOST:", "EVIL.EXAMPLE.VN"));
        var forged = "HTTPS://EVIL.EXAMPLE.VN/C/" + Base32.Encode(body);
        Assert.True(PayloadReader.Read(forged, _unverified).Success);
        Assert.Equal("SignedPayload.AlteredBody", Error(forged, _verifying));
    }

    [Fact]
    public void Read_TrustedHosts_OtherHostRefused()
    {
        var text = Code();
        Assert.Equal("SignedPayload.WrongHost", Error(text, _verifying with { TrustedHosts = ["qr.hue.vn"] }));
        Assert.True(PayloadReader.Read(text, _verifying with { TrustedHosts = ["qr.hue.vn", "checkin.example.vn"] }).Value is SignedPayload { IsVerified: true });
    }

    [Theory]
    [InlineData("lower-body")]
    [InlineData("lower-base")]
    [InlineData("padding")]
    [InlineData("query")]
    [InlineData("fragment")]
    [InlineData("more")]
    public void Read_SecondSpelling_NonCanonical(string how)
    {
        var text = Code();
        var respelled = how switch
        {
            "lower-body" => text[..29] + text[29..].ToLowerInvariant(),
            "lower-base" => text[..29].ToLowerInvariant() + text[29..],
            "padding" => text + "===",
            "query" => text + "?utm=1",
            "fragment" => text + "#x",
            _ => text + "A",
        };
        Assert.Equal("SignedPayload.NonCanonical", Error(respelled, _unverified));
    }

    [Fact]
    public void Read_HighS_NonCanonical_ButLowSTwinVerifies()
    {
        var text = Code();
        var body = new byte[93];
        Base32.Decode(text.AsSpan(29), body, out _);
        Assert.True(EcdsaTwin.IsLowS(body.AsSpan(29)), "the signer writes low-S signatures");
        EcdsaTwin.Flip(body.AsSpan(29));
        var twin = text[..29] + Base32.Encode(body);

        // The twin is a valid ECDSA signature too; refusing it leaves every code one accepted text.
        using var publicKey = ECDsa.Create();
        publicKey.ImportSubjectPublicKeyInfo(_signer.ExportPublicKey(), out _);
        Assert.True(publicKey.VerifyData(SignedPayloadFormat.SignedData(2, text.AsSpan(0, 29), body), body.AsSpan(29), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal("SignedPayload.NonCanonical", Error(twin, _verifying));
        Assert.True(PayloadReader.Read(text, _verifying).Success);
    }

    [Fact]
    public void Read_AlteredField_AlteredBody()
    {
        var venue = (SignedVenuePayload)PayloadReader.Read(Code(), _unverified).Value;
        var forged = new SignedVenuePayload(2, venue.BaseUrl, venue.KeyId, venue.Serial, venue.SubjectKey, 47, venue.VenueKind, venue.IssuedAt, venue.ExpiresAt, venue.Signature);
        Assert.True(PayloadReader.Read(forged.ToText(), _unverified).Success);
        Assert.Equal("SignedPayload.AlteredBody", Error(forged.ToText(), _verifying));
    }

    [Fact]
    public void Read_ZeroSignature_BadSignature()
    {
        var body = new byte[93];
        Base32.Decode(Code().AsSpan(29), body, out _);
        body.AsSpan(29).Clear();
        Assert.Equal("SignedPayload.BadSignature", Error(Code()[..29] + Base32.Encode(body), _verifying));
    }

    [Fact]
    public void Read_OtherKeyId_UnknownKey_SameIdOtherKey_AlteredBody()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Equal("SignedPayload.UnknownKey", Error(new CheckInSigner(other, 9, BaseUrl).SignPerson(1, 1, Issued).ToText(), _verifying));
        Assert.Equal("SignedPayload.AlteredBody", Error(new CheckInSigner(other, 1, BaseUrl).SignPerson(1, 1, Issued).ToText(), _verifying));
    }

    [Fact]
    public void Read_Validity_EachFailureItsOwnCode()
    {
        var expiring = Code(expiresAt: Now - Duration.FromHours(1));
        Assert.Equal("SignedPayload.Expired", Error(expiring, _verifying));
        Assert.Equal("SignedPayload.Expired", Error(expiring, _unverified));
        Assert.True(PayloadReader.Read(Code(expiresAt: Now + Duration.FromHours(1)), _verifying).Success);
        // The clock skew tolerates a few minutes either side.
        Assert.True(PayloadReader.Read(Code(expiresAt: Now - Duration.FromMinutes(2)), _verifying).Success);

        var future = _signer.SignVenue(1, 1, VenueKind.Market, Now + Duration.FromDays(1)).ToText();
        Assert.Equal("SignedPayload.NotYetValid", Error(future, _verifying));

        Assert.Equal("SignedPayload.KeyRevoked", Error(Code(), With(Trusted() with { Revoked = true })));
        Assert.Equal("SignedPayload.Revoked", Error(Code(serial: 7), _unverified with { VerificationKeys = new SigningKeyRing([Trusted()], [new RevokedCode(1, 7)]) }));
        Assert.True(PayloadReader.Read(Code(serial: 8), _unverified with { VerificationKeys = new SigningKeyRing([Trusted()], [new RevokedCode(1, 7)]) }).Success);
        Assert.Equal("SignedPayload.KeyExpired", Error(Code(), With(Trusted() with { NotAfter = Now - Duration.FromDays(1) })));
        Assert.Equal("SignedPayload.NotYetValid", Error(future, With(Trusted() with { NotBefore = Now + Duration.FromHours(12) })));
        Assert.Equal("SignedPayload.IssuedOutsideKeyValidity", Error(Code(), With(Trusted() with { NotBefore = Issued + Duration.FromDays(1) })));
        Assert.Equal("SignedPayload.IssuedOutsideKeyValidity", Error(Code(), With(Trusted() with { NotAfter = Issued - Duration.FromDays(1) })));
        Assert.Equal("SignedPayload.WrongKind", Error(_signer.SignPerson(1, 1, Issued).ToText(), With(Trusted() with { Subjects = SignedSubjects.Venue })));
        Assert.True(PayloadReader.Read(Code(), With(Trusted() with { Subjects = SignedSubjects.Venue })).Success);
    }

    [Fact]
    public void Rotation_OldCodesVerifyUntilTheirKeyEnds_NewCodesUseTheNewKey()
    {
        using var newKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var newSigner = new CheckInSigner(newKey, 2, BaseUrl);
        var retirement = Now + Duration.FromDays(30);
        var ring = new SigningKeyRing([
            Trusted() with { NotAfter = retirement },
            new TrustedSigningKey(2, newSigner.ExportPublicKey()) { NotBefore = Now - Duration.FromDays(1) },
        ]);
        var oldCode = Code();
        var newCode = newSigner.SignVenue(9, 46, VenueKind.Market, Now).ToText();
        var before = _unverified with { VerificationKeys = ring };
        var after = before with { Clock = new FakeClock(retirement + Duration.FromDays(1)) };
        Assert.True(PayloadReader.Read(oldCode, before).Success);
        Assert.True(PayloadReader.Read(newCode, before).Success);
        Assert.Equal("SignedPayload.KeyExpired", Error(oldCode, after));
        Assert.True(PayloadReader.Read(newCode, after).Success);
        // A code the old key claims to have signed after its retirement (a leaked key) is refused whatever the clock says.
        var late = _signer.SignVenue(1, 1, VenueKind.Market, retirement + Duration.FromHours(1)).ToText();
        Assert.Equal("SignedPayload.IssuedOutsideKeyValidity", Error(late, before));
    }

    [Fact]
    public void Version1_StillRead_ReportedAsVersion1()
    {
        var v1 = Version1Writer.Venue(_key, 1, "HTTPS://CHECKIN.EXAMPLE.VN/C/", 0x0123456789abcdef, 46, 1, Issued);
        var read = Assert.IsType<SignedVenuePayload>(PayloadReader.Read(v1, _verifying).Value);
        Assert.Equal(1, read.FormatVersion);
        Assert.True(read.IsVerified);
        Assert.Equal(0u, read.Serial);
        Assert.Null(read.ExpiresAt);
        Assert.Equal(v1, read.ToText());
        Assert.Contains(read.GetFields(), f => f is { Name: "formatVersion", Value: "1" });

        // What version 1 does not protect: its base is not signed, so a moved code still verifies; pinning hosts is the defence.
        var moved = "HTTPS://EVIL.EXAMPLE.VN/C/" + v1[29..];
        Assert.True(PayloadReader.Read(moved, _verifying).Value is SignedPayload { IsVerified: true });
        Assert.Equal("SignedPayload.WrongHost", Error(moved, _verifying with { TrustedHosts = ["checkin.example.vn"] }));
        // A reader may refuse version 1 altogether.
        Assert.Equal("SignedPayload.VersionRefused", Error(v1, _verifying with { MinimumSignedVersion = 2 }));
        // Lower case is accepted for version 1 and reported.
        Assert.True(PayloadReader.Read(v1.ToLowerInvariant(), _verifying).Value.Quirks.HasFlag(PayloadQuirks.IdentifierCaseChanged));
    }

    [Fact]
    public void Version1_HighSSignature_StillVerifies()
    {
        // Version 1 signers wrote whichever s ECDSA gave; half of the codes in the field are high-S and stay valid.
        var v1 = Version1Writer.Venue(_key, 1, "HTTPS://CHECKIN.EXAMPLE.VN/C/", 5, 46, 1, Issued);
        var body = new byte[81];
        Base32.Decode(v1.AsSpan(29), body, out _);
        EcdsaTwin.Flip(body.AsSpan(17));
        var other = v1[..29] + Base32.Encode(body);
        Assert.True(PayloadReader.Read(v1, _verifying).Value is SignedPayload { IsVerified: true });
        Assert.True(PayloadReader.Read(other, _verifying).Value is SignedPayload { IsVerified: true });
    }

    [Fact]
    public void Version1_DocumentedExample_Bytes()
    {
        var v1 = Version1Writer.Venue(_key, 1, "HTTPS://CHECKIN.EXAMPLE.VN/C/", 0x0123456789abcdef, 46, 1, Issued);
        var bytes = new byte[81];
        Base32.Decode(v1.AsSpan(29), bytes, out _);
        Assert.Equal("1100010123456789abcdef2e0161413780", Convert.ToHexStringLower(bytes, 0, 17));
    }

    [Theory]
    [InlineData(0x31, "SignedPayload.Version")]
    [InlineData(0x01, "SignedPayload.Version")]
    [InlineData(0x13, "SignedPayload.SubjectKind")]
    [InlineData(0x23, "SignedPayload.SubjectKind")]
    public void Read_BadHeader_Code(byte header, string code)
    {
        var body = new byte[header >> 4 == 2 ? 93 : 81];
        body[0] = header;
        var baseText = header >> 4 == 2 ? "HTTPS://CHECKIN.EXAMPLE.VN/C/" : BaseUrl;
        Assert.Equal(code, Error(baseText + Base32.Encode(body), _unverified));
    }

    [Theory]
    [InlineData(15, 100)]
    [InlineData(16, 12)]
    public void Read_FieldOutOfRange_FieldValue(int offset, byte value)
    {
        var body = new byte[93];
        Base32.Decode(Code().AsSpan(29), body, out _);
        body[offset] = value;
        Assert.Equal("SignedPayload.FieldValue", Error(Code()[..29] + Base32.Encode(body), _unverified));
    }

    [Fact]
    public void Read_ExpiryNotAfterIssue_FieldValue()
    {
        var body = new byte[93];
        Base32.Decode(Code().AsSpan(29), body, out _);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(21), (uint)Issued.ToUnixTimeSeconds());
        Assert.Equal("SignedPayload.FieldValue", Error(Code()[..29] + Base32.Encode(body), _unverified));
    }

    [Fact]
    public void SignatureStatus_CannotBeClaimedByTheCaller()
    {
        // No public constructor or setter makes a payload Valid: only PayloadReader with keys does.
        var property = typeof(SignedPayload).GetProperty(nameof(SignedPayload.SignatureStatus))!;
        Assert.False(property.SetMethod!.IsPublic);
        Assert.DoesNotContain(typeof(SignedVenuePayload).GetConstructors(), c => c.IsPublic && c.GetParameters().Length > 1);
        Assert.DoesNotContain(typeof(SignedPersonPayload).GetConstructors(), c => c.IsPublic && c.GetParameters().Length > 1);
    }

    [Fact]
    public void SigningKeyRing_FromPem_Verifies()
    {
        var pem = PemEncoding.WriteString("PUBLIC KEY", _signer.ExportPublicKey());
        var ring = SigningKeyRing.FromPem([KeyValuePair.Create((ushort)1, new string(pem))]);
        Assert.True(ring.Contains(1));
        Assert.True(PayloadReader.Read(Code(), _unverified with { VerificationKeys = ring }).Success);
    }

    [Fact]
    public void SigningKeyRing_WrongCurveOrDuplicate_Throws()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<ArgumentException>(() => new SigningKeyRing([KeyValuePair.Create((ushort)1, p384.ExportSubjectPublicKeyInfo())]));
        Assert.Throws<ArgumentException>(() => new SigningKeyRing([KeyValuePair.Create((ushort)1, new byte[] { 1, 2, 3 })]));
        Assert.Throws<ArgumentException>(() => new SigningKeyRing([Trusted(), Trusted()]));
    }

    [Fact]
    public void Signer_PublicKeyOnly_Throws()
    {
        using var publicOnly = ECDsa.Create();
        publicOnly.ImportSubjectPublicKeyInfo(_signer.ExportPublicKey(), out _);
        Assert.Throws<ArgumentException>(() => new CheckInSigner(publicOnly, 1, BaseUrl));
    }

    [Theory]
    [InlineData("ftp://x.vn/c/")]
    [InlineData("http://x.vn/c/")]
    [InlineData("https:///c/")]
    [InlineData("https://x.vn/c")]
    [InlineData("https://x.vn/c?x=/")]
    [InlineData("https://x.vn/c_d/")]
    public void Signer_BadBaseUrl_Throws(string baseUrl) =>
        Assert.Throws<ArgumentException>(() => new CheckInSigner(_key, 1, baseUrl));

    [Fact]
    public void Sign_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _signer.SignVenue(1, 100, VenueKind.Market, Issued));
        Assert.Throws<ArgumentOutOfRangeException>(() => _signer.SignVenue(1, 1, VenueKind.Market, Instant.FromUtc(1969, 1, 1, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _signer.SignVenue(1, 1, (VenueKind)99, Issued));
        Assert.Throws<ArgumentOutOfRangeException>(() => _signer.SignVenue(1, 1, VenueKind.Market, Issued, Issued, 1));
    }

    [Fact]
    public void Sign_ManyTimes_AlwaysLowS()
    {
        for (var i = 0; i < 64; i++)
        {
            var body = new byte[93];
            Base32.Decode(Code(serial: (uint)i).AsSpan(29), body, out _);
            Assert.Equal(SignedPayloadFormat.SignatureShape.Canonical, SignedPayloadFormat.Shape(body.AsSpan(29)));
        }
    }

    [Fact]
    public void NewSubjectKey_Random_Differs()
    {
        Assert.NotEqual(CheckInSigner.NewSubjectKey(), CheckInSigner.NewSubjectKey());
        Assert.NotEqual(CheckInSigner.NewSerial(), CheckInSigner.NewSerial());
    }

    [Fact]
    public void Options_OutOfRange_Coded()
    {
        Assert.Contains(new PayloadReaderOptions { TrustedHosts = ["bad host/"] }.Validate(), e => e.Code == CoreErrorCodes.ReaderOptions.TrustedHosts);
        Assert.Contains(new PayloadReaderOptions { SignedClockSkew = Duration.FromDays(2) }.Validate(), e => e.Code == CoreErrorCodes.ReaderOptions.SignedClockSkew);
        Assert.Contains(new PayloadReaderOptions { MinimumSignedVersion = 3 }.Validate(), e => e.Code == CoreErrorCodes.ReaderOptions.MinimumSignedVersion);
        Assert.Throws<InvalidOptionsException>(() => PayloadReader.Read(Code(), new PayloadReaderOptions { MinimumSignedVersion = 0 }));
    }
}

/// <summary>A version 1 writer made from <c>docs/signed-payload-v1.md</c> alone, for reading tests (CheckIn no longer writes version 1).</summary>
internal static class Version1Writer
{
    public static string Venue(ECDsa key, ushort keyId, string baseUrl, ulong venueKey, int province, int kind, Instant issuedAt)
    {
        var body = new byte[81];
        body[0] = 0x11;
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(1), keyId);
        BinaryPrimitives.WriteUInt64BigEndian(body.AsSpan(3), venueKey);
        body[11] = (byte)province;
        body[12] = (byte)kind;
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(13), (uint)issuedAt.ToUnixTimeSeconds());
        var signature = key.SignData("CHECKIN-SIGNED-V1"u8.ToArray().Concat(body[..17]).ToArray(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        signature.CopyTo(body, 17);
        return baseUrl + Base32.Encode(body);
    }
}

public sealed class Base32Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Encode_Rfc4648Vectors(string data, string encoded)
    {
        // RFC 4648 §10 test vectors, without padding.
        Assert.Equal(encoded, Base32.Encode(System.Text.Encoding.ASCII.GetBytes(data)));
        var buffer = new byte[16];
        var written = Base32.Decode(encoded.ToLowerInvariant(), buffer, out _);
        Assert.Equal(data, System.Text.Encoding.ASCII.GetString(buffer, 0, written));
    }

    [Theory]
    [InlineData("MZXW6YT1")]
    [InlineData("MZ")]
    [InlineData("M")]
    public void Decode_Invalid_MinusOne(string text) => Assert.Equal(-1, Base32.Decode(text, new byte[16], out _));
}
