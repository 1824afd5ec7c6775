using CheckIn.Core;

namespace CheckIn.Declarations;

/// <summary>
/// Validates any <see cref="DeclarationDocument"/> with its FluentValidation validator (kept internal, so the
/// package's API carries no FluentValidation type). Failures are <see cref="CheckInError"/> values with stable
/// codes and property paths, worded per call in Vietnamese or English. Build one per set of rules and reuse it:
/// it is thread-safe.
/// </summary>
/// <example>
/// <code>
/// var validator = new DeclarationValidator();
/// var result = validator.Validate(declaration);
/// foreach (var failure in result.Failures)
///     Console.WriteLine($"{failure.Code}  {failure.Property}  {failure.GetDescription(MessageLanguage.English)}");
/// </code>
/// </example>
public sealed class DeclarationValidator
{
    private readonly DomesticDeclarationValidator _domestic;
    private readonly EntryDeclarationValidator _entry;
    private readonly VenueRegistrationValidator _venueRegistration;
    private readonly PaperLogEntryValidator _paperLog;
    private readonly SpecimenPairingValidator _specimenPairing;
    private readonly VenueSafetyCheckValidator _safetyCheck;

    /// <summary>Creates the validators.</summary>
    /// <param name="rules">The rules, or null for <see cref="DeclarationRules.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">A rule's setting is out of range (<see cref="DeclarationRules.Validate"/>).</exception>
    public DeclarationValidator(DeclarationRules? rules = null)
    {
        Rules = rules ?? DeclarationRules.Default;
        InvalidOptionsException.ThrowIfAny(Rules.Validate(), nameof(rules));
        _domestic = new DomesticDeclarationValidator(Rules);
        _entry = new EntryDeclarationValidator(Rules);
        _venueRegistration = new VenueRegistrationValidator(Rules);
        _paperLog = new PaperLogEntryValidator(Rules);
        _specimenPairing = new SpecimenPairingValidator(Rules);
        _safetyCheck = new VenueSafetyCheckValidator(Rules);
    }

    /// <summary>The rules the validators apply.</summary>
    public DeclarationRules Rules { get; }

    /// <summary>Validates a document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The failures, with stable codes and JSON-style property paths; words them with <see cref="CheckInError.GetMessage"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public DeclarationValidationResult Validate(DeclarationDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = document switch
        {
            DomesticDeclaration d => _domestic.Validate(d),
            EntryDeclaration e => _entry.Validate(e),
            VenueRegistration v => _venueRegistration.Validate(v),
            PaperLogEntry p => _paperLog.Validate(p),
            SpecimenPairing s => _specimenPairing.Validate(s),
            VenueSafetyCheck c => _safetyCheck.Validate(c),
            _ => throw new ArgumentException($"No validator for {document.GetType().Name}.", nameof(document)),
        };
        return new DeclarationValidationResult([.. result.Errors.Select(e => DeclarationErrors.At(e.ErrorCode, JsonPath(e.PropertyName)))]);
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
