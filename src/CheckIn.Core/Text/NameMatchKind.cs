namespace CheckIn.Core.Text;

/// <summary>How two names matched, from strongest to weakest.</summary>
public enum NameMatchKind
{
    /// <summary>The same name (ignoring case, spacing and Unicode normalization form).</summary>
    Exact = 0,

    /// <summary>The same letters once diacritics are removed (a paper log written without them, or a mistyped tone mark).</summary>
    SameWithoutDiacritics = 1,

    /// <summary>The same words in another order (given name written first).</summary>
    Reordered = 2,

    /// <summary>The same family and given names, with middle names missing on one side.</summary>
    MiddleNameMissing = 3,

    /// <summary>Close spelling (typing or handwriting errors).</summary>
    Approximate = 4,

    /// <summary>Not the same name.</summary>
    Different = 5,
}
