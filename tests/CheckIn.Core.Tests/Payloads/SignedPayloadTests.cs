using System.Security.Cryptography;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Core.Tests.Payloads;

public sealed class SignedPayloadTests : IDisposable
{
    private const string BaseUrl = "https://checkin.example.vn/c/";
    private static readonly Instant Issued = Instant.FromUtc(2021, 9, 15, 0, 0);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly CheckInSigner _signer;
    private readonly PayloadReaderOptions _verifying;

    public SignedPayloadTests()
    {
        _signer = new CheckInSigner(_key, 1, BaseUrl);
        _verifying = new PayloadReaderOptions { VerificationKeys = new SigningKeyRing([KeyValuePair.Create((ushort)1, _signer.ExportPublicKey())]) };
    }

    public void Dispose() => _key.Dispose();

    [Fact]
    public void SignVenue_ReadWithKey_ValidAndEqual()
    {
        var venue = _signer.SignVenue(0x0123456789abcdef, 46, VenueKind.Market, Issued);
        var text = venue.ToText();
        Assert.StartsWith("HTTPS://CHECKIN.EXAMPLE.VN/C/", text, StringComparison.Ordinal);
        Assert.Equal(29 + 130, text.Length);

        var read = Assert.IsType<SignedVenuePayload>(PayloadReader.Read(text, _verifying).Value);
        Assert.Equal(SignatureStatus.Valid, read.SignatureStatus);
        Assert.Equal(venue, read with { SignatureStatus = SignatureStatus.NotVerified });
        Assert.Equal("0123456789abcdef", read.SubjectKeyText);
        Assert.Equal(46, read.ProvinceCode);
        Assert.Equal(VenueKind.Market, read.VenueKind);
        Assert.Equal(Issued, read.IssuedAt);
    }

    [Fact]
    public void SignPerson_ReadWithoutKeys_NotVerified()
    {
        var person = _signer.SignPerson(42, 0, Issued);
        var read = Assert.IsType<SignedPersonPayload>(PayloadReader.Read(person.ToText()).Value);
        Assert.Equal(SignatureStatus.NotVerified, read.SignatureStatus);
        Assert.Equal(PayloadKind.SignedPerson, read.Kind);
        Assert.Equal(42UL, read.SubjectKey);
    }

    [Fact]
    public void WriteSignedPart_DocumentedExample_Bytes()
    {
        // docs/signed-payload-v1.md: venue key 0123456789abcdef, province 46, market, 2021-09-15T00:00:00Z, key id 1.
        var venue = _signer.SignVenue(0x0123456789abcdef, 46, VenueKind.Market, Issued);
        var bytes = new byte[17];
        venue.WriteSignedPart(bytes);
        Assert.Equal("11000101234567 89abcdef2e0161413780".Replace(" ", "", StringComparison.Ordinal), Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void ToText_FitsVersion7AtLevelM()
    {
        // Base32 body (130) + the longest base (48) = 178, the alphanumeric capacity of a 7-M code.
        var longBase = "https://" + new string('a', CheckInSigner.MaxBaseUrlLength - 10) + "/";
        Assert.Equal(CheckInSigner.MaxBaseUrlLength - 1, longBase.Length);
        var text = new CheckInSigner(_key, 1, longBase).SignVenue(1, 1, VenueKind.School, Issued).ToText();
        Assert.True(text.Length <= 178);
        Assert.DoesNotContain(text, c => !(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || " $%*+-./:".Contains(c, StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_TamperedBody_BadSignature()
    {
        var text = _signer.SignVenue(7, 46, VenueKind.Market, Issued).ToText();
        // Change the province byte: re-encode a body with province 47 and the old signature.
        var venue = (SignedVenuePayload)PayloadReader.Read(text).Value;
        var forged = new SignedVenuePayload(venue.BaseUrl, venue.KeyId, venue.SubjectKey, 47, venue.VenueKind, venue.IssuedAt, venue.Signature);
        Assert.Equal("SignedPayload.BadSignature", PayloadReader.Read(forged.ToText(), _verifying).Error.Code);
    }

    [Fact]
    public void Read_OtherKeyId_UnknownKey()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var text = new CheckInSigner(other, 9, BaseUrl).SignPerson(1, 1, Issued).ToText();
        Assert.Equal("SignedPayload.UnknownKey", PayloadReader.Read(text, _verifying).Error.Code);
    }

    [Fact]
    public void Read_SameKeyIdDifferentKey_BadSignature()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var text = new CheckInSigner(other, 1, BaseUrl).SignPerson(1, 1, Issued).ToText();
        Assert.Equal("SignedPayload.BadSignature", PayloadReader.Read(text, _verifying).Error.Code);
    }

    [Fact]
    public void Read_AcceptedBases_OtherHostRefused()
    {
        var text = _signer.SignPerson(1, 1, Issued).ToText();
        var options = new PayloadReaderOptions { SignedPayloadBases = ["https://other.example.vn/c/"] };
        Assert.Equal("SignedPayload.UnexpectedBase", PayloadReader.Read(text, options).Error.Code);
        Assert.True(PayloadReader.Read(text, options with { SignedPayloadBases = [BaseUrl] }).Success);
    }

    [Fact]
    public void Read_LowerCaseBody_AcceptedAndReported()
    {
        var text = _signer.SignPerson(1, 1, Issued).ToText().ToLowerInvariant();
        var read = PayloadReader.Read(text, _verifying).Value;
        Assert.True(read.Quirks.HasFlag(PayloadQuirks.IdentifierCaseChanged));
        Assert.Equal(SignatureStatus.Valid, ((SignedPayload)read).SignatureStatus);
    }

    [Theory]
    [InlineData(0x21, "SignedPayload.Version")]
    [InlineData(0x13, "SignedPayload.SubjectKind")]
    public void Read_BadHeader_Code(byte header, string code)
    {
        var body = new byte[81];
        body[0] = header;
        Assert.Equal(code, PayloadReader.Read(BaseUrl + Base32.Encode(body)).Error.Code);
    }

    [Theory]
    [InlineData(11, 100)]
    [InlineData(12, 12)]
    public void Read_FieldOutOfRange_FieldValue(int offset, byte value)
    {
        var body = new byte[81];
        body[0] = 0x11;
        body[offset] = value;
        Assert.Equal("SignedPayload.FieldValue", PayloadReader.Read(BaseUrl + Base32.Encode(body)).Error.Code);
    }

    [Fact]
    public void Read_PersonWithVenueKind_FieldValue()
    {
        var body = new byte[81];
        body[0] = 0x12;
        body[12] = 1;
        Assert.Equal("SignedPayload.FieldValue", PayloadReader.Read(BaseUrl + Base32.Encode(body)).Error.Code);
    }

    [Fact]
    public void SigningKeyRing_FromPem_Verifies()
    {
        var pem = PemEncoding.WriteString("PUBLIC KEY", _signer.ExportPublicKey());
        var ring = SigningKeyRing.FromPem([KeyValuePair.Create((ushort)1, new string(pem))]);
        Assert.True(ring.Contains(1));
        var text = _signer.SignVenue(5, 1, VenueKind.Office, Issued).ToText();
        Assert.True(PayloadReader.Read(text, new PayloadReaderOptions { VerificationKeys = ring }).Success);
    }

    [Fact]
    public void SigningKeyRing_WrongCurve_Throws()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<ArgumentException>(() => new SigningKeyRing([KeyValuePair.Create((ushort)1, p384.ExportSubjectPublicKeyInfo())]));
        Assert.Throws<ArgumentException>(() => new SigningKeyRing([KeyValuePair.Create((ushort)1, new byte[] { 1, 2, 3 })]));
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
    }

    [Fact]
    public void NewSubjectKey_Random_Differs() => Assert.NotEqual(CheckInSigner.NewSubjectKey(), CheckInSigner.NewSubjectKey());
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
