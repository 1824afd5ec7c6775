namespace CheckIn.Tracing;

/// <summary>
/// Which of one level's contacts a trace reports, for every tracer alike: at least the minimum score, then the top K by
/// score (ties in the documented order), then as many as the caps leave room for (the earliest exposed).
/// </summary>
internal static class LevelSelection
{
    /// <summary>Selects from a level's contacts, given in the documented order (exposure time, then pseudonym).</summary>
    /// <param name="built">The level's contacts, scored.</param>
    /// <param name="options">The trace's options.</param>
    /// <param name="reportedSoFar">Contacts reported at earlier levels.</param>
    /// <returns>
    /// The positions kept (the first <c>KeptCount</c> of them are reported), how many fell below the minimum score and
    /// beyond the top K, and whether a cap cut the level (which ends the trace: the persons cut off are at this level, and
    /// a deeper hop would find some of them again at the wrong one).
    /// </returns>
    public static (List<int> Kept, int BelowMinScore, int BeyondTop, int KeptCount, bool Capped) Select(IReadOnlyList<Contact> built, ContactTracerOptions options, int reportedSoFar)
    {
        var kept = new List<int>(built.Count);
        for (var i = 0; i < built.Count; i++)
        {
            if (options.MinScore is not { } minScore || built[i].Score >= minScore)
            {
                kept.Add(i);
            }
        }

        var belowMinScore = built.Count - kept.Count;
        var beyondTop = 0;
        if (options.TopPerLevel is { } top && kept.Count > top)
        {
            beyondTop = kept.Count - top;
            kept = [.. kept.OrderByDescending(i => built[i].Score).ThenBy(i => i).Take(top).Order()];
        }

        var room = Math.Min(options.MaxContactsPerHop ?? int.MaxValue, (options.MaxContacts ?? int.MaxValue) - reportedSoFar);
        var capped = kept.Count > room;
        return (kept, belowMinScore, beyondTop, capped ? room : kept.Count, capped);
    }

    /// <summary>Whether a reported contact is a source of the next hop (<see cref="ContactTracerOptions.ExpandAbove"/>).</summary>
    public static bool Expands(ContactTracerOptions options, Contact contact) =>
        options.ExpandAbove is not { } threshold || contact.Score > threshold;
}
