using System.Security.Cryptography;
using CheckIn.Core.Identity;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using CheckIn.Core.Text;
using NodaTime;

namespace CheckIn.Core.Tests.Support;

/// <summary>Generates random valid payloads from a seed (FsCheck/CsCheck are not served here).</summary>
internal sealed class PayloadGenerator(int seed)
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Xuân"];
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dũng", "Hạnh", "Hương", "Khánh", "Linh", "Mai", "Nam", "Phúc", "Quân", "Thảo", "Trang", "Tuấn", "Yến", "Ánh", "Đạt"];
    private static readonly string[] Streets = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hùng Vương", "Điện Biên Phủ"];
    private static readonly int[] Provinces = [.. AdministrativeUnits.Default.Provinces(AdministrativeEra.Legacy).Select(p => p.Code)];
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public string Name() =>
        $"{Pick(FamilyNames)} {Pick(MiddleNames)}{(_random.Next(3) == 0 ? " " + Pick(MiddleNames) : string.Empty)} {Pick(GivenNames)}";

    public string Address() => $"{_random.Next(1, 300)} {Pick(Streets)}, Phường {_random.Next(1, 20)}, {Pick(FamilyNames)} {Pick(GivenNames)}";

    public LocalDate Date(int fromYear, int toYear) =>
        new LocalDate(fromYear, 1, 1).PlusDays(_random.Next((new LocalDate(toYear, 12, 31) - new LocalDate(fromYear, 1, 1)).Days + 1));

    public CitizenCardPayload CitizenCard()
    {
        var sex = _random.Next(2) == 0 ? Sex.Male : Sex.Female;
        var dob = Date(1930, 2012);
        var id = CitizenId.Create(Pick(Provinces), sex, dob.Year, _random.Next(1_000_000));
        LegacyIdNumber? old = _random.Next(3) == 0 ? null : LegacyIdNumber.Parse(_random.NextInt64(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture));
        var issued = Date(Math.Max(2016, dob.Year + 14), 2025);
        var extras = _random.Next(2) == 0
            ? default
            : new EquatableArray<string>(Enumerable.Range(0, 4).Select(_ => _random.Next(3) == 0 ? Name() : string.Empty));
        return new CitizenCardPayload(id, old, _random.Next(2) == 0 ? Name() : VietnameseText.FoldName(Name()), dob, sex, Address(), issued, extras);
    }

    public HealthInsuranceCardPayload HealthInsuranceCard()
    {
        var si = _random.NextInt64(0, 10_000_000_000).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
        var code = _random.Next(2) == 0
            ? si
            : $"{(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}{_random.Next(1, 6)}{Pick(Provinces):D2}{si}";
        var dob = _random.Next(4) == 0 ? BirthDate.FromYear(_random.Next(1930, 2015)) : BirthDate.FromDate(Date(1930, 2014));
        var from = Date(Math.Max(2015, dob.Year), 2024);
        LocalDate? to = _random.Next(3) == 0 ? null : from.PlusDays(_random.Next(0, 800));
        var seventeen = _random.Next(2) == 0;
        return new HealthInsuranceCardPayload(
            HealthInsuranceNumber.Parse(code),
            Name(),
            dob,
            _random.Next(2) == 0 ? Sex.Male : Sex.Female,
            _random.Next(3) == 0 ? null : Address(),
            new RegisteredClinic(Pick(Provinces), _random.Next(1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)),
            from,
            to,
            from.PlusDays(-_random.Next(0, 30)),
            _random.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture) + si,
            _random.Next(4) == 0 ? Name() : null,
            (LivingArea)_random.Next(4, 8),
            _random.Next(3) == 0 ? Date(2000, 2020) : null,
            Convert.ToHexStringLower(BitConverter.GetBytes(_random.NextInt64())) + "-" + _random.Next(10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            seventeen ? _random.Next(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            seventeen && _random.Next(4) != 0 ? "Bảo hiểm xã hội " + Name() : null);
    }

    public PersonalQrPayload PersonalQr()
    {
        var dob = Date(1930, 2015);
        var sex = _random.Next(2) == 0 ? Sex.Male : Sex.Female;
        var document = _random.Next(4) switch
        {
            0 => IdentityDocument.FromLegacyIdNumber(LegacyIdNumber.Parse(_random.NextInt64(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture))),
            1 => IdentityDocument.FromPassport(PassportNumber.Parse($"{(char)('A' + _random.Next(26))}{_random.Next(10_000_000):D7}")),
            _ => IdentityDocument.FromCitizenId(CitizenId.Create(Pick(Provinces), sex, dob.Year, _random.Next(1_000_000))),
        };
        if (_random.Next(4) == 0)
        {
            document = document.Masked();
        }

        var birth = _random.Next(4) == 0 ? BirthDate.FromYear(dob.Year) : BirthDate.FromDate(dob);
        var extensions = _random.Next(2) == 0
            ? default
            : new EquatableArray<string>(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => _random.Next(3) switch
            {
                0 => _random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => "09" + _random.Next(100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
                _ => "GD4877*******",
            }));
        return new PersonalQrPayload(document, VietnameseText.FoldName(Name()), birth, (DeclarationKind)_random.Next(2), "Q" + _random.NextInt64().ToString("X", System.Globalization.CultureInfo.InvariantCulture), extensions);
    }

    public TokhaiyteVenuePayload TokhaiyteVenue()
    {
        Span<byte> bytes = stackalloc byte[12];
        _random.NextBytes(bytes);
        return new TokhaiyteVenuePayload(Convert.ToHexStringLower(bytes));
    }

    public SignedPayload Signed()
    {
        var signer = new CheckInSigner(Key, (ushort)_random.Next(65536), _random.Next(2) == 0 ? "https://checkin.example.vn/c/" : "HTTP://QR.HUE.VN/");
        var time = Instant.FromUnixTimeSeconds(_random.NextInt64(0, uint.MaxValue));
        return _random.Next(2) == 0
            ? signer.SignVenue((ulong)_random.NextInt64(), _random.Next(100), (VenueKind)_random.Next(12), time)
            : signer.SignPerson((ulong)_random.NextInt64(), _random.Next(100), time);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
