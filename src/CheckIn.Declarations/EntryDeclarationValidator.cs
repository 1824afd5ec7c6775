using System.Collections.Frozen;
using FluentValidation;
using Codes = CheckIn.Declarations.DeclarationErrorCodes;

namespace CheckIn.Declarations;

/// <summary>Validates an <see cref="EntryDeclaration"/>.</summary>
internal sealed class EntryDeclarationValidator : AbstractValidator<EntryDeclaration>
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
