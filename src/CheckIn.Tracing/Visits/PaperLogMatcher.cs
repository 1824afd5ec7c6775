using CheckIn.Core;
using CheckIn.Core.Identity;
using CheckIn.Core.Text;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Tracing.Visits;

/// <summary>How a paper-log entry found its person.</summary>
public enum PaperLogMatchKind
{
    /// <summary>The written phone is a registered person's, and the written name matches theirs.</summary>
    Phone = 1,

    /// <summary>
    /// The written phone is one slip (one wrong digit, or two neighbouring digits swapped) from a registered
    /// person's, and the written name matches theirs.
    /// </summary>
    PhoneTypo = 2,

    /// <summary>Two registered people match equally well: the entry is kept as a person of its own, not guessed.</summary>
    Ambiguous = 3,

    /// <summary>Nobody registered matches: the entry is a person of its own.</summary>
    Unmatched = 4,
}

/// <summary>What a paper-log entry was matched to.</summary>
/// <param name="Person">
/// Whom to record the entry under: the registered person, or (ambiguous, unmatched) the entry's own pseudonym
/// (<see cref="IdentifierKind.PaperLog"/> of the written name and phone), so it is still traced, and two entries written
/// alike are one person.
/// </param>
/// <param name="Kind">How the person was found.</param>
/// <param name="Confidence">
/// How sure the match is, 0 to 1: the name's <see cref="NameMatcher"/> score, times
/// <see cref="PaperLogMatcherOptions.PhoneTypoFactor"/> for a phone with a slip; for an ambiguous entry the best score
/// found; 0 when unmatched.
/// </param>
/// <param name="Name">How the name matched, or null when no name was compared.</param>
public sealed record PaperLogMatch(PersonPseudonym Person, PaperLogMatchKind Kind, double Confidence, NameMatchKind? Name)
{
    /// <summary>True when the entry was matched to a registered person.</summary>
    public bool IsMatched => Kind is PaperLogMatchKind.Phone or PaperLogMatchKind.PhoneTypo;
}

/// <summary>How <see cref="PaperLogMatcher"/> matches. Immutable.</summary>
public sealed record PaperLogMatcherOptions
{
    /// <summary>The defaults.</summary>
    public static PaperLogMatcherOptions Default { get; } = new();

    /// <summary>The lowest name score accepted (<see cref="NameMatcher"/>). Default <see cref="NameMatcher.DefaultThreshold"/>; 0.5 to 1.</summary>
    public double NameThreshold { get; init; } = NameMatcher.DefaultThreshold;

    /// <summary>Also try phones one slip from the written one when it finds nobody. Default on.</summary>
    public bool TryPhoneTypos { get; init; } = true;

    /// <summary>What a match through a phone slip is worth against an exact phone. Default 0.9; above 0, at most 1.</summary>
    public double PhoneTypoFactor { get; init; } = 0.9;

    /// <summary>Two candidates whose scores differ by less than this are a tie (ambiguous). Default 0.02; 0 to 0.5.</summary>
    public double TieMargin { get; init; } = 0.02;

    /// <summary>Checks every option against its range.</summary>
    /// <returns>One coded error per option out of range (<c>PaperLogOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(TracingErrorCodes.Messages)
        .Check(NameThreshold is >= 0.5 and <= 1, TracingErrorCodes.PaperLogOptions.NameThreshold, nameof(NameThreshold))
        .Check(PhoneTypoFactor is > 0 and <= 1, TracingErrorCodes.PaperLogOptions.PhoneTypoFactor, nameof(PhoneTypoFactor))
        .Check(TieMargin is >= 0 and <= 0.5, TracingErrorCodes.PaperLogOptions.TieMargin, nameof(TieMargin))
        .ToList();
}

/// <summary>
/// Matches a paper-log entry (a name and a phone written by hand, typed in later) to a registered person, as tracers
/// did: the phone is looked up in the host's <see cref="IContactDirectory"/> by its pseudonym, and the written name is
/// compared with each holder's (<see cref="NameMatcher"/>: diacritics dropped, words reordered, a middle name left
/// out, typos). When the phone finds nobody, phones one slip away are tried. A name alone is never enough: across a
/// province many people share one. An entry that matches nobody still becomes a traceable person of its own.
/// </summary>
/// <remarks>Work per entry is bounded: at most 1 + 90 phone lookups (nine digits × nine substitutions, eight swaps).</remarks>
public sealed class PaperLogMatcher
{
    private readonly PersonPseudonymizer _pseudonymizer;
    private readonly IContactDirectory _directory;
    private readonly PaperLogMatcherOptions _options;

    /// <summary>Creates a matcher.</summary>
    /// <param name="pseudonymizer">The index's pseudonymizer (phones are looked up by pseudonym; unmatched entries get theirs).</param>
    /// <param name="directory">The host's directory of registered people.</param>
    /// <param name="options">The options, or null for <see cref="PaperLogMatcherOptions.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    public PaperLogMatcher(PersonPseudonymizer pseudonymizer, IContactDirectory directory, PaperLogMatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        ArgumentNullException.ThrowIfNull(directory);
        _options = options ?? PaperLogMatcherOptions.Default;
        InvalidOptionsException.ThrowIfAny(_options.Validate(), nameof(options));
        _pseudonymizer = pseudonymizer;
        _directory = directory;
    }

    /// <summary>Matches one entry.</summary>
    /// <param name="writtenName">The name as written.</param>
    /// <param name="writtenPhone">The phone as written (any spelling; may be wrong or unreadable).</param>
    /// <param name="cancellationToken">Stops between lookups.</param>
    /// <returns>
    /// Whom to record the entry under, how and how surely; or <c>PaperLog.Empty</c> when the entry has neither a
    /// readable name nor a digit of a phone (nothing to record it under).
    /// </returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async ValueTask<Result<PaperLogMatch>> MatchAsync(string writtenName, string writtenPhone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writtenName);
        ArgumentNullException.ThrowIfNull(writtenPhone);
        var ownKey = OwnKey(writtenName, writtenPhone);
        if (ownKey.Length == 0)
        {
            return Result.Fail<PaperLogMatch>(TracingErrors.Of(TracingErrorCodes.PaperLog.Empty));
        }

        if (!PhoneNumber.TryParse(writtenPhone, out var phone) || ownKey[0] == '|')
        {
            return Result.Ok(Own(ownKey, PaperLogMatchKind.Unmatched, 0));
        }

        var exact = await BestAsync(writtenName, [phone.National], cancellationToken).ConfigureAwait(false);
        if (exact.Best is null && _options.TryPhoneTypos)
        {
            var slipped = await BestAsync(writtenName, Slips(phone.National), cancellationToken).ConfigureAwait(false);
            return Result.Ok(Decide(slipped, PaperLogMatchKind.PhoneTypo, _options.PhoneTypoFactor, ownKey));
        }

        return Result.Ok(Decide(exact, PaperLogMatchKind.Phone, 1, ownKey));
    }

    private PaperLogMatch Decide(Candidates found, PaperLogMatchKind kind, double factor, string ownKey)
    {
        if (found.Best is not { } best)
        {
            return Own(ownKey, PaperLogMatchKind.Unmatched, 0);
        }

        return found.Tied
            ? Own(ownKey, PaperLogMatchKind.Ambiguous, best.Match.Score * factor) with { Name = best.Match.Kind }
            : new PaperLogMatch(best.Person, kind, best.Match.Score * factor, best.Match.Kind);
    }

    private PaperLogMatch Own(string ownKey, PaperLogMatchKind kind, double confidence) =>
        new(_pseudonymizer.Pseudonymize(IdentifierKind.PaperLog, ownKey), kind, confidence, null);

    /// <summary>The best-named holder of any of the phones, and whether another person ties with them.</summary>
    private async ValueTask<Candidates> BestAsync(string writtenName, IEnumerable<string> phones, CancellationToken cancellationToken)
    {
        var scored = new Dictionary<PersonPseudonym, NameMatch>();
        foreach (var national in phones)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var holders = await _directory.FindByPhoneAsync(_pseudonymizer.Pseudonymize(IdentifierKind.Phone, national), cancellationToken).ConfigureAwait(false);
            foreach (var holder in holders)
            {
                var match = NameMatcher.Compare(writtenName, holder.RecordedName);
                if (match.Score >= _options.NameThreshold && (!scored.TryGetValue(holder.Person, out var known) || known.Score < match.Score))
                {
                    scored[holder.Person] = match;
                }
            }
        }

        if (scored.Count == 0)
        {
            return new Candidates(null, false);
        }

        // Highest score first; equal scores by pseudonym, so the order of the directory's answers never matters.
        var ranked = scored.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Key.High).ThenBy(p => p.Key.Low).ToList();
        var tied = ranked.Count > 1 && ranked[0].Value.Score - ranked[1].Value.Score < _options.TieMargin;
        return new Candidates((ranked[0].Key, ranked[0].Value), tied);
    }

    /// <summary>The phones one slip from a national number: each digit after the leading 0 changed, each neighbouring pair swapped.</summary>
    internal static IEnumerable<string> Slips(string national)
    {
        var digits = national.ToCharArray();
        for (var i = 1; i < digits.Length; i++)
        {
            var original = digits[i];
            for (var d = '0'; d <= '9'; d++)
            {
                if (d != original)
                {
                    digits[i] = d;
                    var text = new string(digits);
                    if (PhoneNumber.TryParse(text, out var slipped) && slipped.National == text)
                    {
                        yield return text;
                    }
                }
            }

            digits[i] = original;
        }

        for (var i = 1; i + 1 < digits.Length; i++)
        {
            if (digits[i] != digits[i + 1])
            {
                (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
                var text = new string(digits);
                if (PhoneNumber.TryParse(text, out var swapped) && swapped.National == text)
                {
                    yield return text;
                }

                (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
            }
        }
    }

    /// <summary>The entry's own key: the name folded (no diacritics, one case, single spaces) and the phone's digits.</summary>
    private static string OwnKey(string writtenName, string writtenPhone)
    {
        var name = VietnameseText.FoldName(VietnameseText.CollapseWhitespace(IdentifierText.Canonicalize(writtenName)).ToUpperInvariant());
        var phone = PhoneNumber.TryParse(writtenPhone, out var number) ? number.National : string.Concat(writtenPhone.Where(char.IsAsciiDigit));
        return name.Length == 0 && phone.Length == 0 ? string.Empty : $"{name}|{phone}";
    }

    private readonly record struct Candidates((PersonPseudonym Person, NameMatch Match)? Best, bool Tied);
}
