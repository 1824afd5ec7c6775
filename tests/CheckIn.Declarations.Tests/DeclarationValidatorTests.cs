using CheckIn.Core;
using CheckIn.Core.Identity;
using CheckIn.Core.Places;
using CheckIn.Testing;
using NodaTime;
using NodaTime.Testing;
using Codes = CheckIn.Declarations.DeclarationErrorCodes;

namespace CheckIn.Declarations.Tests;

public sealed class DeclarationValidatorTests
{
    private static readonly DeclarationValidator Validator = new(new DeclarationRules { Clock = new FakeClock(Instant.FromUtc(2026, 11, 22, 0, 0)) });

    public static TheoryData<string> ValidNames => ["Domestic", "DomesticOnBehalf", "Entry", "Venue", "PaperLog", "Specimen", "Safety"];

    private static DeclarationDocument Sample(string name) => name switch
    {
        "Domestic" => DeclarationSamples.Domestic,
        "DomesticOnBehalf" => DeclarationSamples.DomesticOnBehalf,
        "Entry" => DeclarationSamples.Entry,
        "Venue" => DeclarationSamples.Venue,
        "PaperLog" => DeclarationSamples.PaperLog,
        "Specimen" => DeclarationSamples.Specimen,
        _ => DeclarationSamples.Safety,
    };

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Validate_RealShapedDocument_Valid(string name)
    {
        var result = Validator.Validate(Sample(name));
        Assert.True(result.IsValid, string.Join("; ", result.Failures.Select(f => $"{f.Code} {f.Property}")));
    }

    /// <summary>One case per code: a valid document changed in one place, and the code and property it must fail with.</summary>
    private static IEnumerable<(string Code, string Property, DeclarationDocument Document)> Cases()
    {
        var d = DeclarationSamples.Domestic;
        var e = DeclarationSamples.Entry;
        var v = DeclarationSamples.Venue;
        var p = DeclarationSamples.PaperLog;
        var s = DeclarationSamples.Specimen;
        var c = DeclarationSamples.Safety;
        yield return (Codes.Text.Required, "fullName", d with { FullName = "  " });
        yield return (Codes.Text.TooLong, "fullName", d with { FullName = new string('A', 101) });
        yield return (Codes.Text.ControlCharacter, "fullName", d with { FullName = "NGUYỄN\tAN" });
        yield return (Codes.Text.FormatCharacter, "fullName", d with { FullName = "NGUYỄN \u202EAN" });
        yield return (Codes.Text.NotNormalized, "fullName", d with { FullName = "NGUYỄN  AN" });
        yield return (Codes.Text.NotUpperCase, "fullName", d with { FullName = "Nguyễn Văn An" });
        yield return (Codes.Text.HasDiacritics, "fullName", e with { FullName = "NGUYỄN VĂN AN" });
        yield return (Codes.Identity.DocumentNumber, "documentNumber", d with { DocumentNumber = "12345" });
        yield return (Codes.Identity.PassportNumber, "passportNumber", e with { PassportNumber = "X-1" });
        yield return (Codes.Identity.BirthYear, "birthYear", d with { BirthYear = 1850 });
        yield return (Codes.Identity.BirthYearMismatch, "documentNumber", d with { BirthYear = 1991 });
        yield return (Codes.Identity.SexMismatch, "documentNumber", d with { Sex = Sex.Female });
        yield return (Codes.Identity.Sex, "sex", d with { Sex = Sex.Unspecified });
        yield return (Codes.Identity.Country, "nationality", d with { Nationality = "XX" });
        yield return (Codes.Contact.Phone, "phone", d with { Phone = "12345" });
        yield return (Codes.Contact.Email, "email", d with { Email = "not an email" });
        yield return (Codes.Contact.PhoneOrDocumentRequired, "phone", p with { DocumentNumber = null, Phone = null });
        yield return (Codes.Address.Required, "address", d with { Address = null });
        yield return (Codes.Address.Province, "address.provinceCode", d with { Address = DeclarationSamples.HanoiLegacy with { ProvinceCode = 3 } });
        yield return (Codes.Address.District, "address.districtCode", d with { Address = DeclarationSamples.HanoiLegacy with { DistrictCode = null } });
        yield return (Codes.Address.DistrictAbolished, "address.districtCode", v with { Address = DeclarationSamples.HanoiReform with { DistrictCode = 1 } });
        yield return (Codes.Address.DistrictNotInProvince, "address.districtCode", d with { Address = DeclarationSamples.HanoiLegacy with { DistrictCode = 760 } });
        yield return (Codes.Address.Commune, "address.communeCode", v with { Address = DeclarationSamples.HanoiReform with { CommuneCode = 1 } });
        yield return (Codes.Address.CommuneNotInArea, "address.communeCode", d with { Address = DeclarationSamples.HanoiLegacy with { CommuneCode = 40 } });
        yield return (Codes.Time.Required, "declaredAt", d with { DeclaredAt = null });
        yield return (Codes.Time.InFuture, "declaredAt", d with { DeclaredAt = Instant.FromUtc(2026, 11, 22, 0, 11) });
        yield return (Codes.Time.EndBeforeStart, "checkOut", p with { CheckOut = p.CheckIn });
        yield return (Codes.Time.TooEarly, "date", c with { Date = new LocalDate(2019, 12, 31) });
        yield return (Codes.Choice.NotOnForm, "symptoms[1]", d with { Symptoms = new([Symptom.Cough, Symptom.Rash]) });
        yield return (Codes.Choice.Duplicate, "countriesVisited[2]", e with { CountriesVisited = new(["US", "JP", "US"]) });
        yield return (Codes.Choice.TooMany, "persons", s with { Persons = new(Enumerable.Range(0, 11).Select(i => "P" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) });
        yield return (Codes.Choice.Required, "means", e with { Means = null });
        yield return (Codes.Form.Proxy, "declaredBy", d with { DeclaredBy = new Proxy() });
        yield return (Codes.Form.VehicleNumber, "vehicleNumber", e with { VehicleNumber = null });
        yield return (Codes.Form.TestDate, "testDate", e with { TestDate = new LocalDate(2021, 10, 2) });
        yield return (Codes.Form.VenueKind, "venueKind", v with { VenueKind = VenueKind.Unspecified });
        yield return (Codes.Form.TubeBarcode, "tubeBarcode", s with { TubeBarcode = "AB-12" });
        yield return (Codes.Form.NoPersons, "persons", s with { Persons = default });
        yield return (Codes.Form.ChecklistIncomplete, "items", c with { Items = new(c.Items.Take(7)) });
    }

    [Fact]
    public void EveryValidationCode_IsReachedWithItsProperty_InBothLanguages()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, property, document) in Cases())
        {
            var failure = Assert.Single(Validator.Validate(document).Failures, f => f.Code == code && f.Property == property);
            Assert.Equal(Codes.Messages.Find(code, MessageLanguage.Vietnamese), failure.GetDescription(MessageLanguage.Vietnamese));
            Assert.Equal(Codes.Messages.Find(code, MessageLanguage.English), failure.GetDescription(MessageLanguage.English));
            Assert.EndsWith($" ({property}).", failure.GetMessage(MessageLanguage.English), StringComparison.Ordinal);
            reached.Add(code);
        }

        var validationCodes = Codes.All().Where(code => !code.StartsWith("Json.", StringComparison.Ordinal) && !code.StartsWith("DeclarationRules.", StringComparison.Ordinal));
        Assert.Empty(validationCodes.Except(reached));
    }

    /// <summary>Regression: bidirectional overrides, isolates, zero-width characters and the byte order mark display a name or address as something else.</summary>
    [Theory]
    [InlineData("\u202A")]
    [InlineData("\u202B")]
    [InlineData("\u202C")]
    [InlineData("\u202D")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    [InlineData("\u2067")]
    [InlineData("\u2068")]
    [InlineData("\u2069")]
    [InlineData("\u200B")]
    [InlineData("\u200D")]
    [InlineData("\uFEFF")]
    public void Validate_InvisibleFormatCharacter_InNameOrAddress_Refused(string character)
    {
        var d = DeclarationSamples.Domestic;
        Assert.Contains(Validator.Validate(d with { FullName = "NGUYỄN VĂN" + character + " AN" }).Failures, f => (f.Code, f.Property) == (Codes.Text.FormatCharacter, "fullName"));
        var address = d with { Address = d.Address! with { Street = "12 Phố" + character + " Huế" } };
        Assert.Contains(Validator.Validate(address).Failures, f => (f.Code, f.Property) == (Codes.Text.FormatCharacter, "address.street"));
    }

    /// <summary>Regression: a declaration time at the very end of what NodaTime holds made the validator throw.</summary>
    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T16:59:59Z")]
    [InlineData("-9998-01-01T00:00:00Z")]
    public void Validate_DeclaredAtAtTheEndsOfTime_CodedFailureNoThrow(string declaredAt)
    {
        var instant = NodaTime.Text.InstantPattern.ExtendedIso.Parse(declaredAt).Value;
        var result = Validator.Validate(DeclarationSamples.Domestic with { DeclaredAt = instant });
        Assert.Contains(result.Failures, f => f.Property == "declaredAt" && f.Code.StartsWith("Time.", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OneChange_OnlyThatFailure()
    {
        var result = Validator.Validate(DeclarationSamples.Domestic with { Phone = "0912" });
        var failure = Assert.Single(result.Failures);
        Assert.Equal((Codes.Contact.Phone, "phone"), (failure.Code, failure.Property));
    }

    [Fact]
    public void Validate_AddressDateDecidesEra()
    {
        // From 1 July 2025 an address is province + commune (00004 is Phường Ba Đình); the day before it needs a district.
        var after = DeclarationSamples.Domestic with { DeclaredAt = Instant.FromUtc(2025, 7, 1, 0, 0), Address = DeclarationSamples.HanoiReform };
        Assert.True(Validator.Validate(after).IsValid);
        var before = after with { DeclaredAt = Instant.FromUtc(2025, 6, 30, 0, 0) };
        Assert.Contains(Validator.Validate(before).Failures, f => f.Code == Codes.Address.District);
    }

    [Fact]
    public void Validate_LegacyProvinceAfterReform_Refused()
    {
        // Hà Giang (02) was merged on 1 July 2025.
        var merged = DeclarationSamples.Venue with { Address = new Address { ProvinceCode = 2, CommuneCode = 4, Street = "1 Đường A" } };
        Assert.Contains(Validator.Validate(merged).Failures, f => f.Code == Codes.Address.Province);
    }

    [Fact]
    public void Validate_LandlineForRegistrant_RefusedMobileRequired()
    {
        var result = Validator.Validate(DeclarationSamples.Venue with { RegistrantPhone = "024 3825 1234" });
        Assert.Equal(Codes.Contact.Phone, Assert.Single(result.Failures).Code);
    }

    [Fact]
    public void FluentValidators_UsableDirectly_WithCodes()
    {
        // The FluentValidation validators are internal; the facade is the API, and it keeps their codes.
        var result = new DomesticDeclarationValidator(Validator.Rules).Validate(DeclarationSamples.Domestic with { Nationality = "vn" });
        Assert.Equal(Codes.Identity.Country, Assert.Single(result.Errors).ErrorCode);
    }

    [Theory]
    [InlineData(0, "DeclarationRules.Clock")]
    [InlineData(1, "DeclarationRules.FutureTolerance")]
    [InlineData(2, "DeclarationRules.Units")]
    [InlineData(3, "DeclarationRules.MaxPooledPersons")]
    [InlineData(4, "DeclarationRules.MaxListEntries")]
    public void Rules_OutOfRange_CodedException(int which, string code)
    {
        var rules = which switch
        {
            0 => Validator.Rules with { Clock = null! },
            1 => Validator.Rules with { FutureTolerance = Duration.FromDays(-1) },
            2 => Validator.Rules with { Units = null! },
            3 => Validator.Rules with { MaxPooledPersons = 0 },
            _ => Validator.Rules with { MaxListEntries = 5000 },
        };
        var exception = Assert.Throws<InvalidOptionsException>(() => new DeclarationValidator(rules));
        Assert.Equal(code, Assert.Single(exception.Errors).Code);
        Assert.Equal("rules", exception.ParamName);
        Assert.Empty(DeclarationRules.Default.Validate());
    }

    [Fact]
    public void Catalog_IsComplete() => ErrorCatalogAssert.IsComplete(typeof(Codes), Codes.Messages, Codes.All());

    [Fact]
    public void Countries_249Assigned()
    {
        Assert.Equal(249, Countries.All.Count);
        Assert.True(Countries.IsAssigned("VN"));
        Assert.False(Countries.IsAssigned("vn"));
    }

    [Fact]
    public void VenueKinds_EveryKindHasALength() =>
        Assert.All(Enum.GetValues<VenueKind>(), k => Assert.True(VenueKinds.DefaultVisitLength(k) > Duration.Zero));
}
