using System.Text.Json;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Core.Payloads.Signed;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;

namespace CheckIn.Core.Tests.Payloads.Dcc;

public sealed class DccTests
{
    public static TheoryData<string, DccSignatureAlgorithm> Kinds => new()
    {
        { "v", DccSignatureAlgorithm.ES256 }, { "t", DccSignatureAlgorithm.ES256 }, { "r", DccSignatureAlgorithm.ES256 },
        { "v", DccSignatureAlgorithm.PS256 }, { "t", DccSignatureAlgorithm.PS256 }, { "r", DccSignatureAlgorithm.PS256 },
    };

    private static DigitalCovidCertificate Make(string kind) => kind switch
    {
        "v" => DccTestData.Vaccination(),
        "t" => DccTestData.Test(),
        _ => DccTestData.Recovery(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Issue_ReadWithTrustList_VerifiedAndEqual(string kind, DccSignatureAlgorithm algorithm)
    {
        var issuer = algorithm == DccSignatureAlgorithm.ES256 ? DccTestData.Es256 : DccTestData.Ps256;
        var certificate = Make(kind);
        var text = DccTestData.Issue(certificate, issuer);

        var payload = Assert.IsType<DccPayload>(PayloadReader.Read(text, DccTestData.Verifying).Value);

        Assert.Equal(SignatureStatus.Valid, payload.SignatureStatus);
        Assert.Equal(issuer.TrustedCertificate.KeyId, payload.Signer!.KeyId);
        Assert.Equal(algorithm, payload.Algorithm);
        Assert.Equal(certificate, payload.Certificate);
        Assert.Equal("VN", payload.Issuer);
        Assert.Equal(DccTestData.IssuedAt, payload.IssuedAt);
        Assert.Equal(DccTestData.ExpiresAt, payload.ExpiresAt);
        Assert.Equal(PayloadKind.DigitalCovidCertificate, payload.Kind);
        Assert.Equal(text, payload.ToText());
        Assert.Equal(payload, PayloadReader.Read(payload.ToText(), DccTestData.Verifying).Value);
    }

    [Fact]
    public void Read_WithoutTrustList_NotVerifiedAndNoSigner()
    {
        var payload = (DccPayload)PayloadReader.Read(DccTestData.Issue(DccTestData.Vaccination()), DccTestData.NotVerifying).Value;
        Assert.Equal(SignatureStatus.NotVerified, payload.SignatureStatus);
        Assert.Null(payload.Signer);

        // The same code read with a trust list is another value: an unverified read never equals a verified one.
        Assert.NotEqual<CheckInPayload>(payload, PayloadReader.Read(payload.Text, DccTestData.Verifying).Value);
    }

    [Fact]
    public void Read_UnverifiedCodeWithoutTrustList_StillRefusedWhenExpired()
    {
        var text = DccTestData.Issue(DccTestData.Vaccination(), DccTestData.Untrusted, issuedAt: DccTestData.Now - Duration.FromDays(30),
            expiresAt: DccTestData.Now - Duration.FromHours(1));
        Assert.Equal(CoreErrorCodes.Dcc.Expired, PayloadReader.Read(text, DccTestData.NotVerifying).Error.Code);
    }

    [Fact]
    public void Failures_EachStepHasItsCode()
    {
        foreach (var (code, produce) in DccTestData.Failures())
        {
            Assert.Equal(code, produce().Code);
        }
    }

    [Fact]
    public void Base45Failure_PositionIsTheCharactersInTheWholeText()
    {
        var error = PayloadReader.Read("HC1:AB~D", DccTestData.Verifying).Error;
        Assert.Equal(CoreErrorCodes.Dcc.Base45, error.Code);
        Assert.Equal(6, error.Position);
    }

    [Theory]
    [InlineData("nam.fnt", "fnt")]
    [InlineData("dob", "dob")]
    [InlineData("v[0].dt", "dt")]
    [InlineData("v[0].co", "co")]
    [InlineData("v[0].sd", "sd")]
    [InlineData("v", "group")]
    public void SchemaFailure_NamesTheMember(string property, string breach)
    {
        var good = DccTestData.Vaccination();
        var v = (DccVaccination)good.Entry;
        var certificate = breach switch
        {
            "fnt" => good with { Name = new DccName("Nguyễn", "Nguyen", null, null) },
            "dob" => good,
            "dt" => good,
            "co" => good with { Entry = new DccVaccination(v.Disease, v.VaccineType, v.Product, v.Manufacturer, 1, 2, v.Date, "vn", v.CertificateIssuer, v.CertificateId) },
            "sd" => good with { Entry = new DccVaccination(v.Disease, v.VaccineType, v.Product, v.Manufacturer, 1, 10, v.Date, v.Country, v.CertificateIssuer, v.CertificateId) },
            _ => good,
        };
        var hcert = DccIssuer.WriteCertificate(certificate);
        if (breach is "dob" or "dt" or "group")
        {
            // Rewrite one member's text in the CBOR: same length keeps the encoding valid.
            var (from, to) = breach switch
            {
                "dob" => ("1990-05-17", "1990-02-30"),
                "dt" => ("2021-10-01", "2021-13-01"),
                _ => ("\u0061\u0076\u0081", "\u0061\u0078\u0081"),
            };
            hcert = Replace(hcert, from, to);
        }

        var text = DccIssuer.Wrap(DccTestData.Es256.Sign(DccIssuer.WriteClaims("VN", DccTestData.IssuedAt, DccTestData.ExpiresAt, hcert), true));
        var error = PayloadReader.Read(text, DccTestData.Verifying).Error;
        Assert.Equal(CoreErrorCodes.Dcc.Schema, error.Code);
        Assert.Equal(property, error.Property);
    }

    private static byte[] Replace(byte[] bytes, string from, string to)
    {
        var f = System.Text.Encoding.Latin1.GetBytes(from);
        var t = System.Text.Encoding.Latin1.GetBytes(to);
        var at = bytes.AsSpan().IndexOf(f);
        Assert.True(at >= 0, "the member to breach is in the CBOR");
        var copy = (byte[])bytes.Clone();
        t.CopyTo(copy, at);
        return copy;
    }

    [Theory]
    [InlineData("1990", DccDatePrecision.Year)]
    [InlineData("1990-05", DccDatePrecision.Month)]
    [InlineData("1990-05-17", DccDatePrecision.Day)]
    public void DateOfBirth_EveryPrecisionRoundTrips(string text, DccDatePrecision precision)
    {
        Assert.True(DccDateOfBirth.TryParse(text, out var dob));
        Assert.Equal(precision, dob.Precision);
        Assert.Equal(text, dob.ToString());
        var certificate = DccTestData.Vaccination() with { DateOfBirth = dob };
        var payload = (DccPayload)PayloadReader.Read(DccTestData.Issue(certificate), DccTestData.Verifying).Value;
        Assert.Equal(dob, payload.Certificate.DateOfBirth);
        Assert.Equal(precision == DccDatePrecision.Day ? new LocalDate(1990, 5, 17) : null, payload.Certificate.DateOfBirth.Date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1899")]
    [InlineData("2100-01-01")]
    [InlineData("1990-13")]
    [InlineData("1990-02-29")]
    [InlineData("1990-5-17")]
    [InlineData("1990-05-17T00:00:00")]
    public void DateOfBirth_OutsideSchema_Refused(string text) => Assert.False(DccDateOfBirth.TryParse(text, out _));

    [Fact]
    public void Issue_SchemaBreach_ThrowsNamingTheMember()
    {
        var e = Assert.Throws<ArgumentException>(() => DccTestData.Issue(DccTestData.Vaccination(dose: 0)));
        Assert.Contains("v[0].dn", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyId_IsTheFirstEightBytesOfTheCertificatesSha256()
    {
        var trusted = DccTestData.Es256.TrustedCertificate;
        var expected = System.Security.Cryptography.SHA256.HashData(trusted.GetEncoded())[..8];
        Assert.Equal(expected, trusted.KeyId.Items.ToArray());
        var payload = (DccPayload)PayloadReader.Read(DccTestData.Issue(DccTestData.Vaccination()), DccTestData.NotVerifying).Value;
        Assert.Equal(trusted.KeyId, payload.KeyId);
    }

    [Fact]
    public void ExtendedKeyUsage_NamesTheTypesAndNoneMeansAll()
    {
        Assert.Equal([DccCertificateType.Vaccination], DccTestData.VaccinationOnly.TrustedCertificate.AllowedTypes);
        Assert.Equal(3, DccTestData.Es256.TrustedCertificate.AllowedTypes.Count);
        Assert.Equal(SignatureStatus.Valid, ((DccPayload)PayloadReader.Read(DccTestData.Issue(DccTestData.Vaccination(), DccTestData.VaccinationOnly), DccTestData.Verifying).Value).SignatureStatus);
    }

    [Fact]
    public void KeyIdInUnprotectedHeader_StillVerifies()
    {
        var claims = DccTestData.Decode(DccTestData.Issue(DccTestData.Vaccination())).Content!.Value.ToArray();
        var text = DccIssuer.Wrap(DccTestData.Es256.Sign(claims, keyIdProtected: false));
        Assert.Equal(SignatureStatus.Valid, ((DccPayload)PayloadReader.Read(text, DccTestData.Verifying).Value).SignatureStatus);
    }

    [Fact]
    public void ClockSkew_AllowsAnIssueTimeJustAhead()
    {
        var text = DccTestData.Issue(DccTestData.Vaccination(), issuedAt: DccTestData.Now + Duration.FromMinutes(3));
        Assert.True(PayloadReader.Read(text, DccTestData.Verifying).Success);
        Assert.Equal(CoreErrorCodes.Dcc.NotYetValid, PayloadReader.Read(text, DccTestData.Verifying with { SignedClockSkew = Duration.Zero }).Error.Code);
    }

    public static TheoryData<string> PublishedSamples => ["AT-1.json", "CH-1.json"];

    [Theory]
    [MemberData(nameof(PublishedSamples))]
    public void PublishedSample_DecodesAndVerifiesAtItsValidationClock(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", "Dcc", "Samples", file)));
        var root = json.RootElement;
        var certificate = DccTrustedCertificate.FromText(root.GetProperty("certificate").GetString()).Value;
        var clock = OffsetDateTimePattern.ExtendedIso.Parse(root.GetProperty("validationClock").GetString()!).Value.ToInstant();
        var options = new PayloadReaderOptions { Clock = new FakeClock(clock), DccTrustList = new DccTrustList([certificate]) };

        var payload = Assert.IsType<DccPayload>(PayloadReader.Read(root.GetProperty("hc1").GetString(), options).Value);

        Assert.Equal(SignatureStatus.Valid, payload.SignatureStatus);
        var vaccination = Assert.IsType<DccVaccination>(payload.Certificate.Entry);
        if (file.StartsWith("AT", StringComparison.Ordinal))
        {
            Assert.Equal(DccSignatureAlgorithm.ES256, payload.Algorithm);
            Assert.Equal("AT", payload.Issuer);
            Assert.Equal("MUSTERFRAU<GOESSINGER", payload.Certificate.Name.FamilyNameTransliterated);
            Assert.Equal(new DccDateOfBirth(1998, 2, 26), payload.Certificate.DateOfBirth);
            Assert.Equal(("EU/1/20/1528", 1, 2, new LocalDate(2021, 2, 18)), (vaccination.Product, vaccination.DoseNumber, vaccination.TotalDoses, vaccination.Date));
            Assert.True(Uvci.TryParse(vaccination.CertificateId, out var uvci));
            Assert.Equal(("AT", 'B', true), (uvci.Country, uvci.CheckCharacter, uvci.CheckCharacterValid));
        }
        else
        {
            Assert.Equal(DccSignatureAlgorithm.PS256, payload.Algorithm);
            Assert.Equal("CH", payload.Issuer);
            Assert.Equal("1.3.0", payload.Certificate.SchemaVersion);
            Assert.Equal("EU/1/20/1525", vaccination.Product);
            Assert.Equal(2, vaccination.DoseNumber);
        }

        // A day after the code expired, or with another certificate, the same text is refused with the reason.
        Assert.Equal(CoreErrorCodes.Dcc.Expired, PayloadReader.Read(payload.Text, options with { Clock = new FakeClock(payload.ExpiresAt!.Value + Duration.FromDays(1)), DccTrustList = null }).Error.Code);
        Assert.Equal(CoreErrorCodes.Dcc.UnknownKey, PayloadReader.Read(payload.Text, options with { DccTrustList = DccTestData.Trust }).Error.Code);
    }

    [Fact]
    public void Uvci_CheckCharacterIsLuhnModN()
    {
        // A published value pins the algorithm: Austria's test code carries "#B" over the whole text, prefix included.
        Assert.Equal('B', Uvci.CheckCharacterOf("URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813"));

        // The eHealth Network's example text: its check character reads back as valid, any other as not.
        var check = Uvci.CheckCharacterOf("URN:UVCI:01:NL:187/37512422923");
        Assert.True(Uvci.TryParse("URN:UVCI:01:NL:187/37512422923#" + check, out var uvci));
        Assert.Equal(("NL", "187/37512422923", true), (uvci.Country, uvci.UniqueString, uvci.CheckCharacterValid));
        var wrong = check == 'A' ? 'B' : 'A';
        Assert.True(Uvci.TryParse("urn:uvci:01:nl:187/37512422923#" + wrong, out var bad));
        Assert.False(bad.CheckCharacterValid);
        Assert.True(Uvci.TryParse("01:VN:BYT/0123", out var bare));
        Assert.Null(bare.CheckCharacterValid);
        Assert.False(Uvci.TryParse("URN:UVCI:02:VN:X", out _));
        Assert.False(Uvci.TryParse("URN:UVCI:01:VN:", out _));
        Assert.False(Uvci.TryParse("URN:UVCI:01:VN:A B", out _));
    }

    [Fact]
    public void ToStringAndFields_MaskThePerson()
    {
        var payload = (DccPayload)PayloadReader.Read(DccTestData.Issue(DccTestData.Vaccination()), DccTestData.Verifying).Value;
        var text = payload.ToString();
        foreach (var secret in new[] { "Nguyễn", "NGUYEN", "Văn An", "VAN<AN", "1990-05-17", "0123456789AB" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("1990-05-17", payload.Certificate.ToString(), StringComparison.Ordinal);
        Assert.Contains(payload.GetFields(reveal: true), f => f.Name == "dateOfBirth" && f.Value == "1990-05-17");
    }

    [Fact]
    public void Summary_VietnameseAndEnglish_MaskedByDefault()
    {
        var verified = (DccPayload)PayloadReader.Read(DccTestData.Issue(DccTestData.Vaccination()), DccTestData.Verifying).Value;
        var vi = DccSummary.Lines(verified, MessageLanguage.Vietnamese);
        Assert.Contains(vi, l => l.Name == "Chữ ký" && l.Value == "Đã xác minh (VN)");
        Assert.Contains(vi, l => l.Name == "Vắc xin" && l.Value == "Vaxzevria (AstraZeneca)");
        Assert.Contains(vi, l => l.Name == "Mũi" && l.Value == "2/2");
        Assert.Contains(vi, l => l.Name == "Ngày tiêm" && l.Value == "01/10/2021");
        Assert.Contains(vi, l => l.Name == "Họ tên" && l.Value == Redaction.MaskName("Nguyễn Văn An"));
        Assert.Contains(DccSummary.Lines(verified, MessageLanguage.Vietnamese, reveal: true), l => l.Name == "Họ tên" && l.Value == "Nguyễn Văn An");

        var en = DccSummary.Lines((DccPayload)PayloadReader.Read(DccTestData.Issue(DccTestData.Test()), DccTestData.NotVerifying).Value, MessageLanguage.English);
        Assert.Contains(en, l => l.Name == "Signature" && l.Value == "NOT verified");
        Assert.Contains(en, l => l.Name == "Result" && l.Value == "Not detected");
        Assert.Contains(en, l => l.Name == "Test" && l.Value == "Nucleic acid amplification with probe detection");
        Assert.DoesNotContain(en, l => l.Value!.Contains("1990-05-17", StringComparison.Ordinal));
    }

    [Fact]
    public void ValueSets_NameKnownCodesAndLeaveOthers()
    {
        Assert.Equal("Comirnaty", DccValueSets.NameOf(DccValueSet.VaccineProduct, "EU/1/20/1528"));
        Assert.Equal("Âm tính", DccValueSets.NameOf(DccValueSet.TestResult, DccTest.NotDetected, MessageLanguage.Vietnamese));
        Assert.Null(DccValueSets.NameOf(DccValueSet.VaccineProduct, "Nanocovax"));
        Assert.Equal("Nanocovax", DccValueSets.Display(DccValueSet.VaccineProduct, "Nanocovax"));
        Assert.Contains("BBIBP-CorV", DccValueSets.Codes(DccValueSet.VaccineProduct));
    }

    [Fact]
    public void TrustList_JsonAndPem_RoundTrip()
    {
        var json = DccTestData.Trust.ToJson();
        var read = DccTrustList.Read(json).Value;
        Assert.Equal(DccTestData.Trust.Certificates.Select(c => c.KeyId), read.Certificates.Select(c => c.KeyId));
        Assert.Equal("VN", read.Certificates[0].Country);

        var pem = string.Join('\n', DccTestData.Trust.Certificates.Select(c => c.Certificate.ExportCertificatePem()));
        Assert.Equal(5, DccTrustList.ReadPem(pem).Value.Certificates.Count);
        Assert.Single(DccTrustList.ReadPem(Convert.ToBase64String(DccTestData.Es256.TrustedCertificate.GetEncoded())).Value.Certificates);
        var broken = DccTrustList.ReadPem(pem.Replace("MII", "M!I", StringComparison.Ordinal));
        Assert.Equal(CoreErrorCodes.DccTrustList.Certificate, broken.Error.Code);
        Assert.Equal(0, broken.Error.Field);

        // A list as the EU gateway serves it: a bare array of entries with kid and rawData.
        var gateway = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[]
        {
            new { kid = Convert.ToBase64String(DccTestData.Ps256.TrustedCertificate.KeyId.Items.AsSpan()), country = "VN", certificateType = "DSC",
                rawData = Convert.ToBase64String(DccTestData.Ps256.TrustedCertificate.GetEncoded()) },
        }));
        Assert.Equal(DccTestData.Ps256.TrustedCertificate.KeyId, Assert.Single(DccTrustList.Read(gateway).Value.Certificates).KeyId);
    }

    [Fact]
    public void TrustedCertificate_TrailingBytes_Refused()
    {
        var der = DccTestData.Es256.TrustedCertificate.GetEncoded();
        Assert.Equal(CoreErrorCodes.DccTrustList.Certificate, DccTrustedCertificate.FromDer([.. der, 0]).Error.Code);
        Assert.True(DccTrustedCertificate.FromDer(der).Success);
    }

    [Fact]
    public void HealthCertificateClaim_OtherKeysAreSkippedWithTheirValues()
    {
        // Claim -260 holds the DCC under key 1; a text key and an integer key of other certificates come before it. A text
        // key whose value is the integer 1 must not be taken for key 1 (keys and values must stay paired).
        var certificate = DccTestData.Vaccination();
        var hcert = DccIssuer.WriteCertificate(certificate);
        var claims = new System.Formats.Cbor.CborWriter();
        claims.WriteStartMap(3);
        claims.WriteInt32(1);
        claims.WriteTextString("VN");
        claims.WriteInt32(6);
        claims.WriteInt64(DccTestData.IssuedAt.ToUnixTimeSeconds());
        claims.WriteInt32(-260);
        claims.WriteStartMap(3);
        claims.WriteTextString("note");
        claims.WriteInt32(1);
        claims.WriteInt32(7);
        claims.WriteTextString("another certificate");
        claims.WriteInt32(1);
        claims.WriteEncodedValue(hcert);
        claims.WriteEndMap();
        claims.WriteEndMap();

        var read = PayloadReader.Read(DccTestData.SignContent(claims.Encode()), DccTestData.Verifying);
        Assert.True(read.Success, read.Success ? null : read.Error.ToString());
        Assert.Equal(certificate, ((DccPayload)read.Value).Certificate);
    }

    [Fact]
    public void HeaderLabelBeyond32Bits_IsACoseFailureNotAnException()
    {
        // Found by the dcc fuzz target: the runtime's COSE reader lets an OverflowException escape for such a label.
        var header = new System.Formats.Cbor.CborWriter();
        header.WriteStartMap(2);
        header.WriteInt32(1);
        header.WriteInt32(-7);
        header.WriteInt64(1L << 40);
        header.WriteInt32(1);
        header.WriteEndMap();
        var writer = new System.Formats.Cbor.CborWriter();
        writer.WriteStartArray(4);
        writer.WriteByteString(header.Encode());
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteByteString([0xA0]);
        writer.WriteByteString(new byte[64]);
        writer.WriteEndArray();
        Assert.Equal(CoreErrorCodes.Dcc.Cose, PayloadReader.Read(DccIssuer.Wrap(writer.Encode()), DccTestData.Verifying).Error.Code);
    }

    [Fact]
    public void RealCodeText_LowerCasePrefix_IsAPrefixFailureNotUnknownFormat()
    {
        var text = DccTestData.Issue(DccTestData.Vaccination());
        Assert.Equal(CoreErrorCodes.Dcc.Prefix, PayloadReader.Read("hc1:" + text[4..], DccTestData.Verifying).Error.Code);
    }
}
