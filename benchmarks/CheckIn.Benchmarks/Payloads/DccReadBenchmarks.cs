using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Benchmarks.Payloads;

/// <summary>
/// Reading a vaccine passport (<c>HC1:</c>) through <see cref="PayloadReader"/>: decoded only, and verified with ES256 and
/// PS256 document signers. The baseline is CheckIn's own signed venue code read and verified (one ECDSA P-256
/// verification, like ES256), so the figures say what the DCC's layers (Base45, zlib, COSE, CBOR, the schema, the
/// certificate checks) cost beyond the signature.
/// </summary>
[MemoryDiagnoser]
public class DccReadBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2021, 12, 15, 3, 0);
    private DccIssuer _es256 = null!;
    private DccIssuer _ps256 = null!;
    private string _signedVenue = string.Empty;
    private string _es256Text = string.Empty;
    private string _ps256Text = string.Empty;
    private PayloadReaderOptions _venueOptions = PayloadReaderOptions.Default;
    private PayloadReaderOptions _decodeOnly = PayloadReaderOptions.Default;
    private PayloadReaderOptions _verifying = PayloadReaderOptions.Default;

    [GlobalSetup]
    public void Setup()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new CheckInSigner(key, 1, "https://checkin.example.vn/c/");
        _signedVenue = signer.SignVenue(42, 46, VenueKind.Market, Now - Duration.FromDays(1)).ToText();
        _venueOptions = new PayloadReaderOptions { Clock = new StoppedClock(Now), VerificationKeys = new SigningKeyRing([KeyValuePair.Create((ushort)1, signer.ExportPublicKey())]) };

        _es256 = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.ES256, Now - Duration.FromDays(90), Now + Duration.FromDays(730));
        _ps256 = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.PS256, Now - Duration.FromDays(90), Now + Duration.FromDays(730));
        var certificate = new DigitalCovidCertificate("1.3.0", new DccName("Nguyễn", "NGUYEN", "Văn An", "VAN<AN"), new DccDateOfBirth(1990, 5, 17),
            new DccVaccination("840539006", "J07BX03", "EU/1/21/1529", "ORG-100001699", 2, 2, new LocalDate(2021, 10, 1), "VN", "Ministry of Health of Viet Nam", "URN:UVCI:01:VN:BYT/0123456789AB"));
        _es256Text = _es256.Issue(certificate, "VN", Now - Duration.FromDays(2), Now + Duration.FromDays(365));
        _ps256Text = _ps256.Issue(certificate, "VN", Now - Duration.FromDays(2), Now + Duration.FromDays(365));
        _decodeOnly = new PayloadReaderOptions { Clock = new StoppedClock(Now) };
        _verifying = _decodeOnly with { DccTrustList = new DccTrustList([_es256.TrustedCertificate, _ps256.TrustedCertificate]) };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _es256.Dispose();
        _ps256.Dispose();
    }

    [Benchmark(Baseline = true)]
    public CheckInPayload SignedVenueVerified() => PayloadReader.Read(_signedVenue, _venueOptions).Value;

    [Benchmark]
    public CheckInPayload DccDecodedOnly() => PayloadReader.Read(_es256Text, _decodeOnly).Value;

    [Benchmark]
    public CheckInPayload DccEs256Verified() => PayloadReader.Read(_es256Text, _verifying).Value;

    [Benchmark]
    public CheckInPayload DccPs256Verified() => PayloadReader.Read(_ps256Text, _verifying).Value;
}

/// <summary>A clock stopped at one instant (the benchmarks carry no test packages).</summary>
internal sealed class StoppedClock(Instant instant) : IClock
{
    public Instant GetCurrentInstant() => instant;
}
