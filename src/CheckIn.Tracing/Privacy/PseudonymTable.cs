using System.Diagnostics.CodeAnalysis;

namespace CheckIn.Tracing.Privacy;

/// <summary>
/// Pseudonymizes the identifiers of one input (a CSV of visits, a batch of cases) and remembers how each person
/// was first written there, so a trace's results can be printed in the input's own terms. Each distinct spelling
/// is hashed once.
/// </summary>
/// <remarks>
/// The table holds identifiers in memory for the length of one job: never store or log it. Spellings that
/// canonicalize alike (<see cref="CheckIn.Core.Text.IdentifierText.Canonicalize"/>: case, spaces, compatibility forms, invisible characters) are one person, printed as first written. Not
/// thread-safe.
/// </remarks>
public sealed class PseudonymTable
{
    private readonly PersonPseudonymizer _pseudonymizer;
    private readonly Dictionary<string, PersonPseudonym> _bySpelling = new(StringComparer.Ordinal);
    private readonly Dictionary<PersonPseudonym, string> _names = [];

    /// <summary>Creates an empty table.</summary>
    /// <param name="pseudonymizer">The deployment's (or the run's) pseudonymizer.</param>
    public PseudonymTable(PersonPseudonymizer pseudonymizer)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        _pseudonymizer = pseudonymizer;
    }

    /// <summary>Distinct persons seen.</summary>
    public int Count => _names.Count;

    /// <summary>The pseudonym of an identifier; the first spelling of each person is remembered.</summary>
    /// <param name="identifier">The identifier as written in the input.</param>
    /// <returns>The pseudonym.</returns>
    /// <exception cref="ArgumentException">The identifier is empty or white space.</exception>
    public PersonPseudonym Pseudonymize(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (_bySpelling.TryGetValue(identifier, out var known))
        {
            return known;
        }

        var pseudonym = _pseudonymizer.Pseudonymize(identifier);
        _bySpelling[identifier] = pseudonym;
        _names.TryAdd(pseudonym, identifier);
        return pseudonym;
    }

    /// <summary>
    /// The pseudonym of an identifier of a stated kind (<see cref="PersonPseudonymizer.Pseudonymize(IdentifierKind, string)"/>);
    /// the first spelling of each person is remembered as <paramref name="written"/>.
    /// </summary>
    /// <param name="kind">What the identifier is.</param>
    /// <param name="identifier">The identifier as written in the input.</param>
    /// <param name="written">How to print the person (for example <c>cccd:046090001234</c>, as the events CSV names it).</param>
    /// <returns>The pseudonym.</returns>
    /// <exception cref="ArgumentException">The identifier has nothing visible, or the kind is not defined.</exception>
    public PersonPseudonym Pseudonymize(IdentifierKind kind, string identifier, string written)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(written);
        var spelling = string.Concat(((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture), "\u0001", identifier);
        if (_bySpelling.TryGetValue(spelling, out var known))
        {
            return known;
        }

        var pseudonym = _pseudonymizer.Pseudonymize(kind, identifier);
        _bySpelling[spelling] = pseudonym;
        _names.TryAdd(pseudonym, written);
        return pseudonym;
    }

    /// <summary>How a person was first written in the input.</summary>
    /// <param name="pseudonym">The pseudonym.</param>
    /// <param name="identifier">The spelling, when the person came through this table.</param>
    /// <returns>True when known.</returns>
    public bool TryGetIdentifier(PersonPseudonym pseudonym, [MaybeNullWhen(false)] out string identifier) =>
        _names.TryGetValue(pseudonym, out identifier);

    /// <summary>How a person was first written in the input, or the pseudonym's hex text when they never came through this table.</summary>
    /// <param name="pseudonym">The pseudonym.</param>
    /// <returns>The text to print.</returns>
    public string IdentifierOf(PersonPseudonym pseudonym) => _names.TryGetValue(pseudonym, out var name) ? name : pseudonym.ToString();
}
