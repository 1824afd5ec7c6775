using System.Collections.Immutable;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;

namespace CheckIn.Tracing.Index;

/// <summary>
/// An immutable view of a <see cref="VisitStore"/>'s indexed visits at one moment. Queries on a snapshot take no
/// lock and never see a half-applied batch; later additions appear only in later snapshots.
/// </summary>
public sealed class VisitIndexSnapshot
{
    private readonly OpenInterner<PersonPseudonym, PseudonymKey> _personInterner;
    private readonly OpenInterner<string, VenueKey> _venueInterner;

    internal VisitIndexSnapshot(
        ImmutableArray<VisitSegment> segments,
        OpenInterner<PersonPseudonym, PseudonymKey> persons,
        OpenInterner<string, VenueKey> venues,
        long version)
    {
        Segments = segments;
        _personInterner = persons;
        _venueInterner = venues;
        PersonKeys = persons.View();
        VenueKeys = venues.View();
        Version = version;
        foreach (var segment in segments)
        {
            Count += segment.Count;
            BytesHeld += segment.BytesHeld;
        }
    }

    /// <summary>How many visits the snapshot holds.</summary>
    public long Count { get; }

    /// <summary>The number of immutable segments.</summary>
    public int SegmentCount => Segments.Length;

    /// <summary>Bytes held by the index columns (excluding the person and venue key tables).</summary>
    public long BytesHeld { get; }

    /// <summary>Increases with every published snapshot of the same store.</summary>
    public long Version { get; }

    /// <summary>The number of distinct persons known when the snapshot was taken.</summary>
    public int PersonCount => PersonKeys.Length;

    /// <summary>The number of distinct venues known when the snapshot was taken.</summary>
    public int VenueCount => VenueKeys.Length;

    internal ImmutableArray<VisitSegment> Segments { get; }

    internal ReadOnlyMemory<PersonPseudonym> PersonKeys { get; }

    internal ReadOnlyMemory<string> VenueKeys { get; }

    /// <summary>The indexed visits of one person, ordered by check-in.</summary>
    /// <param name="person">The person's pseudonym.</param>
    /// <returns>The visits, each with how its end was decided.</returns>
    public IReadOnlyList<Visit> VisitsOf(PersonPseudonym person)
    {
        if (!TryGetPerson(person, out var id))
        {
            return [];
        }

        var visits = new List<Visit>();
        foreach (var segment in Segments)
        {
            foreach (var row in segment.RowsOf(id))
            {
                var start = segment.Start[row];
                visits.Add(new Visit(person, VenueKeys.Span[segment.VenueOf(row)], IndexTime.FromSeconds(start), IndexTime.FromSeconds(start + (long)segment.Length[row]), segment.ClosureOf(row)));
            }
        }

        visits.Sort((a, b) => a.CheckIn.CompareTo(b.CheckIn));
        return visits;
    }

    /// <summary>
    /// Every indexed visit, segment by segment, each with its closure (what a host persists to rebuild the index
    /// without replaying its log). Streams: nothing is copied up front.
    /// </summary>
    /// <returns>The visits, in no particular order.</returns>
    public IEnumerable<Visit> AllVisits()
    {
        var persons = PersonKeys;
        var venues = VenueKeys;
        foreach (var segment in Segments)
        {
            for (var bucket = 0; bucket < segment.BucketOffsets.Length - 1; bucket++)
            {
                var venue = venues.Span[bucket / VisitSegment.Classes];
                for (var row = segment.BucketOffsets[bucket]; row < segment.BucketOffsets[bucket + 1]; row++)
                {
                    long start = segment.Start[row];
                    yield return new Visit(persons.Span[segment.Person[row]], venue, IndexTime.FromSeconds(start), IndexTime.FromSeconds(start + segment.Length[row]), segment.ClosureOf(row));
                }
            }
        }
    }

    internal bool TryGetPerson(PersonPseudonym person, out int id) => _personInterner.TryGetId(person, PersonKeys.Length, out id);

    internal bool TryGetVenue(string venue, out int id) => _venueInterner.TryGetId(venue, VenueKeys.Length, out id);
}
