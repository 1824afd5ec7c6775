using System.Collections.Immutable;
using CheckIn.Core;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Tracing.Index;

/// <summary>
/// The incremental visit index. New visits land in an append buffer; <see cref="Flush"/> (or a full buffer)
/// sorts them into an immutable columnar segment and publishes a new <see cref="Snapshot"/>; segments beyond
/// <see cref="VisitStoreOptions.MaxSegments"/> are merged; <see cref="ApplyRetention"/> drops every visit that ended
/// before the retention horizon; <see cref="Erase(PersonPseudonym)"/> removes a person; <see cref="Rekey"/> rotates
/// the pseudonymization key.
/// </summary>
/// <remarks>
/// Persons enter as pseudonyms and are interned to dense integers: the index never holds an ID number.
/// Writers (Add, Flush, ApplyRetention, Erase, Rekey) are serialized by a lock; readers use <see cref="Snapshot"/> and
/// take no lock. A snapshot taken before an erasure or a re-keying keeps what it held: let it go.
/// </remarks>
public sealed class VisitStore
{
    private readonly VisitStoreOptions _options;
    private readonly Lock _writeLock = new();
    private OpenInterner<PersonPseudonym, PseudonymKey> _persons = new();
    private readonly OpenInterner<string, VenueKey> _venues = new();
    private PendingVisit[] _buffer;

    /// <summary>The append buffer's size when empty: it grows by doubling up to a segment and shrinks back after each flush.</summary>
    private int InitialBuffer => Math.Min(_options.SegmentCapacity, 4096);
    private int _buffered;
    private long _version;
    private VisitIndexSnapshot _snapshot;
    private bool _holdPublishing;
    private ImmutableArray<VisitSegment>? _held;

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">The options, or null for <see cref="VisitStoreOptions.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">An option is out of range (<see cref="VisitStoreOptions.Validate"/>).</exception>
    public VisitStore(VisitStoreOptions? options = null)
    {
        _options = options ?? VisitStoreOptions.Default;
        InvalidOptionsException.ThrowIfAny(_options.Validate(), nameof(options));
        _buffer = new PendingVisit[InitialBuffer];
        _snapshot = new VisitIndexSnapshot([], _persons, _venues, 0);
    }

    /// <summary>The latest published snapshot. Cheap; take one per query batch.</summary>
    public VisitIndexSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Visits added but not yet visible to queries.</summary>
    public int PendingCount
    {
        get
        {
            lock (_writeLock)
            {
                return _buffered;
            }
        }
    }

    /// <summary>Adds a visit to the append buffer.</summary>
    /// <param name="visit">The visit; at most 18 h 12 min long (the visit builder caps at 12 h). Its closure is kept.</param>
    /// <exception cref="ArgumentOutOfRangeException">The visit is too long or outside 1952–2088.</exception>
    public void Add(Visit visit) => Add(visit.Person, visit.Venue, visit.CheckIn, visit.CheckOut, visit.Closure);

    /// <summary>Adds a visit to the append buffer.</summary>
    /// <param name="person">The person's pseudonym.</param>
    /// <param name="venue">The venue identifier.</param>
    /// <param name="checkIn">The start (inclusive).</param>
    /// <param name="checkOut">The end (exclusive), after the start.</param>
    /// <exception cref="ArgumentException">The venue is empty, or the end is not after the start.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The visit is too long or outside 1952–2088.</exception>
    public void Add(PersonPseudonym person, string venue, Instant checkIn, Instant checkOut) =>
        Add(person, venue, checkIn, checkOut, VisitClosure.CheckedOut);

    /// <summary>Adds a visit to the append buffer with how its end was decided (traces report it as evidence).</summary>
    /// <param name="person">The person's pseudonym.</param>
    /// <param name="venue">The venue identifier.</param>
    /// <param name="checkIn">The start (inclusive).</param>
    /// <param name="checkOut">The end (exclusive), after the start.</param>
    /// <param name="closure">How the end was decided.</param>
    /// <exception cref="ArgumentException">The venue is empty, or the end is not after the start.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The visit is too long or outside 1952–2088, or the closure is unknown.</exception>
    public void Add(PersonPseudonym person, string venue, Instant checkIn, Instant checkOut, VisitClosure closure)
    {
        var visit = Prepare(venue, checkIn, checkOut);
        var code = ClosureColumn.Code(closure);
        lock (_writeLock)
        {
            Append(person, venue, visit.Start, visit.Length | (code << 16));
        }
    }

    /// <summary>
    /// Adds visits, all or none, taking the write lock once per batch. Readers see the whole batch or none of it: when
    /// the buffer fills mid-batch, nothing is published until the batch ends, and then the rest of the batch is indexed
    /// and published with it.
    /// </summary>
    /// <param name="visits">The visits.</param>
    /// <exception cref="ArgumentException">A visit's venue is empty or its end is not after its start; nothing was added.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A visit is too long or outside 1952–2088; nothing was added.</exception>
    public void AddRange(IEnumerable<Visit> visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        var batch = visits as IReadOnlyList<Visit> ?? [.. visits];

        // Every visit is checked before the first is added, so a bad one leaves the store as it was.
        var prepared = new (int Start, int Packed)[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (start, length) = Prepare(batch[i].Venue, batch[i].CheckIn, batch[i].CheckOut);
            prepared[i] = (start, length | (ClosureColumn.Code(batch[i].Closure) << 16));
        }

        lock (_writeLock)
        {
            _holdPublishing = true;
            try
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    Append(batch[i].Person, batch[i].Venue, prepared[i].Start, prepared[i].Packed);
                }
            }
            finally
            {
                // A segment was built mid-batch: the rest of the batch is indexed too, so the snapshot published
                // holds all of it (or, when cancelled or failed, what was built stays held back until the next flush).
                if (_held is not null && _buffered > 0)
                {
                    FlushLocked();
                }

                _holdPublishing = false;
                if (_held is { } held)
                {
                    _held = null;
                    Publish(held);
                }
            }
        }
    }

    /// <summary>Whether a visit fits the index: inside 1952–2088, ending at least a second after it starts, at most 18 h 12 min long.</summary>
    internal static bool Fits(Instant checkIn, Instant checkOut)
    {
        if (!IndexTime.IsIndexable(checkIn) || !IndexTime.IsIndexable(checkOut))
        {
            return false;
        }

        var length = (long)IndexTime.ToSeconds(checkOut) - IndexTime.ToSeconds(checkIn);
        return length is > 0 and <= ushort.MaxValue;
    }

    private static (int Start, int Length) Prepare(string venue, Instant checkIn, Instant checkOut)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue);
        if (!IndexTime.IsIndexable(checkIn) || !IndexTime.IsIndexable(checkOut))
        {
            throw new ArgumentOutOfRangeException(nameof(checkIn), "The index holds visits between 1952 and 2088.");
        }

        var start = IndexTime.ToSeconds(checkIn);
        var length = (long)IndexTime.ToSeconds(checkOut) - start;
        if (length <= 0)
        {
            throw new ArgumentException("A visit ends after it starts (at least one second later).", nameof(checkOut));
        }

        if (length > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(checkOut), "A visit is at most 18 h 12 min long; cap longer stays before indexing (VisitBuilder caps at 12 h).");
        }

        return (start, (int)length);
    }

    private void Append(PersonPseudonym person, string venue, int start, int packed)
    {
        if (_buffered == _buffer.Length)
        {
            if (_buffered >= _options.SegmentCapacity)
            {
                FlushLocked();
            }
            else
            {
                Array.Resize(ref _buffer, Math.Min(_options.SegmentCapacity, _buffer.Length * 2));
            }
        }

        _buffer[_buffered++] = new PendingVisit(_persons.Intern(person), _venues.Intern(venue), start, packed);
    }

    /// <summary>Indexes the buffered visits into a new segment and publishes a new snapshot.</summary>
    /// <param name="cancellationToken">
    /// Stops the segment builds (merging large segments takes seconds at national scale). Nothing is lost: cancelled
    /// before the new segment is built, the visits stay buffered; cancelled while merging, the new segment is published
    /// unmerged and a later flush merges it.
    /// </param>
    /// <returns>The new snapshot (the current one when nothing was buffered).</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public VisitIndexSnapshot Flush(CancellationToken cancellationToken = default)
    {
        lock (_writeLock)
        {
            FlushLocked(cancellationToken);
            return _snapshot;
        }
    }

    /// <summary>
    /// Drops every visit that ended at or before <c>now - Retention</c>, indexed or still buffered, and publishes a new
    /// snapshot when any was dropped. A segment wholly older is dropped; one holding older visits among newer ones is
    /// rebuilt without them.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <returns>How many visits were dropped.</returns>
    public long ApplyRetention(Instant now)
    {
        var horizon = now - _options.Retention;
        // Seconds since the index epoch; a horizon outside the index's years keeps everything or nothing.
        var limit = IndexTime.IsIndexable(horizon) ? IndexTime.ToSeconds(horizon) : horizon < IndexTime.Epoch ? long.MinValue : long.MaxValue;
        lock (_writeLock)
        {
            return RewriteLocked(v => v.Start + (long)v.Length > limit ? v : null, segment => segment.MinStart + 1L > limit, segment => segment.MaxEnd <= limit);
        }
    }

    /// <summary>
    /// Removes a person: every visit of theirs, indexed or buffered, and their pseudonym from the key table, then
    /// publishes a new snapshot. From that snapshot on nothing finds them: not <see cref="VisitIndexSnapshot.VisitsOf"/>,
    /// not a trace (as a case they are unknown, as a contact never reached). Visits added for them later make them a new
    /// person.
    /// </summary>
    /// <param name="person">The person's pseudonym.</param>
    /// <returns>How many visits were removed (0 when the store does not know them).</returns>
    public long Erase(PersonPseudonym person) => Erase([person]);

    /// <summary>Removes several persons at once (one rebuild of each segment holding any of them); see <see cref="Erase(PersonPseudonym)"/>.</summary>
    /// <param name="persons">The persons' pseudonyms.</param>
    /// <returns>How many visits were removed.</returns>
    public long Erase(IEnumerable<PersonPseudonym> persons)
    {
        ArgumentNullException.ThrowIfNull(persons);
        lock (_writeLock)
        {
            var ids = new HashSet<int>();
            foreach (var person in persons)
            {
                if (_persons.TryGetId(person, _persons.Count, out var id))
                {
                    ids.Add(id);
                }
            }

            if (ids.Count == 0)
            {
                return 0;
            }

            _persons = _persons.Copy((id, key) => ids.Contains(id) ? (default, false) : (key, true));
            var removed = RewriteLocked(v => ids.Contains(v.Person) ? null : v, segment => !ids.Any(id => id < segment.PersonCount && segment.RowsOf(id).Length > 0), _ => false);
            if (removed == 0)
            {
                Publish(Current); // no visit left, but readers must no longer know the erased pseudonyms
            }

            return removed;
        }
    }

    /// <summary>
    /// Makes two pseudonyms one person (a chip card and an insurance card found to be the same visitor): every visit of
    /// <paramref name="from"/>, indexed or buffered, becomes <paramref name="into"/>'s, and <paramref name="from"/> is no
    /// longer known. Readers see the merge whole, in one new snapshot; the next trace follows the person across both.
    /// Costs a rebuild of the segments that hold <paramref name="from"/>'s visits.
    /// </summary>
    /// <param name="into">The pseudonym that stays.</param>
    /// <param name="from">The pseudonym whose visits move.</param>
    /// <returns>How many visits moved (0 when the store does not know <paramref name="from"/>, or both are one).</returns>
    public long Merge(PersonPseudonym into, PersonPseudonym from)
    {
        if (into == from)
        {
            return 0;
        }

        lock (_writeLock)
        {
            if (!_persons.TryGetId(from, _persons.Count, out var fromId))
            {
                return 0;
            }

            var intoId = _persons.Intern(into);
            _persons = _persons.Copy((id, key) => id == fromId ? (default, false) : (key, true));
            var moved = RewriteLocked(
                v => v.Person == fromId ? v with { Person = intoId } : v,
                segment => fromId >= segment.PersonCount || segment.RowsOf(fromId).Length == 0,
                _ => false);
            if (moved == 0)
            {
                Publish(Current); // no visit moved, but readers must no longer know the absorbed pseudonym
            }

            return moved;
        }
    }

    /// <summary>
    /// Applies many merges at once, with the same outcome as <see cref="Merge(PersonPseudonym, PersonPseudonym)"/> for
    /// each in order (chains such as B into A, then A into C, end in C), but with one rewrite of the segments they touch
    /// and one new snapshot: what a registry's links learned over a day (or a province's declarations imported at once)
    /// cost together.
    /// </summary>
    /// <param name="merges">The merges, in the order they happened (<see cref="PersonRegistry.Link"/> returns them).</param>
    /// <returns>How many visits changed person (each once, however many merges moved it).</returns>
    public long Merge(IEnumerable<PersonMerge> merges)
    {
        ArgumentNullException.ThrowIfNull(merges);
        lock (_writeLock)
        {
            // Which original ids' visits each live id holds, for the ids the merges touch.
            var holds = new Dictionary<int, List<int>>();
            var dead = new HashSet<int>();
            foreach (var merge in merges)
            {
                ArgumentNullException.ThrowIfNull(merge);
                if (merge.Into == merge.From || !_persons.TryGetId(merge.From, _persons.Count, out var fromId) || dead.Contains(fromId))
                {
                    continue;
                }

                var intoId = _persons.Intern(merge.Into);
                if (dead.Remove(intoId))
                {
                    holds[intoId] = []; // absorbed earlier in the batch and named again: a new person, as Merge would make it
                }

                if (!holds.TryGetValue(intoId, out var into))
                {
                    holds[intoId] = into = [intoId];
                }

                if (holds.Remove(fromId, out var from))
                {
                    into.AddRange(from);
                }
                else
                {
                    into.Add(fromId);
                }

                dead.Add(fromId);
            }

            var owner = new Dictionary<int, int>();
            foreach (var (id, originals) in holds)
            {
                foreach (var original in originals)
                {
                    if (original != id)
                    {
                        owner[original] = id;
                    }
                }
            }

            if (dead.Count == 0)
            {
                return 0;
            }

            _persons = _persons.Copy((id, key) => dead.Contains(id) ? (default, false) : (key, true));
            var moved = owner.Count == 0 ? 0 : RewriteLocked(
                v => owner.TryGetValue(v.Person, out var to) ? v with { Person = to } : v,
                segment => owner.Keys.All(id => id >= segment.PersonCount || segment.RowsOf(id).Length == 0),
                _ => false);
            if (moved == 0)
            {
                Publish(Current);
            }

            return moved;
        }
    }

    /// <summary>
    /// Re-keys every person's pseudonym with <paramref name="rekeyer"/> (the visits stay as they are) and publishes a new
    /// snapshot. Afterwards pseudonymize new identifiers with <see cref="PersonPseudonymizer.ThenRekeyed"/> of the
    /// same rekeyer, and look persons up by their re-keyed pseudonyms. Costs one HMAC per person.
    /// </summary>
    /// <param name="rekeyer">The new secret.</param>
    public void Rekey(PseudonymRekeyer rekeyer)
    {
        ArgumentNullException.ThrowIfNull(rekeyer);
        lock (_writeLock)
        {
            var current = _persons;
            _persons = current.Copy((id, key) => current.IsLive(id) ? (rekeyer.Rekey(key), true) : (key, false));
            Publish(Current);
        }
    }

    /// <summary>
    /// Rewrites the buffered and indexed visits: <paramref name="rewrite"/> returns a visit as it stays, changed, or
    /// null to remove it. Segments <paramref name="untouched"/> vouches for stay as they are, those
    /// <paramref name="dropWhole"/> names go, the rest are rebuilt when anything in them changed. Publishes when
    /// anything changed.
    /// </summary>
    /// <returns>How many visits were removed or changed.</returns>
    private long RewriteLocked(Func<PendingVisit, PendingVisit?> rewrite, Func<VisitSegment, bool> untouched, Func<VisitSegment, bool> dropWhole)
    {
        long affected = 0;
        var kept = 0;
        for (var i = 0; i < _buffered; i++)
        {
            if (rewrite(_buffer[i]) is { } visit)
            {
                affected += visit == _buffer[i] ? 0 : 1;
                _buffer[kept++] = visit;
            }
        }

        affected += _buffered - kept;
        _buffered = kept;

        var segments = ImmutableArray.CreateBuilder<VisitSegment>();
        var changed = affected > 0;
        foreach (var segment in Current)
        {
            if (dropWhole(segment))
            {
                affected += segment.Count;
                changed = true;
                continue;
            }

            if (untouched(segment))
            {
                segments.Add(segment);
                continue;
            }

            var rows = new PendingVisit[segment.Count];
            segment.CopyTo(rows);
            var survivors = new List<PendingVisit>(rows.Length);
            var rowsAffected = 0;
            foreach (var row in rows)
            {
                if (rewrite(row) is { } visit)
                {
                    rowsAffected += visit == row ? 0 : 1;
                    survivors.Add(visit);
                }
                else
                {
                    rowsAffected++;
                }
            }

            if (rowsAffected == 0)
            {
                segments.Add(segment);
                continue;
            }

            affected += rowsAffected;
            changed = true;
            if (survivors.Count > 0)
            {
                segments.Add(VisitSegment.Build([.. survivors], survivors.Count, _venues.Count, _persons.Count, _options.MaxDegreeOfParallelism));
            }
        }

        if (changed)
        {
            Publish(segments.ToImmutable());
        }

        return affected;
    }

    private void FlushLocked(CancellationToken cancellationToken = default)
    {
        var segments = Current;
        if (_buffered > 0)
        {
            var segment = VisitSegment.Build(_buffer, _buffered, _venues.Count, _persons.Count, _options.MaxDegreeOfParallelism, cancellationToken);
            _buffered = 0;
            segments = segments.Add(segment);

            // The buffer of a full segment is 16 bytes a visit held for nothing once it is indexed: let it go.
            if (_buffer.Length > InitialBuffer)
            {
                _buffer = new PendingVisit[InitialBuffer];
            }
        }
        else if (segments.Length <= _options.MaxSegments)
        {
            return;
        }

        try
        {
            while (segments.Length > _options.MaxSegments)
            {
                segments = MergeSmallestNeighbours(segments, cancellationToken);
            }
        }
        finally
        {
            // Cancelled or not, every visit is in a published segment.
            Publish(segments);
        }
    }

    private ImmutableArray<VisitSegment> MergeSmallestNeighbours(ImmutableArray<VisitSegment> segments, CancellationToken cancellationToken)
    {
        var best = 0;
        for (var i = 1; i < segments.Length - 1; i++)
        {
            if (segments[i].Count + segments[i + 1].Count < segments[best].Count + segments[best + 1].Count)
            {
                best = i;
            }
        }

        var (left, right) = (segments[best], segments[best + 1]);
        var merged = new PendingVisit[left.Count + right.Count];
        left.CopyTo(merged);
        right.CopyTo(merged.AsSpan(left.Count));
        var segment = VisitSegment.Build(merged, merged.Length, _venues.Count, _persons.Count, _options.MaxDegreeOfParallelism, cancellationToken);
        return segments.RemoveRange(best, 2).Insert(best, segment);
    }

    /// <summary>The segments readers see next: the published ones, or those held back while a batch is being added.</summary>
    private ImmutableArray<VisitSegment> Current => _held ?? _snapshot.Segments;

    private void Publish(ImmutableArray<VisitSegment> segments)
    {
        if (_holdPublishing)
        {
            _held = segments;
            return;
        }

        Volatile.Write(ref _snapshot, new VisitIndexSnapshot(segments, _persons, _venues, ++_version));
    }
}
