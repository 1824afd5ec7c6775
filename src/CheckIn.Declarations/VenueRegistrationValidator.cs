using CheckIn.Core.Places;
using FluentValidation;
using Codes = CheckIn.Declarations.DeclarationErrorCodes;

namespace CheckIn.Declarations;

/// <summary>Validates a <see cref="VenueRegistration"/>.</summary>
internal sealed class VenueRegistrationValidator : AbstractValidator<VenueRegistration>
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
