using CheckIn.Core;
using FluentValidation;
using FluentValidation.Results;

namespace CheckIn.Declarations;

/// <summary>
/// Validates any <see cref="DeclarationDocument"/> with its FluentValidation validator and words the failures in
/// the language asked for, per call. Build one per set of rules and reuse it: it is thread-safe.
/// </summary>
/// <example>
/// <code>
/// var validator = new DeclarationValidator();
/// var result = validator.Validate(declaration, MessageLanguage.English);
/// foreach (var failure in result.Failures)
///     Console.WriteLine($"{failure.Code}  {failure.Property}  {failure.Message}");
/// </code>
/// </example>
public sealed class DeclarationValidator
{
    /// <summary>Creates the validators.</summary>
    /// <param name="rules">The rules, or null for <see cref="DeclarationRules.Default"/>.</param>
    public DeclarationValidator(DeclarationRules? rules = null)
    {
        Rules = rules ?? DeclarationRules.Default;
        Domestic = new DomesticDeclarationValidator(Rules);
        Entry = new EntryDeclarationValidator(Rules);
        VenueRegistration = new VenueRegistrationValidator(Rules);
        PaperLog = new PaperLogEntryValidator(Rules);
        SpecimenPairing = new SpecimenPairingValidator(Rules);
        SafetyCheck = new VenueSafetyCheckValidator(Rules);
    }

    /// <summary>The rules the validators apply.</summary>
    public DeclarationRules Rules { get; }

    /// <summary>The FluentValidation validator of domestic declarations.</summary>
    public IValidator<DomesticDeclaration> Domestic { get; }

    /// <summary>The FluentValidation validator of entry declarations.</summary>
    public IValidator<EntryDeclaration> Entry { get; }

    /// <summary>The FluentValidation validator of venue registrations.</summary>
    public IValidator<VenueRegistration> VenueRegistration { get; }

    /// <summary>The FluentValidation validator of paper-log entries.</summary>
    public IValidator<PaperLogEntry> PaperLog { get; }

    /// <summary>The FluentValidation validator of specimen pairings.</summary>
    public IValidator<SpecimenPairing> SpecimenPairing { get; }

    /// <summary>The FluentValidation validator of venue safety checks.</summary>
    public IValidator<VenueSafetyCheck> SafetyCheck { get; }

    /// <summary>Validates a document.</summary>
    /// <param name="document">The document.</param>
    /// <param name="language">The language of the messages; Vietnamese by default.</param>
    /// <returns>The failures, with stable codes and JSON-style property paths.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public DeclarationValidationResult Validate(DeclarationDocument document, MessageLanguage language = MessageLanguage.Vietnamese)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = document switch
        {
            DomesticDeclaration d => Domestic.Validate(d),
            EntryDeclaration e => Entry.Validate(e),
            Declarations.VenueRegistration v => VenueRegistration.Validate(v),
            PaperLogEntry p => PaperLog.Validate(p),
            Declarations.SpecimenPairing s => SpecimenPairing.Validate(s),
            VenueSafetyCheck c => SafetyCheck.Validate(c),
            _ => throw new ArgumentException($"No validator for {document.GetType().Name}.", nameof(document)),
        };
        return Localize(result, language);
    }

    /// <summary>Turns a FluentValidation result into failures worded in <paramref name="language"/>.</summary>
    /// <param name="result">The result of one of the validators.</param>
    /// <param name="language">The language.</param>
    /// <returns>The failures.</returns>
    public static DeclarationValidationResult Localize(ValidationResult result, MessageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DeclarationValidationResult(
        [
            .. result.Errors.Select(e => new DeclarationFailure(e.ErrorCode, JsonPath(e.PropertyName), DeclarationErrorCodes.Describe(e.ErrorCode, language))),
        ]);
    }

    /// <summary>FluentValidation's <c>Address.CommuneCode</c> → the JSON path <c>address.communeCode</c>.</summary>
    internal static string JsonPath(string propertyName)
    {
        var chars = propertyName.ToCharArray();
        var atSegmentStart = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (atSegmentStart && char.IsAsciiLetterUpper(chars[i]))
            {
                chars[i] = char.ToLowerInvariant(chars[i]);
            }

            atSegmentStart = chars[i] == '.';
        }

        // Lists are EquatableArray values validated through their Items: "persons.Items[2]" is "persons[2]" in JSON.
        return new string(chars).Replace(".items[", "[", StringComparison.Ordinal);
    }
}
