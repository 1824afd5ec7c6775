using CheckIn.Core;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Tracing.Visits;

/// <summary>
/// Turns check-in events into visits <c>[in, out)</c>, all at once (<see cref="VisitRecorder"/> takes them as they
/// come, with the same rules). Accepts events in any order; pairs each check-in with the person's next check-out at
/// the same venue (cut at <see cref="VisitBuilderOptions.MaxVisitLength"/>; one later than that by more than
/// <see cref="VisitBuilderOptions.LateCheckOutWindow"/> pairs with nothing); closes a visit whose check-out never
/// came with the venue kind's default length (or at the person's next check-in, whichever is first); merges
/// repeated scans; rejects events too far in the future. Every event not used comes back with its reason.
/// </summary>
/// <remarks>A person is in one place at a time: a check-in anywhere closes the person's open visit. Thread-safe.</remarks>
public sealed class VisitBuilder
{
    private readonly VisitBuilderOptions _options;

    /// <summary>Creates a builder.</summary>
    /// <param name="options">The options, or null for <see cref="VisitBuilderOptions.Default"/>.</param>
    /// <exception cref="InvalidOptionsException">An option is out of range (<see cref="VisitBuilderOptions.Validate"/>).</exception>
    public VisitBuilder(VisitBuilderOptions? options = null)
    {
        _options = options ?? VisitBuilderOptions.Default;
        InvalidOptionsException.ThrowIfAny(_options.Validate(), nameof(options));
    }

    /// <summary>Builds visits from events.</summary>
    /// <param name="events">The events, in any order.</param>
    /// <returns>The visits and the rejected events.</returns>
    public VisitBuildResult Build(IEnumerable<CheckInEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var latest = _options.Clock.GetCurrentInstant() + _options.ClockSkewTolerance;
        var rejected = new List<(int Order, RejectedEvent Rejection)>();
        var accepted = new List<(int Order, CheckInEvent Event)>();
        var order = 0;
        foreach (var e in events)
        {
            if (string.IsNullOrEmpty(e.Venue))
            {
                rejected.Add((order, new RejectedEvent(e, EventRejection.MissingVenue)));
            }
            else if (e.Kind is not (CheckInEventKind.CheckIn or CheckInEventKind.CheckOut))
            {
                rejected.Add((order, new RejectedEvent(e, EventRejection.UnknownKind)));
            }
            else if (!IndexTime.IsIndexable(e.At))
            {
                rejected.Add((order, new RejectedEvent(e, EventRejection.OutOfRange)));
            }
            else if (e.At > latest)
            {
                rejected.Add((order, new RejectedEvent(e, EventRejection.InFuture)));
            }
            else
            {
                accepted.Add((order, e));
            }

            order++;
        }

        // Per person, in time order; at equal times a check-out goes first (it closes the earlier visit), then input order.
        var keys = new SortKey[accepted.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var e = accepted[i].Event;
            keys[i] = new SortKey(e.Person.High, e.Person.Low, VisitMachine.Second(e.At), e.Kind == CheckInEventKind.CheckOut ? 0 : 1, i);
        }

        Array.Sort(keys);
        var sorted = new (int Order, CheckInEvent Event)[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            sorted[i] = accepted[keys[i].Index];
        }

        var visits = new List<Visit>();
        var machineRejections = new List<(long Order, RejectedEvent Rejection)>();
        VisitMachine? machine = null;
        PersonPseudonym? person = null;
        foreach (var (eventOrder, e) in sorted)
        {
            if (person != e.Person)
            {
                machine?.End(visits);
                machine = new VisitMachine(_options);
                person = e.Person;
            }

            machine!.Feed(e, eventOrder, visits, machineRejections);
        }

        machine?.End(visits);
        rejected.AddRange(machineRejections.Select(r => ((int)r.Order, r.Rejection)));
        rejected.Sort((a, b) => a.Order.CompareTo(b.Order));
        return new VisitBuildResult(visits, [.. rejected.Select(r => r.Rejection)]);
    }

    /// <summary>Sorts events by person, time, check-outs first, then input order (which makes the sort stable).</summary>
    private readonly record struct SortKey(ulong High, ulong Low, long Second, int KindRank, int Index) : IComparable<SortKey>
    {
        public int CompareTo(SortKey other)
        {
            var c = High.CompareTo(other.High);
            if (c == 0)
            {
                c = Low.CompareTo(other.Low);
            }

            if (c == 0)
            {
                c = Second.CompareTo(other.Second);
            }

            if (c == 0)
            {
                c = KindRank.CompareTo(other.KindRank);
            }

            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}
