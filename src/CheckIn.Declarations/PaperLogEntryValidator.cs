using FluentValidation;
using Codes = CheckIn.Declarations.DeclarationErrorCodes;

namespace CheckIn.Declarations;

/// <summary>Validates a <see cref="PaperLogEntry"/>.</summary>
internal sealed class PaperLogEntryValidator : AbstractValidator<PaperLogEntry>
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
