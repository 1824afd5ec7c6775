using CheckIn.Core.Identity;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Declarations.Tests;

/// <summary>Valid, real-shaped documents (synthetic people, real administrative codes).</summary>
internal static class DeclarationSamples
{
    public static readonly Address HanoiLegacy = new() { ProvinceCode = 1, DistrictCode = 1, CommuneCode = 1, Street = "12 Phó Đức Chính" };

    public static readonly Address HanoiReform = new() { ProvinceCode = 1, CommuneCode = 4, Street = "1 Hoàng Diệu" };

    public static DomesticDeclaration Domestic => new()
    {
        DeclaredAt = Instant.FromUtc(2021, 9, 1, 2, 0),
        FullName = "NGUYỄN VĂN AN",
        DocumentNumber = "001090123456",
        BirthYear = 1990,
        Sex = Sex.Male,
        Nationality = "VN",
        Address = HanoiLegacy,
        Phone = "0912 345 678",
        Email = "an@example.vn",
        PlacesVisited = new(["Chợ Long Biên", "Bệnh viện Bạch Mai"]),
        Symptoms = new([Symptom.Cough]),
        ChronicConditions = new([ChronicCondition.Diabetes]),
    };

    public static DomesticDeclaration DomesticOnBehalf => Domestic with
    {
        FullName = "NGUYỄN THỊ MAI",
        DocumentNumber = "001315123456",
        BirthYear = 2015,
        Sex = Sex.Female,
        Email = null,
        DeclaredBy = new Proxy { FullName = "Nguyễn Văn An", Phone = "0912345678", Relationship = "bố" },
        Address = HanoiReform,
        DeclaredAt = Instant.FromUtc(2025, 8, 1, 2, 0),
    };

    public static EntryDeclaration Entry => new()
    {
        DeclaredAt = Instant.FromUtc(2021, 10, 1, 3, 0),
        BorderGate = "Cảng hàng không quốc tế Nội Bài",
        FullName = "JOHN SMITH",
        BirthYear = 1980,
        Sex = Sex.Male,
        Nationality = "US",
        PassportNumber = "X1234567",
        Means = TravelMeans.Plane,
        VehicleNumber = "VN55",
        Seat = "12A",
        DepartureDate = new LocalDate(2021, 9, 30),
        ArrivalDate = new LocalDate(2021, 10, 1),
        DepartureCountry = "US",
        DepartureProvince = "California",
        Destination = HanoiLegacy with { Street = null },
        CountriesVisited = new(["US", "JP"]),
        AddressAfterQuarantine = HanoiLegacy,
        Phone = "+84 912 345 678",
        TestResult = TestResult.Negative,
        TestDate = new LocalDate(2021, 9, 29),
        QuarantineFacility = "Khách sạn Mường Thanh",
    };

    public static VenueRegistration Venue => new()
    {
        RegisteredAt = Instant.FromUtc(2025, 8, 1, 1, 0),
        Name = "Chợ Ba Đình",
        VenueKind = VenueKind.Market,
        Address = HanoiReform,
        RegistrantName = "Trần Thị Bích",
        RegistrantPhone = "0987654321",
    };

    public static PaperLogEntry PaperLog => new()
    {
        VenueId = "venue-00001",
        FullName = "Lê Văn Cường",
        DocumentNumber = "046205123456",
        Address = "Thôn 3, Xã Phú Thượng",
        CheckIn = Instant.FromUtc(2021, 9, 1, 1, 0),
        CheckOut = Instant.FromUtc(2021, 9, 1, 1, 30),
        WrittenBy = "Nguyễn Thị Lan",
    };

    public static SpecimenPairing Specimen => new()
    {
        TubeBarcode = "HUE2021090100123",
        Persons = new(["001090123456", "079301000456", "C1234567"]),
        Sampler = "Phạm Minh Tuấn",
        CollectedAt = Instant.FromUtc(2021, 9, 2, 3, 0),
    };

    public static VenueSafetyCheck Safety => new()
    {
        VenueId = "venue-00001",
        Date = new LocalDate(2021, 9, 3),
        Items = new(Enum.GetValues<SafetyCriterion>().Select(c => new SafetyCheckItem { Criterion = c, Passed = c != SafetyCriterion.VisitorLimitKept })),
        CheckedBy = "Võ Thị Hồng",
        Reports = new([new SafetyReport { ReportedAt = Instant.FromUtc(2021, 9, 3, 5, 0), Criterion = SafetyCriterion.MasksWorn, Text = "Nhân viên không đeo khẩu trang" }]),
    };

    public static IEnumerable<DeclarationDocument> All => [Domestic, DomesticOnBehalf, Entry, Venue, PaperLog, Specimen, Safety];
}
