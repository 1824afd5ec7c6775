namespace CheckIn.Tracing;

/// <summary>What one hop of a trace did.</summary>
/// <param name="Level">The level the hop found (1 for F1…).</param>
/// <param name="Sources">Persons of the previous level used as sources.</param>
/// <param name="Exposures">Exposure intervals (source visits inside the source's window).</param>
/// <param name="Candidates">Overlaps long enough, before keeping one per person.</param>
/// <param name="Contacts">New persons found at this level.</param>
/// <param name="SweptVenues">Venue groups matched by sweeping rather than probing.</param>
/// <param name="Examined">
/// Visits and visit–exposure pairs looked at: the hop's work, which grows with the visits at the venues exposed and
/// the contacts found, not with the square of a crowd.
/// </param>
public readonly record struct HopStatistics(int Level, int Sources, int Exposures, long Candidates, int Contacts, int SweptVenues, long Examined)
{
    /// <summary>Persons found at this level but scored below <see cref="ContactTracerOptions.MinScore"/>: not reported.</summary>
    public int BelowMinScore { get; init; }

    /// <summary>Persons found at this level beyond <see cref="ContactTracerOptions.TopPerLevel"/>: not reported.</summary>
    public int BeyondTop { get; init; }

    /// <summary>Contacts of this level that were sources of the next hop (all of them unless <see cref="ContactTracerOptions.ExpandAbove"/> is set).</summary>
    public int Expanded { get; init; }

    /// <summary>The sources' encounters looked at (0 when the tracer has none).</summary>
    public long EncountersExamined { get; init; }

    /// <summary>New persons reached by proximity at this level (by an encounter, whether or not also at a venue).</summary>
    public int ByProximity { get; init; }
}
