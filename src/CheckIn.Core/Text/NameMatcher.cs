namespace CheckIn.Core.Text;

/// <summary>
/// Matches a name written in a paper log or typed by staff against the name on a card record.
/// </summary>
/// <remarks>
/// Vietnamese names are written family name, middle name(s), given name (<c>Nguyễn Thị Mỹ Hạnh</c>). Paper
/// logs drop diacritics, reorder words, skip middle names and misspell; each is recognized and scored
/// lower than an exact match, so a caller can pick a threshold (see <see cref="IsLikelySamePerson"/>).
/// The comparison is culture-invariant and never throws on text.
/// </remarks>
public static class NameMatcher
{
    /// <summary>The score at or above which <see cref="IsLikelySamePerson"/> says yes.</summary>
    public const double DefaultThreshold = 0.85;

    /// <summary>Compares two names.</summary>
    /// <param name="written">The name as written (paper log, form).</param>
    /// <param name="recorded">The name on the card or record.</param>
    /// <returns>How they match and how closely.</returns>
    /// <exception cref="ArgumentNullException">A name is null.</exception>
    public static NameMatch Compare(string written, string recorded)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(recorded);
        var a = VietnameseText.CollapseWhitespace(VietnameseText.ToNfc(written)).ToUpperInvariant();
        var b = VietnameseText.CollapseWhitespace(VietnameseText.ToNfc(recorded)).ToUpperInvariant();
        if (a.Length == 0 || b.Length == 0)
        {
            return new NameMatch(NameMatchKind.Different, 0);
        }

        if (a == b)
        {
            return new NameMatch(NameMatchKind.Exact, 1);
        }

        var foldedA = VietnameseText.FoldName(a);
        var foldedB = VietnameseText.FoldName(b);
        if (foldedA == foldedB)
        {
            // One side without any diacritics is the usual paper-log case; differing marks on both sides are a weaker sign.
            var oneSidePlain = foldedA == a || foldedB == b;
            return new NameMatch(NameMatchKind.SameWithoutDiacritics, oneSidePlain ? 0.97 : 0.9);
        }

        var wordsA = foldedA.Split(' ');
        var wordsB = foldedB.Split(' ');
        if (wordsA.Length == wordsB.Length && wordsA.Order(StringComparer.Ordinal).SequenceEqual(wordsB.Order(StringComparer.Ordinal)))
        {
            return new NameMatch(NameMatchKind.Reordered, 0.9);
        }

        if (wordsA.Length != wordsB.Length && Math.Min(wordsA.Length, wordsB.Length) >= 2
            && wordsA[0] == wordsB[0] && wordsA[^1] == wordsB[^1] && IsSubsequence(Shorter(wordsA, wordsB), Longer(wordsA, wordsB)))
        {
            return new NameMatch(NameMatchKind.MiddleNameMissing, 0.88);
        }

        var distance = OptimalStringAlignmentDistance(foldedA, foldedB);
        var similarity = 1.0 - ((double)distance / Math.Max(foldedA.Length, foldedB.Length));
        return similarity >= 0.75 && distance <= 3
            ? new NameMatch(NameMatchKind.Approximate, Math.Min(similarity, 0.95))
            : new NameMatch(NameMatchKind.Different, Math.Max(0, similarity));
    }

    /// <summary>True when the two names probably belong to the same person.</summary>
    /// <param name="written">The name as written.</param>
    /// <param name="recorded">The name on the record.</param>
    /// <param name="threshold">The lowest score accepted.</param>
    /// <returns>True when the score reaches the threshold.</returns>
    public static bool IsLikelySamePerson(string written, string recorded, double threshold = DefaultThreshold) =>
        Compare(written, recorded).Score >= threshold;

    private static string[] Shorter(string[] a, string[] b) => a.Length < b.Length ? a : b;

    private static string[] Longer(string[] a, string[] b) => a.Length < b.Length ? b : a;

    private static bool IsSubsequence(string[] shorter, string[] longer)
    {
        var j = 0;
        foreach (var word in longer)
        {
            if (j < shorter.Length && shorter[j] == word)
            {
                j++;
            }
        }

        return j == shorter.Length;
    }

    /// <summary>Edit distance counting insertions, deletions, substitutions and adjacent transpositions.</summary>
    internal static int OptimalStringAlignmentDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }

        // Row i of the dynamic programme lives in rows[i % 3]; only the last two rows are needed.
        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var current = rows[i % 3];
            var previous = rows[(i + 2) % 3];
            var previous2 = rows[(i + 1) % 3];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
            }
        }

        return rows[a.Length % 3][b.Length];
    }
}
