using FluentValidation;
using Codes = CheckIn.Declarations.DeclarationErrorCodes;

namespace CheckIn.Declarations;

/// <summary>Validates a <see cref="VenueSafetyCheck"/>.</summary>
internal sealed class VenueSafetyCheckValidator : AbstractValidator<VenueSafetyCheck>
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
