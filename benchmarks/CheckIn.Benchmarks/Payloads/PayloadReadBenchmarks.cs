using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Benchmarks.Payloads;

/// <summary>
/// Reading each national format through <see cref="PayloadReader"/> (detection included). The baseline is a
/// straightforward reader of the ID card QR written the usual way (string.Split, DateTime.ParseExact), so
/// every figure is a ratio against it measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class PayloadReadBenchmarks
{
    private string _citizenCard = string.Empty;
    private string _healthInsurance = string.Empty;
    private string _personal = string.Empty;
    private string _venue = string.Empty;
    private string _signed = string.Empty;
    private PayloadReaderOptions _verifying = PayloadReaderOptions.Default;

    [GlobalSetup]
    public void Setup()
    {
        _citizenCard = "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||";
        static string Hex(string text) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));
        _healthInsurance = string.Join('|', "HS4010120878811", Hex("Nguyễn Văn An"), "15/08/2008", "1", Hex("Xã Phú Thượng, Huyện Phú Vang"),
            "46 - 123", "01/01/2021", "31/12/2021", "01/01/2021", "46010120878811", "-", "4", "-", "a1b2c3d4e5f60718-1234", "$");
        _personal = "******123456|NGUYEN VAN A|1990-**-**|1|QID8F3K2M9X|1<GD4877*******<0943******";
        _venue = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new CheckInSigner(key, 1, "https://checkin.example.vn/c/");
        _signed = signer.SignVenue(42, 46, VenueKind.Market, Instant.FromUtc(2021, 9, 15, 0, 0)).ToText();
        _verifying = new PayloadReaderOptions { VerificationKeys = new SigningKeyRing([KeyValuePair.Create((ushort)1, signer.ExportPublicKey())]) };
    }

    [Benchmark(Baseline = true)]
    public object NaiveSplitCitizenCard()
    {
        var f = _citizenCard.Split('|');
        if (f.Length is not (7 or 11) || f[0].Length != 12 || !long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return "invalid";
        }

        var dob = DateTime.ParseExact(f[3], "ddMMyyyy", CultureInfo.InvariantCulture);
        var issued = DateTime.ParseExact(f[6], "ddMMyyyy", CultureInfo.InvariantCulture);
        return (id, f[1], f[2].Normalize(NormalizationForm.FormC), dob, f[4] == "Nam", f[5].Normalize(NormalizationForm.FormC), issued);
    }

    [Benchmark]
    public CheckInPayload CitizenCard() => PayloadReader.Read(_citizenCard).Value;

    [Benchmark]
    public CheckInPayload HealthInsuranceCard() => PayloadReader.Read(_healthInsurance).Value;

    [Benchmark]
    public CheckInPayload PersonalQr() => PayloadReader.Read(_personal).Value;

    [Benchmark]
    public CheckInPayload TokhaiyteVenue() => PayloadReader.Read(_venue).Value;

    [Benchmark]
    public CheckInPayload SignedVenueUnverified() => PayloadReader.Read(_signed).Value;

    [Benchmark]
    public CheckInPayload SignedVenueVerified() => PayloadReader.Read(_signed, _verifying).Value;
}
