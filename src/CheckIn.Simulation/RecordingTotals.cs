namespace CheckIn.Simulation;

/// <summary>What a <see cref="SimulatedRecording"/> has recorded so far.</summary>
/// <param name="Days">Days recorded.</param>
/// <param name="TrueVisits">Visits that happened.</param>
/// <param name="Unrecorded">Of those, recorded by no channel.</param>
/// <param name="ByApp">Of those, recorded by a visitor's app scan.</param>
/// <param name="ByCardScan">Of those, recorded by staff scanning a card.</param>
/// <param name="ByPaperLog">Of those, written in a paper log.</param>
/// <param name="Events">Check-in and check-out events recorded.</param>
/// <param name="RecordedVisits">Visits the visit builder made of the events.</param>
/// <param name="SetAside">Events the visit builder set aside (repeated scans, stray check-outs).</param>
/// <param name="PaperEntries">Paper-log entries written.</param>
/// <param name="PaperMatched">Paper-log entries resolved to a resident.</param>
/// <param name="PaperMatchedWrongly">Of those, resolved to the wrong resident.</param>
public sealed record RecordingTotals(
    int Days,
    long TrueVisits,
    long Unrecorded,
    long ByApp,
    long ByCardScan,
    long ByPaperLog,
    long Events,
    long RecordedVisits,
    long SetAside,
    long PaperEntries,
    long PaperMatched,
    long PaperMatchedWrongly)
{
    /// <summary>Links between identifiers learned (with <see cref="IdentityModel.LinkedCards"/>).</summary>
    public long LinksLearned { get; init; }

    /// <summary>Of the links, those that joined two people the records had kept apart (merges applied to the index).</summary>
    public long Merges { get; init; }
}
