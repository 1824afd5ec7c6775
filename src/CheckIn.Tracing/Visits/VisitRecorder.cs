using CheckIn.Core;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing.Visits;

/// <summary>
/// Records check-in events as they happen, one at a time or in batches of any size, and turns them into visits with
/// the rules of <see cref="VisitBuilder"/>: fed the same events, in whatever order and batches, it makes the same
/// visits and rejects the same events as one <see cref="VisitBuilder.Build"/> over all of them, provided each event
/// arrives within <see cref="VisitRecorderOptions.Horizon"/> of the latest one seen.
/// </summary>
/// <remarks>
/// <para>
/// Events wait until the watermark (the latest event time seen, or the time given to <see cref="Advance"/>, minus the
/// horizon) passes them, so late and out-of-order events within the horizon are placed where they belong; an event
/// older than the watermark is refused (<see cref="EventRejection.TooLate"/>). A check-out that arrives later closes
/// its visit. A visit left open past its venue kind's default length is reported once as assumed
/// (<see cref="RecordingStep.Assumed"/>, closure <see cref="VisitClosure.DefaultLength"/>): a late check-out may
/// still replace it; it is final (<see cref="RecordingStep.Closed"/>) when nothing can change it any more, or at
/// <see cref="Complete"/>.
/// </para>
/// <para>Thread-safe: calls are serialized. Work per event is logarithmic in the number of people with open visits.</para>
/// </remarks>
public sealed class VisitRecorder
{
    private readonly VisitRecorderOptions _options;
    private readonly Dictionary<PersonPseudonym, PersonState> _people = [];
    private readonly PriorityQueue<PersonPseudonym, long> _due = new();
    private readonly Lock _gate = new();
    private readonly Collector _step = new();
    private Instant? _latest;
    private Instant? _watermark;
    private long _arrivals;

    /// <summary>Creates a recorder.</summary>
    /// <param name="options">The options, or null for <see cref="VisitRecorderOptions.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">An option is out of range (<see cref="VisitRecorderOptions.Validate"/>).</exception>
    public VisitRecorder(VisitRecorderOptions? options = null)
    {
        _options = options ?? VisitRecorderOptions.Default;
        InvalidOptionsException.ThrowIfAny(_options.Validate(), nameof(options));
    }

    /// <summary>The number of people with events not yet settled or an open visit.</summary>
    public int OpenPeople
    {
        get
        {
            lock (_gate)
            {
                return _people.Count;
            }
        }
    }

    /// <summary>The watermark: events older than this are refused as too late. Null before the first event.</summary>
    public Instant? Watermark
    {
        get
        {
            lock (_gate)
            {
                return _watermark;
            }
        }
    }

    /// <summary>Records one event.</summary>
    /// <param name="checkInEvent">The event.</param>
    /// <returns>What the event settled: visits closed, visits assumed, events rejected.</returns>
    public RecordingStep Record(CheckInEvent checkInEvent) => Record([checkInEvent]);

    /// <summary>Records a batch of events (in any order).</summary>
    /// <param name="events">The events.</param>
    /// <returns>What the batch settled.</returns>
    public RecordingStep Record(IEnumerable<CheckInEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            var step = _step.Start();
            var now = _options.Visits.Clock.GetCurrentInstant();
            foreach (var e in events)
            {
                var order = _arrivals++;
                if (RefusalOf(e, now, _options.Visits, _watermark) is { } reason)
                {
                    step.Rejected.Add((order, new RejectedEvent(e, reason)));
                    continue;
                }

                if (!_people.TryGetValue(e.Person, out var person))
                {
                    person = new PersonState(new VisitMachine(_options.Visits));
                    _people.Add(e.Person, person);
                }

                person.Pending.Add(new Pending(VisitMachine.Second(e.At), e.Kind == CheckInEventKind.CheckOut ? 0 : 1, order, e));
                Schedule(e.Person, person);
                if (_latest is null || e.At > _latest)
                {
                    _latest = e.At;
                }
            }

            if (_latest is { } latest)
            {
                MoveWatermark(latest - _options.Horizon, step);
            }

            return step.ToStep();
        }
    }

    /// <summary>
    /// Tells the recorder that time has passed with no events (a quiet night): the watermark moves to
    /// <paramref name="now"/> minus the horizon, which settles visits and reports assumed ones.
    /// </summary>
    /// <param name="now">The current time; an earlier time than before changes nothing.</param>
    /// <returns>What the passing time settled.</returns>
    public RecordingStep Advance(Instant now)
    {
        lock (_gate)
        {
            var step = _step.Start();
            if (IndexTime.IsIndexable(now))
            {
                MoveWatermark(now - _options.Horizon, step);
            }

            return step.ToStep();
        }
    }

    /// <summary>Ends the stream: every waiting event is taken and every open visit closes by default, as at the end of a batch.</summary>
    /// <returns>The visits closed and the events rejected.</returns>
    public RecordingStep Complete()
    {
        lock (_gate)
        {
            var step = _step.Start();
            foreach (var (_, person) in _people.OrderBy(p => p.Key.High).ThenBy(p => p.Key.Low))
            {
                Take(person, long.MaxValue, step);
                person.Machine.End(step.Closed);
            }

            _people.Clear();
            _due.Clear();
            return step.ToStep();
        }
    }

    /// <summary>
    /// Makes two pseudonyms one person in what the recorder holds (as <see cref="Index.VisitStore.Merge(PersonPseudonym, PersonPseudonym)"/>
    /// does in the index): <paramref name="from"/>'s waiting events and open check-in become <paramref name="into"/>'s,
    /// so a check-out recorded under the person's representative closes a check-in recorded under the absorbed card.
    /// When both have an open check-in, the later one stays open and the earlier closes as if the later had come next.
    /// </summary>
    /// <param name="into">The pseudonym that stays.</param>
    /// <param name="from">The pseudonym absorbed.</param>
    /// <returns>What the merge settled (a visit closed by the other's later check-in).</returns>
    public RecordingStep Merge(PersonPseudonym into, PersonPseudonym from)
    {
        lock (_gate)
        {
            var step = _step.Start();
            if (into == from || !_people.Remove(from, out var absorbed))
            {
                return step.ToStep();
            }

            if (!_people.TryGetValue(into, out var kept))
            {
                kept = new PersonState(new VisitMachine(_options.Visits)) { AssumedReported = absorbed.AssumedReported };
                _people.Add(into, kept);
            }

            foreach (var pending in absorbed.Pending)
            {
                kept.Pending.Add(pending with { Event = pending.Event with { Person = into } });
            }

            if (absorbed.Machine.Current is { } open)
            {
                var moved = open with { Event = open.Event with { Person = into } };
                if (kept.Machine.Current is not { } other)
                {
                    kept.Machine.Restore(moved);
                    kept.AssumedReported = absorbed.AssumedReported;
                }
                else
                {
                    // Both open: the later check-in is fed after the earlier, which it closes (or merges into).
                    var (earlier, later) = other.Event.At <= moved.Event.At ? (other, moved) : (moved, other);
                    kept.Machine.Restore(earlier);
                    kept.Machine.Feed(later.Event, later.Order, step.Closed, step.Rejected);
                    kept.AssumedReported = false;
                }
            }

            Schedule(into, kept);
            return step.ToStep();
        }
    }

    /// <summary>
    /// Everything the recorder holds that is not yet a closed visit: the watermark, the latest event time, each open
    /// check-in and each waiting event, with their arrival orders. A recorder restored from it
    /// (<see cref="FromCheckpoint"/>) goes on exactly as this one would, so a host can persist its index with the
    /// checkpoint and replay only the events that came after.
    /// </summary>
    /// <returns>The checkpoint (pseudonyms only, like every event).</returns>
    public RecorderCheckpoint Checkpoint()
    {
        lock (_gate)
        {
            var open = new List<OpenCheckIn>();
            var waiting = new List<WaitingEvent>();
            foreach (var (_, person) in _people.OrderBy(p => p.Key.High).ThenBy(p => p.Key.Low))
            {
                if (person.Machine.Current is { } current)
                {
                    open.Add(new OpenCheckIn(current.Event, current.LastScan, current.Order, person.AssumedReported));
                }

                waiting.AddRange(person.Pending.Select(p => new WaitingEvent(p.Event, p.Order)));
            }

            waiting.Sort((a, b) => a.Order.CompareTo(b.Order));
            return new RecorderCheckpoint(_watermark, _latest, _arrivals, open, waiting);
        }
    }

    /// <summary>A recorder that goes on from a checkpoint of one with the same options.</summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <param name="options">The options the checkpointed recorder had, or null for <see cref="VisitRecorderOptions.Default"/>.</param>
    /// <returns>The recorder.</returns>
    /// <exception cref="ArgumentException">The checkpoint is inconsistent (an arrival order repeated or beyond its count, two open check-ins for one person).</exception>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    public static VisitRecorder FromCheckpoint(RecorderCheckpoint checkpoint, VisitRecorderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var recorder = new VisitRecorder(options);
        var orders = new HashSet<long>();
        foreach (var open in checkpoint.Open)
        {
            if (!orders.Add(open.Order) || open.Order < 0 || open.Order >= checkpoint.Arrivals || open.CheckIn.Kind != CheckInEventKind.CheckIn
                || recorder._people.ContainsKey(open.CheckIn.Person))
            {
                throw new ArgumentException("The checkpoint's open check-ins are inconsistent.", nameof(checkpoint));
            }

            var state = new PersonState(new VisitMachine(recorder._options.Visits)) { AssumedReported = open.AssumedReported };
            state.Machine.Restore(new VisitMachine.Open(open.CheckIn, open.LastScan, open.Order));
            recorder._people.Add(open.CheckIn.Person, state);
        }

        foreach (var waiting in checkpoint.Waiting)
        {
            if (!orders.Add(waiting.Order) || waiting.Order < 0 || waiting.Order >= checkpoint.Arrivals)
            {
                throw new ArgumentException("The checkpoint's waiting events are inconsistent.", nameof(checkpoint));
            }

            var e = waiting.Event;
            if (!recorder._people.TryGetValue(e.Person, out var state))
            {
                state = new PersonState(new VisitMachine(recorder._options.Visits));
                recorder._people.Add(e.Person, state);
            }

            state.Pending.Add(new Pending(VisitMachine.Second(e.At), e.Kind == CheckInEventKind.CheckOut ? 0 : 1, waiting.Order, e));
        }

        recorder._watermark = checkpoint.Watermark;
        recorder._latest = checkpoint.Latest;
        recorder._arrivals = checkpoint.Arrivals;
        foreach (var (person, state) in recorder._people)
        {
            recorder.Schedule(person, state);
        }

        return recorder;
    }

    /// <summary>
    /// Why a recorder would refuse an event on arrival, or null: no venue, no kind, outside 1952–2088, further in the
    /// future than the clock skew allows, or older than the watermark. What a host checks before it logs an event.
    /// </summary>
    /// <param name="checkInEvent">The event.</param>
    /// <param name="now">The clock's time.</param>
    /// <param name="rules">The rules (the clock skew tolerance).</param>
    /// <param name="watermark">The recorder's watermark (<see cref="Watermark"/>), or null before the first event.</param>
    /// <returns>The refusal, or null when the event would be taken.</returns>
    public static EventRejection? RefusalOf(CheckInEvent checkInEvent, Instant now, VisitBuilderOptions rules, Instant? watermark)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var e = checkInEvent;
        return string.IsNullOrEmpty(e.Venue) ? EventRejection.MissingVenue
            : e.Kind is not (CheckInEventKind.CheckIn or CheckInEventKind.CheckOut) ? EventRejection.UnknownKind
            : !IndexTime.IsIndexable(e.At) ? EventRejection.OutOfRange
            : e.At > now + rules.ClockSkewTolerance ? EventRejection.InFuture
            : watermark is { } w && e.At < w ? EventRejection.TooLate
            : null;
    }

    private void MoveWatermark(Instant candidate, Collector step)
    {
        if (_watermark is { } current && candidate <= current)
        {
            return;
        }

        _watermark = candidate;
        var second = VisitMachine.Second(candidate);
        while (_due.TryPeek(out var person, out var due) && due < second)
        {
            _due.Dequeue();
            if (!_people.TryGetValue(person, out var state) || state.Due != due)
            {
                continue; // a stale entry: the person was rescheduled or settled
            }

            state.Due = null;
            Take(state, second, step);
            var machine = state.Machine;
            if (machine.Current is not null && machine.AssumedAfter is { } assumedAfter && !state.AssumedReported && assumedAfter < candidate)
            {
                step.Assumed.Add(machine.Assumed!.Value);
                state.AssumedReported = true;
            }

            if (machine.Current is not null && machine.SettledAfter is { } settledAfter && settledAfter < candidate)
            {
                machine.End(step.Closed);
            }

            if (machine.Current is null && state.Pending.Count == 0)
            {
                _people.Remove(person);
            }
            else
            {
                Schedule(person, state);
            }
        }
    }

    /// <summary>Feeds the person's waiting events before the second (in the builder's order) to their machine.</summary>
    private static void Take(PersonState person, long beforeSecond, Collector step)
    {
        if (person.Pending.Count == 0)
        {
            return;
        }

        person.Pending.Sort();
        var taken = 0;
        foreach (var pending in person.Pending)
        {
            if (pending.Second >= beforeSecond)
            {
                break;
            }

            var openBefore = person.Machine.Current;
            person.Machine.Feed(pending.Event, pending.Order, step.Closed, step.Rejected);
            if (person.Machine.Current != openBefore)
            {
                person.AssumedReported = false;
            }

            taken++;
        }

        person.Pending.RemoveRange(0, taken);
    }

    /// <summary>Queues the person for the next second at which something of theirs can settle.</summary>
    private void Schedule(PersonPseudonym person, PersonState state)
    {
        long? due = null;
        if (state.Pending.Count > 0)
        {
            due = state.Pending.Min(p => p.Second);
        }

        var machine = state.Machine;
        if (machine.Current is not null)
        {
            var next = !state.AssumedReported && machine.AssumedAfter is { } assumed ? assumed : machine.SettledAfter!.Value;
            var second = VisitMachine.Second(next);
            due = due is { } d ? Math.Min(d, second) : second;
        }

        if (due is { } value && state.Due != value)
        {
            state.Due = value;
            _due.Enqueue(person, value);
        }
    }

    private sealed class PersonState(VisitMachine machine)
    {
        public VisitMachine Machine { get; } = machine;

        public List<Pending> Pending { get; } = [];

        public long? Due { get; set; }

        public bool AssumedReported { get; set; }
    }

    private readonly record struct Pending(long Second, int KindRank, long Order, CheckInEvent Event) : IComparable<Pending>
    {
        public int CompareTo(Pending other)
        {
            var c = Second.CompareTo(other.Second);
            if (c == 0)
            {
                c = KindRank.CompareTo(other.KindRank);
            }

            return c != 0 ? c : Order.CompareTo(other.Order);
        }
    }

    /// <summary>What one call settles; reused from call to call (calls are serialized), copied out only when not empty.</summary>
    private sealed class Collector
    {
        private static readonly RecordingStep Nothing = new([], [], []);

        public List<Visit> Closed { get; } = [];

        public List<Visit> Assumed { get; } = [];

        public List<(long Order, RejectedEvent Rejection)> Rejected { get; } = [];

        public Collector Start()
        {
            Closed.Clear();
            Assumed.Clear();
            Rejected.Clear();
            return this;
        }

        public RecordingStep ToStep() => Closed.Count + Assumed.Count + Rejected.Count == 0
            ? Nothing
            : new([.. Closed], [.. Assumed], [.. Rejected.OrderBy(r => r.Order).Select(r => r.Rejection)]);
    }
}

/// <summary>What a <see cref="VisitRecorder"/> holds that is not yet a closed visit (<see cref="VisitRecorder.Checkpoint"/>).</summary>
/// <param name="Watermark">Events older than this are refused; null before the first event.</param>
/// <param name="Latest">The latest event time seen; null before the first event.</param>
/// <param name="Arrivals">How many events had arrived (the next arrival order).</param>
/// <param name="Open">The open check-ins, one per person at most.</param>
/// <param name="Waiting">The events waiting for the watermark, in arrival order.</param>
public sealed record RecorderCheckpoint(Instant? Watermark, Instant? Latest, long Arrivals, IReadOnlyList<OpenCheckIn> Open, IReadOnlyList<WaitingEvent> Waiting);

/// <summary>An open check-in in a <see cref="RecorderCheckpoint"/>.</summary>
/// <param name="CheckIn">The check-in event.</param>
/// <param name="LastScan">The last repeated scan merged into it.</param>
/// <param name="Order">Its arrival order.</param>
/// <param name="AssumedReported">Whether its assumed visit was already reported.</param>
public sealed record OpenCheckIn(CheckInEvent CheckIn, Instant LastScan, long Order, bool AssumedReported);

/// <summary>An event waiting for the watermark in a <see cref="RecorderCheckpoint"/>.</summary>
/// <param name="Event">The event.</param>
/// <param name="Order">Its arrival order.</param>
public sealed record WaitingEvent(CheckInEvent Event, long Order);

/// <summary>What one call to <see cref="VisitRecorder"/> settled.</summary>
/// <param name="Closed">Visits that are final: nothing later can change them.</param>
/// <param name="Assumed">Visits left open past their default length, reported once with the default end; a late check-out may still replace them (the final visit then comes in <see cref="Closed"/>).</param>
/// <param name="Rejected">Events not used, with their reasons, in arrival order.</param>
public sealed record RecordingStep(IReadOnlyList<Visit> Closed, IReadOnlyList<Visit> Assumed, IReadOnlyList<RejectedEvent> Rejected);
