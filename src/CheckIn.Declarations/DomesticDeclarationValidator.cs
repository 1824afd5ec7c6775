using System.Collections.Frozen;
using CheckIn.Core;
using FluentValidation;
using NodaTime;
using Codes = CheckIn.Declarations.DeclarationErrorCodes;

namespace CheckIn.Declarations;

/// <summary>Validates a <see cref="DomesticDeclaration"/>.</summary>
internal sealed class DomesticDeclarationValidator : AbstractValidator<DomesticDeclaration>
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
