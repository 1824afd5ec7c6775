using System.Globalization;
using System.Security.Cryptography;
using CheckIn.Core.Identity;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using CheckIn.Core.Text;
using CsCheck;
using NodaTime;

namespace CheckIn.Core.Tests.Support;

/// <summary>CsCheck generators of valid payloads of every kind; failures shrink to a small payload.</summary>
internal static class PayloadGens
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Xuân"];
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dũng", "Hạnh", "Hương", "Khánh", "Linh", "Mai", "Nam", "Phúc", "Quân", "Thảo", "Trang", "Tuấn", "Yến", "Ánh", "Đạt"];
    private static readonly string[] Streets = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hùng Vương", "Điện Biên Phủ"];
    private static readonly int[] Provinces = [.. AdministrativeUnits.Default.Provinces(AdministrativeEra.Legacy).Select(p => p.Code)];
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static readonly Gen<string> Name =
        Gen.Select(Gen.OneOf(FamilyNames), Gen.OneOf(MiddleNames), Gen.OneOf(MiddleNames).Array[0, 1], Gen.OneOf(GivenNames),
            (family, middle, more, given) => string.Join(' ', [family, middle, .. more, given]));

    public static readonly Gen<string> Address =
        Gen.Select(Gen.Int[1, 299], Gen.OneOf(Streets), Gen.Int[1, 19], Gen.OneOf(FamilyNames), Gen.OneOf(GivenNames),
            (number, street, ward, a, b) => $"{number} {street}, Phường {ward}, {a} {b}");

    public static readonly Gen<Sex> Sex = Gen.OneOf(CheckIn.Core.Identity.Sex.Male, CheckIn.Core.Identity.Sex.Female);

    public static readonly Gen<int> Province = Gen.OneOf(Provinces);

    private static readonly Gen<string> NineDigits = Gen.Long[0, 999_999_999].Select(n => n.ToString("D9", Invariant));

    public static Gen<LocalDate> Date(int fromYear, int toYear)
    {
        var first = new LocalDate(fromYear, 1, 1);
        return Gen.Int[0, (new LocalDate(toYear, 12, 31) - first).Days].Select(first.PlusDays);
    }

    public static readonly Gen<CitizenCardPayload> CitizenCard =
        from sex in Sex
        from dob in Date(1930, 2012)
        from province in Province
        from serial in Gen.Int[0, 999_999]
        from old in NineDigits.Select(LegacyIdNumber.Parse).Nullable(0.33)
        from issued in Date(Math.Max(2016, dob.Year + 14), 2025)
        from extras in Gen.Frequency((1, Gen.Const(default(EquatableArray<string>))), (1, Gen.Frequency((1, Name), (2, Gen.Const(string.Empty))).Array[4].Select(a => new EquatableArray<string>(a))))
        from name in Name
        from folded in Gen.Bool
        from address in Address
        select new CitizenCardPayload(CitizenId.Create(province, sex, dob.Year, serial), old, folded ? VietnameseText.FoldName(name) : name, dob, sex, address, issued, extras);

    public static readonly Gen<HealthInsuranceCardPayload> HealthInsuranceCard =
        from si in Gen.Long[0, 9_999_999_999].Select(n => n.ToString("D10", Invariant))
        from bareNumber in Gen.Bool
        from beneficiary in Gen.Char['A', 'Z'].Array[2]
        from level in Gen.Int[1, 5]
        from province in Province
        from yearOnly in Gen.Int[0, 3].Select(i => i == 0)
        from year in Gen.Int[1930, 2014]
        from dobDate in Date(1930, 2014)
        from name in Name
        from sex in Sex
        from address in Address.Null(0.33)
        from clinic in Gen.Int[0, 999]
        let dob = yearOnly ? BirthDate.FromYear(year) : BirthDate.FromDate(dobDate)
        from validFrom in Date(Math.Max(2015, dob.Year), 2024)
        from validDays in Gen.Int[0, 800].Nullable(0.33)
        from issuedBefore in Gen.Int[0, 29]
        from management in Gen.Int[1000, 9998]
        from guardian in Name.Null(0.75)
        from area in Gen.Int[4, 7]
        from fiveYears in Date(2000, 2020).Nullable(0.66)
        from serial in Gen.ULong
        from suffix in Gen.Int[0, 9999]
        from seventeen in Gen.Bool
        from extra in Gen.Int[1, 9]
        from issuer in Name.Null(0.25)
        select new HealthInsuranceCardPayload(
            HealthInsuranceNumber.Parse(bareNumber ? si : $"{beneficiary[0]}{beneficiary[1]}{level}{province:D2}{si}"),
            name,
            dob,
            sex,
            address,
            new RegisteredClinic(province, clinic.ToString("D3", Invariant)),
            validFrom,
            validDays is { } days ? validFrom.PlusDays(days) : null,
            validFrom.PlusDays(-issuedBefore),
            management.ToString(Invariant) + si,
            guardian,
            (LivingArea)area,
            fiveYears,
            Convert.ToHexStringLower(BitConverter.GetBytes(serial)) + "-" + suffix.ToString("D4", Invariant),
            seventeen ? extra.ToString(Invariant) : null,
            seventeen && issuer is not null ? "Bảo hiểm xã hội " + issuer : null);

    private static readonly Gen<string> Extension = Gen.OneOf(
        Gen.Int[0, 2].Select(i => i.ToString(Invariant)),
        Gen.Int[0, 99_999_999].Select(i => "09" + i.ToString("D8", Invariant)),
        Gen.Const("GD4877*******"));

    public static readonly Gen<PersonalQrPayload> PersonalQr =
        from dob in Date(1930, 2015)
        from sex in Sex
        from kind in Gen.Int[0, 3]
        from legacy in NineDigits
        from passportLetter in Gen.Char['A', 'Z']
        from passportNumber in Gen.Int[0, 9_999_999]
        from province in Province
        from serial in Gen.Int[0, 999_999]
        from masked in Gen.Int[0, 3].Select(i => i == 0)
        from yearOnly in Gen.Int[0, 3].Select(i => i == 0)
        from extensions in Gen.Frequency((1, Gen.Const(default(EquatableArray<string>))), (1, Extension.Array[1, 3].Select(a => new EquatableArray<string>(a))))
        from name in Name
        from declaration in Gen.Int[0, 1]
        from qid in Gen.Long
        let document = kind switch
        {
            0 => IdentityDocument.FromLegacyIdNumber(LegacyIdNumber.Parse(legacy)),
            1 => IdentityDocument.FromPassport(PassportNumber.Parse($"{passportLetter}{passportNumber:D7}")),
            _ => IdentityDocument.FromCitizenId(CitizenId.Create(province, sex, dob.Year, serial)),
        }
        select new PersonalQrPayload(masked ? document.Masked() : document, VietnameseText.FoldName(name), yearOnly ? BirthDate.FromYear(dob.Year) : BirthDate.FromDate(dob),
            (DeclarationKind)declaration, "Q" + qid.ToString("X", Invariant), extensions);

    public static readonly Gen<TokhaiyteVenuePayload> TokhaiyteVenue =
        Gen.Byte.Array[12].Select(bytes => new TokhaiyteVenuePayload(Convert.ToHexStringLower(bytes)));

    public static readonly Gen<SignedPayload> Signed =
        from keyId in Gen.Int[0, 65535]
        from upperBase in Gen.Bool
        from seconds in Gen.Long[0, 1_700_000_000]
        from venue in Gen.Bool
        from subject in Gen.ULong
        from province in Gen.Int[0, 99]
        from kind in Gen.Int[0, 11]
        let signer = new CheckInSigner(Key, (ushort)keyId, upperBase ? "HTTPS://QR.HUE.VN/" : "https://checkin.example.vn/c/")
        let time = Instant.FromUnixTimeSeconds(seconds)
        select venue ? (SignedPayload)signer.SignVenue(subject, province, (VenueKind)kind, time) : signer.SignPerson(subject, province, time);

    /// <summary>The generator of a format's payloads, as the base type.</summary>
    public static Gen<CheckInPayload> Of(string format) => format switch
    {
        "CitizenCard" => CitizenCard.Select(p => (CheckInPayload)p),
        "HealthInsuranceCard" => HealthInsuranceCard.Select(p => (CheckInPayload)p),
        "PersonalQr" => PersonalQr.Select(p => (CheckInPayload)p),
        "TokhaiyteVenue" => TokhaiyteVenue.Select(p => (CheckInPayload)p),
        _ => Signed.Select(p => (CheckInPayload)p),
    };

    /// <summary>Values of a generator from a fixed seed: the same list on every run.</summary>
    public static List<T> Fixed<T>(Gen<T> gen, int count, ulong seed)
    {
        var pcg = new PCG(1, seed);
        var values = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            values.Add(gen.Generate(pcg, null!, out _));
        }

        return values;
    }
}
