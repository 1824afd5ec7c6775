using System.Collections.Frozen;
using CheckIn.Core;
using CheckIn.Core.Places;
using FluentValidation;
using NodaTime;
using Codes = CheckIn.Declarations.DeclarationErrorCodes;

namespace CheckIn.Declarations;

/// <summary>Validates a <see cref="DomesticDeclaration"/>.</summary>
public sealed class DomesticDeclarationValidator : AbstractValidator<DomesticDeclaration>
{
    private static readonly FrozenSet<Symptom> FormSymptoms = FrozenSet.ToFrozenSet(
    [
        Symptom.Fever, Symptom.Cough, Symptom.ShortnessOfBreath, Symptom.Pneumonia, Symptom.SoreThroat, Symptom.Fatigue,
    ]);

    /// <summary>Creates the validator.</summary>
    /// <param name="rules">The rules, or null for <see cref="DeclarationRules.Default"/>.</param>
    public DomesticDeclarationValidator(DeclarationRules? rules = null)
    {
        rules ??= DeclarationRules.Default;
        RuleFor(x => x.DeclaredAt).PastInstant(rules, required: true);
        RuleFor(x => x.FullName).ValidName(required: true, upperCase: true);
        RuleFor(x => x.DocumentNumber).ValidDocumentNumber(required: true);
        RuleFor(x => x.BirthYear).ValidBirthYear(rules);
        RuleFor(x => x.Sex).ValidSex();
        RuleFor(x => x.Nationality).ValidCountry(required: true);
        RuleFor(x => x.Phone).ValidPhone(required: true);
        RuleFor(x => x.Email).ValidEmail();
        RuleFor(x => x).Custom((d, context) =>
        {
            Rules.CheckIdAgainstPerson(context, d.DocumentNumber, d.BirthYear, d.Sex, "DocumentNumber");
            Rules.CheckAddress(context, d.Address, "Address", DateOf(d.DeclaredAt, rules), rules, required: true, streetRequired: true);
        });
        RuleFor(x => x.PlacesVisited).Must(v => v.Count <= rules.MaxListEntries).Code(Codes.Choice.TooMany);
        RuleForEach(x => x.PlacesVisited.Items).ValidText(Rules.LongText, required: true);
        this.ValidChoices(x => x.Symptoms, FormSymptoms, FormSymptoms.Count);
        this.ValidChoices(x => x.Exposures, Enum.GetValues<DomesticExposure>().ToHashSet(), 3);
        this.ValidChoices(x => x.ChronicConditions, Enum.GetValues<ChronicCondition>().ToHashSet(), 11);
        When(x => x.DeclaredBy is not null, () =>
        {
            RuleFor(x => x.DeclaredBy!).Must(p => p.FullName is not null || p.Phone is not null || p.Relationship is not null).Code(Codes.Form.Proxy);
            RuleFor(x => x.DeclaredBy!.FullName).ValidName(required: true);
            RuleFor(x => x.DeclaredBy!.Phone).ValidPhone(required: true);
            RuleFor(x => x.DeclaredBy!.Relationship).ValidText(Rules.ShortText, required: true);
        });
    }

    internal static LocalDate DateOf(Instant? instant, DeclarationRules rules) => instant is { } i ? VietnamTime.DateAt(i) : rules.Today;
}

/// <summary>Validates an <see cref="EntryDeclaration"/>.</summary>
public sealed class EntryDeclarationValidator : AbstractValidator<EntryDeclaration>
{
    private static readonly FrozenSet<Symptom> FormSymptoms = FrozenSet.ToFrozenSet(
    [
        Symptom.Fever, Symptom.Cough, Symptom.ShortnessOfBreath, Symptom.SoreThroat, Symptom.NauseaOrVomiting, Symptom.Diarrhoea, Symptom.SkinBleeding, Symptom.Rash,
    ]);

    /// <summary>Creates the validator.</summary>
    /// <param name="rules">The rules, or null for <see cref="DeclarationRules.Default"/>.</param>
    public EntryDeclarationValidator(DeclarationRules? rules = null)
    {
        rules ??= DeclarationRules.Default;
        RuleFor(x => x.DeclaredAt).PastInstant(rules, required: true);
        RuleFor(x => x.BorderGate).ValidText(Rules.ShortText, required: true);
        RuleFor(x => x.FullName).ValidName(required: true, upperCase: true, noDiacritics: true);
        RuleFor(x => x.BirthYear).ValidBirthYear(rules);
        RuleFor(x => x.Sex).ValidSex();
        RuleFor(x => x.Nationality).ValidCountry(required: true);
        RuleFor(x => x.PassportNumber).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).Code(Codes.Text.Required)
            .Must(v => CheckIn.Core.Identity.PassportNumber.TryParse(v, out _)).Code(Codes.Identity.PassportNumber);
        RuleFor(x => x.Means).Cascade(CascadeMode.Stop)
            .Must(v => v is not null).Code(Codes.Choice.Required)
            .Must(v => v is null || Enum.IsDefined(v.Value)).Code(Codes.Choice.NotOnForm);
        RuleFor(x => x.VehicleNumber).ValidText(20, required: false);
        RuleFor(x => x.VehicleNumber).Must(v => !string.IsNullOrWhiteSpace(v)).When(x => x.Means is TravelMeans.Plane or TravelMeans.Ship).Code(Codes.Form.VehicleNumber);
        RuleFor(x => x.Seat).ValidText(10, required: false);
        RuleFor(x => x.DepartureDate).PastDate(rules, required: true);
        RuleFor(x => x.ArrivalDate).PastDate(rules, required: true);
        RuleFor(x => x.ArrivalDate).Must((d, arrival) => arrival >= d.DepartureDate).When(x => x.ArrivalDate is not null && x.DepartureDate is not null).Code(Codes.Time.EndBeforeStart);
        RuleFor(x => x.DepartureCountry).ValidCountry(required: true);
        RuleFor(x => x.DepartureProvince).ValidText(Rules.ShortText, required: false);
        RuleFor(x => x.CountriesVisited).Must(v => v.Count <= rules.MaxListEntries).Code(Codes.Choice.TooMany);
        RuleForEach(x => x.CountriesVisited.Items).ValidCountry(required: true);
        RuleFor(x => x.CountriesVisited).Custom((values, context) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } code && !seen.Add(code))
                {
                    context.AddFailure(Rules.Failure($"{context.PropertyPath}[{i}]", Codes.Choice.Duplicate));
                }
            }
        });
        RuleFor(x => x).Custom((d, context) =>
        {
            var date = d.ArrivalDate ?? DomesticDeclarationValidator.DateOf(d.DeclaredAt, rules);
            Rules.CheckAddress(context, d.Destination, "Destination", date, rules, required: true, streetRequired: false);
            Rules.CheckAddress(context, d.AddressAfterQuarantine, "AddressAfterQuarantine", date, rules, required: true, streetRequired: true);
            Rules.CheckAddress(context, d.ContactAddress, "ContactAddress", date, rules, required: false, streetRequired: true);
        });
        RuleFor(x => x.Phone).ValidPhone(required: true);
        RuleFor(x => x.Email).ValidEmail();
        this.ValidChoices(x => x.Symptoms, FormSymptoms, FormSymptoms.Count);
        this.ValidChoices(x => x.Exposures, Enum.GetValues<EntryExposure>().ToHashSet(), 2);
        RuleFor(x => x.Vaccine).ValidText(Rules.ShortText, required: false);
        RuleFor(x => x.TestResult).Must(Enum.IsDefined).Code(Codes.Choice.NotOnForm);
        RuleFor(x => x.TestDate)
            .Must((d, date) => date is { } test && (d.ArrivalDate is null || test <= d.ArrivalDate))
            .When(x => x.TestResult is TestResult.Negative or TestResult.Positive)
            .Code(Codes.Form.TestDate);
        RuleFor(x => x.QuarantineFacility).ValidText(Rules.LongText, required: false);
    }
}

/// <summary>Validates a <see cref="VenueRegistration"/>.</summary>
public sealed class VenueRegistrationValidator : AbstractValidator<VenueRegistration>
{
    /// <summary>Creates the validator.</summary>
    /// <param name="rules">The rules, or null for <see cref="DeclarationRules.Default"/>.</param>
    public VenueRegistrationValidator(DeclarationRules? rules = null)
    {
        rules ??= DeclarationRules.Default;
        RuleFor(x => x.RegisteredAt).PastInstant(rules, required: true);
        RuleFor(x => x.Name).ValidText(Rules.LongText, required: true);
        RuleFor(x => x.VenueKind).Must(k => k != VenueKind.Unspecified && Enum.IsDefined(k)).Code(Codes.Form.VenueKind);
        RuleFor(x => x).Custom((v, context) =>
            Rules.CheckAddress(context, v.Address, "Address", DomesticDeclarationValidator.DateOf(v.RegisteredAt, rules), rules, required: true, streetRequired: true));
        RuleFor(x => x.RegistrantName).ValidName(required: true);

        // The registrant confirmed a one-time code by SMS: a mobile number.
        RuleFor(x => x.RegistrantPhone).ValidPhone(required: true, mobileOnly: true);
    }
}

/// <summary>Validates a <see cref="PaperLogEntry"/>.</summary>
public sealed class PaperLogEntryValidator : AbstractValidator<PaperLogEntry>
{
    /// <summary>Creates the validator.</summary>
    /// <param name="rules">The rules, or null for <see cref="DeclarationRules.Default"/>.</param>
    public PaperLogEntryValidator(DeclarationRules? rules = null)
    {
        rules ??= DeclarationRules.Default;
        RuleFor(x => x.VenueId).ValidText(Rules.ShortText, required: true);
        RuleFor(x => x.FullName).ValidName(required: true);
        RuleFor(x => x).Must(e => !string.IsNullOrWhiteSpace(e.Phone) || !string.IsNullOrWhiteSpace(e.DocumentNumber))
            .OverridePropertyName("Phone").Code(Codes.Contact.PhoneOrDocumentRequired);
        RuleFor(x => x.Phone).ValidPhone(required: false);
        RuleFor(x => x.DocumentNumber).ValidDocumentNumber(required: false);
        RuleFor(x => x.Address).ValidText(Rules.LongText, required: false);
        RuleFor(x => x.CheckIn).PastInstant(rules, required: true);
        RuleFor(x => x.CheckOut).PastInstant(rules, required: false);
        RuleFor(x => x.CheckOut).Must((e, checkOut) => checkOut > e.CheckIn).When(x => x.CheckOut is not null && x.CheckIn is not null).Code(Codes.Time.EndBeforeStart);
        RuleFor(x => x.WrittenBy).ValidName(required: true);
    }
}

/// <summary>Validates a <see cref="SpecimenPairing"/>.</summary>
public sealed class SpecimenPairingValidator : AbstractValidator<SpecimenPairing>
{
    /// <summary>Creates the validator.</summary>
    /// <param name="rules">The rules, or null for <see cref="DeclarationRules.Default"/>.</param>
    public SpecimenPairingValidator(DeclarationRules? rules = null)
    {
        rules ??= DeclarationRules.Default;
        RuleFor(x => x.TubeBarcode).Must(v => v is { Length: >= 6 and <= 32 } && v.All(char.IsAsciiLetterOrDigit)).Code(Codes.Form.TubeBarcode);
        RuleFor(x => x.Persons).Cascade(CascadeMode.Stop)
            .Must(v => v.Count > 0).Code(Codes.Form.NoPersons)
            .Must(v => v.Count <= rules.MaxPooledPersons).Code(Codes.Choice.TooMany);
        RuleForEach(x => x.Persons.Items).ValidText(32, required: true);
        RuleForEach(x => x.Persons.Items).Must(v => v is null || !v.Any(char.IsWhiteSpace)).Code(Codes.Text.NotNormalized);
        RuleFor(x => x.Persons).Custom((values, context) =>
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } person && !seen.Add(person))
                {
                    context.AddFailure(Rules.Failure($"{context.PropertyPath}[{i}]", Codes.Choice.Duplicate));
                }
            }
        });
        RuleFor(x => x.Sampler).ValidName(required: true);
        RuleFor(x => x.CollectedAt).PastInstant(rules, required: true);
    }
}

/// <summary>Validates a <see cref="VenueSafetyCheck"/>.</summary>
public sealed class VenueSafetyCheckValidator : AbstractValidator<VenueSafetyCheck>
{
    /// <summary>Creates the validator.</summary>
    /// <param name="rules">The rules, or null for <see cref="DeclarationRules.Default"/>.</param>
    public VenueSafetyCheckValidator(DeclarationRules? rules = null)
    {
        rules ??= DeclarationRules.Default;
        var criteria = Enum.GetValues<SafetyCriterion>();
        RuleFor(x => x.VenueId).ValidText(Rules.ShortText, required: true);
        RuleFor(x => x.Date).PastDate(rules, required: true);
        RuleFor(x => x.CheckedBy).ValidName(required: true);
        RuleForEach(x => x.Items.Items).Must(i => i is not null && Enum.IsDefined(i.Criterion)).Code(Codes.Choice.NotOnForm);
        RuleFor(x => x.Items).Custom((items, context) =>
        {
            var seen = new HashSet<SafetyCriterion>();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is { } item && Enum.IsDefined(item.Criterion) && !seen.Add(item.Criterion))
                {
                    context.AddFailure(Rules.Failure($"{context.PropertyPath}[{i}]", Codes.Choice.Duplicate));
                }
            }

            if (!criteria.All(seen.Contains))
            {
                context.AddFailure(Rules.Failure(context.PropertyPath, Codes.Form.ChecklistIncomplete));
            }
        });
        RuleFor(x => x.Reports).Must(v => v.Count <= rules.MaxListEntries).Code(Codes.Choice.TooMany);
        RuleForEach(x => x.Reports.Items).ChildRules(report =>
        {
            report.RuleFor(r => r.ReportedAt).PastInstant(rules, required: true);
            report.RuleFor(r => r.Criterion).Must(Enum.IsDefined).Code(Codes.Choice.NotOnForm);
            report.RuleFor(r => r.Text).ValidText(Rules.LongText, required: false);
        });
    }
}
