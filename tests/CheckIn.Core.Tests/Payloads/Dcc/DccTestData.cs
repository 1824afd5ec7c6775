using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text;
using System.Text.Json;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Core.Text;
using NodaTime;
using NodaTime.Testing;

namespace CheckIn.Core.Tests.Payloads.Dcc;

/// <summary>Issuers, certificates and one code made for every failure step of reading and verifying a DCC.</summary>
internal static class DccTestData
{
    /// <summary>The reader's clock: mid-December 2021, when Vietnam's vaccine passports were first issued.</summary>
    public static readonly Instant Now = Instant.FromUtc(2021, 12, 15, 3, 0);

    public static readonly Instant IssuedAt = Now - Duration.FromDays(2);

    public static readonly Instant ExpiresAt = Now + Duration.FromDays(365);

    public static readonly DccIssuer Es256 = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.ES256, Now - Duration.FromDays(60), Now + Duration.FromDays(730));

    public static readonly DccIssuer Ps256 = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.PS256, Now - Duration.FromDays(60), Now + Duration.FromDays(730));

    public static readonly DccIssuer VaccinationOnly = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.ES256, Now - Duration.FromDays(60), Now + Duration.FromDays(730),
        [DccCertificateType.Vaccination]);

    public static readonly DccIssuer NotYetValidCertificate = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.ES256, Now + Duration.FromDays(1), Now + Duration.FromDays(730));

    public static readonly DccIssuer ExpiredCertificate = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.ES256, Now - Duration.FromDays(730), Now - Duration.FromDays(1));

    public static readonly DccIssuer Untrusted = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.ES256, Now - Duration.FromDays(60), Now + Duration.FromDays(730));

    public static readonly DccTrustList Trust = new([Es256.TrustedCertificate, Ps256.TrustedCertificate, VaccinationOnly.TrustedCertificate,
        NotYetValidCertificate.TrustedCertificate, ExpiredCertificate.TrustedCertificate]);

    public static readonly PayloadReaderOptions Verifying = new() { Clock = new FakeClock(Now), DccTrustList = Trust };

    public static readonly PayloadReaderOptions NotVerifying = new() { Clock = new FakeClock(Now) };

    public static readonly DccName Name = new("Nguyễn", "NGUYEN", "Văn An", "VAN<AN");

    public static readonly DccDateOfBirth DateOfBirth = new(1990, 5, 17);

    public static DigitalCovidCertificate Vaccination(int dose = 2, int series = 2, LocalDate? date = null, string version = "1.3.0") => new(version, Name, DateOfBirth,
        new DccVaccination("840539006", "J07BX03", "EU/1/21/1529", "ORG-100001699", dose, series, date ?? new LocalDate(2021, 10, 1), "VN", "Ministry of Health of Viet Nam",
            "URN:UVCI:01:VN:BYT/0123456789AB"));

    public static DigitalCovidCertificate Test(bool negative = true, Instant? sampledAt = null) => new("1.3.0", Name, DateOfBirth,
        new DccTest("840539006", "LP6464-4", "RT-PCR", null, sampledAt ?? Now - Duration.FromHours(20), negative ? DccTest.NotDetected : DccTest.Detected,
            "CDC Thừa Thiên Huế", "VN", "Ministry of Health of Viet Nam", "URN:UVCI:01:VN:BYT/T0123456789"));

    public static DigitalCovidCertificate Recovery(LocalDate? firstPositive = null)
    {
        var first = firstPositive ?? new LocalDate(2021, 9, 1);
        return new("1.3.0", Name, DateOfBirth,
            new DccRecovery("840539006", first, "VN", "Ministry of Health of Viet Nam", first.PlusDays(11), first.PlusDays(180), "URN:UVCI:01:VN:BYT/R0123456789"));
    }

    public static string Issue(DigitalCovidCertificate certificate, DccIssuer? issuer = null, string country = "VN", Instant? issuedAt = null, Instant? expiresAt = null) =>
        (issuer ?? Es256).Issue(certificate, country, issuedAt ?? IssuedAt, expiresAt ?? ExpiresAt);

    /// <summary>Signs a health certificate written as given (schema breaches included), bypassing the issuer's check.</summary>
    public static string IssueUnchecked(DigitalCovidCertificate certificate) =>
        DccIssuer.Wrap(Es256.Sign(DccIssuer.WriteClaims("VN", IssuedAt, ExpiresAt, DccIssuer.WriteCertificate(certificate)), keyIdProtected: true));

    /// <summary>Signs raw content as the CWT payload.</summary>
    public static string SignContent(byte[] content, bool withKeyId = true) => DccIssuer.Wrap(Es256.Sign(content, keyIdProtected: true, withKeyId));

    /// <summary>The decompressed COSE message of an <c>HC1:</c> text.</summary>
    public static byte[] Cose(string hc1)
    {
        var zlib = Base45.Decode(hc1.AsSpan(4)).Value;
        using var input = new MemoryStream(zlib);
        using var inflater = new System.IO.Compression.ZLibStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A COSE_Sign1 written by hand: any protected header, payload and signature.</summary>
    public static byte[] HandWrittenCose(int algorithm, byte[] keyId, byte[] payload, byte[] signature)
    {
        var header = new CborWriter();
        header.WriteStartMap(2);
        header.WriteInt32(1);
        header.WriteInt32(algorithm);
        header.WriteInt32(4);
        header.WriteByteString(keyId);
        header.WriteEndMap();
        var writer = new CborWriter();
        writer.WriteTag((CborTag)18);
        writer.WriteStartArray(4);
        writer.WriteByteString(header.Encode());
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteByteString(payload);
        writer.WriteByteString(signature);
        writer.WriteEndArray();
        return writer.Encode();
    }

    public static CoseSign1Message Decode(string hc1) => CoseSign1Message.DecodeSign1(Cose(hc1));

    /// <summary>One input per code, each made for the step it names.</summary>
    public static IEnumerable<(string Code, Func<CheckInError> Produce)> Failures()
    {
        CheckInError Read(string text, PayloadReaderOptions? options = null) => PayloadReader.Read(text, options ?? Verifying).Error;
        var valid = Issue(Vaccination());
        var cose = Cose(valid);
        var message = CoseSign1Message.DecodeSign1(cose);

        yield return (CoreErrorCodes.Dcc.Prefix, () => Read("HC2:" + valid[4..]));
        yield return (CoreErrorCodes.Dcc.Base45, () => Read("HC1:AB~D"));
        yield return (CoreErrorCodes.Dcc.Compression, () => Read("HC1:" + Base45.Encode(cose)));
        yield return (CoreErrorCodes.Dcc.TooLarge, () => Read(DccIssuer.Wrap(new byte[200_000])));
        yield return (CoreErrorCodes.Dcc.Cose, () => Read(DccIssuer.Wrap([0x82, 0x01, 0x02])));
        yield return (CoreErrorCodes.Dcc.Algorithm, () =>
        {
            using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
            var headers = new CoseHeaderMap { { CoseHeaderLabel.KeyIdentifier, Es256.TrustedCertificate.KeyId.Items.ToArray() } };
            return Read(DccIssuer.Wrap(CoseSign1Message.SignEmbedded(message.Content!.Value.ToArray(), new CoseSigner(p384, HashAlgorithmName.SHA384, headers))));
        });
        yield return (CoreErrorCodes.Dcc.KeyId, () => Read(SignContent(message.Content!.Value.ToArray(), withKeyId: false)));
        yield return (CoreErrorCodes.Dcc.Claims, () =>
        {
            var text = new CborWriter();
            text.WriteTextString("not a claims map");
            return Read(SignContent(text.Encode()));
        });
        yield return (CoreErrorCodes.Dcc.Schema, () => Read(IssueUnchecked(Vaccination(dose: 0))));
        yield return (CoreErrorCodes.Dcc.Version, () => Read(IssueUnchecked(Vaccination(version: "2.0.0"))));
        yield return (CoreErrorCodes.Dcc.UnknownKey, () => Read(Issue(Vaccination(), Untrusted)));
        yield return (CoreErrorCodes.Dcc.KeyMismatch, () => Read(DccIssuer.Wrap(HandWrittenCose((int)DccSignatureAlgorithm.PS256,
            Es256.TrustedCertificate.KeyId.Items.ToArray(), message.Content!.Value.ToArray(), new byte[256]))));
        yield return (CoreErrorCodes.Dcc.BadSignature, () =>
        {
            var tampered = (byte[])cose.Clone();
            tampered[^1] ^= 0x01;
            return Read(DccIssuer.Wrap(tampered));
        });
        yield return (CoreErrorCodes.Dcc.CertificateNotYetValid, () => Read(Issue(Vaccination(), NotYetValidCertificate)));
        yield return (CoreErrorCodes.Dcc.CertificateExpired, () => Read(Issue(Vaccination(), ExpiredCertificate, issuedAt: Now - Duration.FromDays(10))));
        yield return (CoreErrorCodes.Dcc.SignedOutsideCertificateValidity, () => Read(Issue(Vaccination(), issuedAt: Now - Duration.FromDays(90))));
        yield return (CoreErrorCodes.Dcc.CertificateType, () => Read(Issue(Test(), VaccinationOnly)));
        yield return (CoreErrorCodes.Dcc.IssuerCountry, () => Read(Issue(Vaccination(), country: "FR")));
        yield return (CoreErrorCodes.Dcc.NotYetValid, () => Read(Issue(Vaccination(), issuedAt: Now + Duration.FromDays(1))));
        yield return (CoreErrorCodes.Dcc.Expired, () => Read(Issue(Vaccination(), issuedAt: Now - Duration.FromDays(30), expiresAt: Now - Duration.FromDays(1))));

        var der = Convert.ToBase64String(Es256.TrustedCertificate.GetEncoded());
        yield return (CoreErrorCodes.DccTrustList.TooLarge, () => DccTrustList.Read(new byte[DccTrustList.MaxLength + 1]).Error);
        yield return (CoreErrorCodes.DccTrustList.Json, () => DccTrustList.Read("{}"u8).Error);
        yield return (CoreErrorCodes.DccTrustList.Certificate, () => DccTrustList.Read("[{\"rawData\":\"AAAA\"}]"u8).Error);
        yield return (CoreErrorCodes.DccTrustList.KeyId, () => DccTrustList.Read(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(new[] { new { kid = "AAAAAAAAAAA=", rawData = der } }))).Error);
    }
}
