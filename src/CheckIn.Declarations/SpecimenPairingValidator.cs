using FluentValidation;
using Codes = CheckIn.Declarations.DeclarationErrorCodes;

namespace CheckIn.Declarations;

/// <summary>Validates a <see cref="SpecimenPairing"/>.</summary>
internal sealed class SpecimenPairingValidator : AbstractValidator<SpecimenPairing>
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
