using CheckIn.Core;
using CheckIn.Tracing.Index;
using NodaTime;

namespace CheckIn.Tracing.Visits;

/// <summary>
/// Turns check-in events into visits <c>[in, out)</c>. Accepts events in any order; pairs each check-in with the
/// person's next check-out at the same venue; closes a visit whose check-out never came with the venue kind's
/// default length (or at the person's next check-in, whichever is first); merges repeated scans; rejects
/// events too far in the future. Every event not used comes back with its reason.
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
            keys[i] = new SortKey(e.Person.High, e.Person.Low, Second(e.At), e.Kind == CheckInEventKind.CheckOut ? 0 : 1, i);
        }

        Array.Sort(keys);
        var sorted = new (int Order, CheckInEvent Event)[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            sorted[i] = accepted[keys[i].Index];
        }

        var visits = new List<Visit>();
        Open? open = null;
        foreach (var (eventOrder, e) in sorted)
        {
            if (open is { } current && current.Event.Person != e.Person)
            {
                visits.Add(CloseByDefault(current, next: null)!.Value);
                open = null;
            }

            if (e.Kind == CheckInEventKind.CheckIn)
            {
                if (open is { } same && same.Event.Venue == e.Venue && e.At - same.LastScan <= _options.MergeTolerance)
                {
                    rejected.Add((eventOrder, new RejectedEvent(e, EventRejection.DuplicateScan)));
                    open = same with { LastScan = e.At };
                    continue;
                }

                if (open is { } previous)
                {
                    if (CloseByDefault(previous, next: e.At) is { } closed)
                    {
                        visits.Add(closed);
                    }
                    else
                    {
                        rejected.Add((previous.Order, new RejectedEvent(previous.Event, EventRejection.Superseded)));
                    }
                }

                open = new Open(e, e.At, eventOrder);
            }
            else if (open is { } visit && visit.Event.Venue == e.Venue && Second(e.At) > Second(visit.Event.At))
            {
                var cap = visit.Event.At + _options.MaxVisitLength;
                visits.Add(e.At > cap
                    ? new Visit(visit.Event.Person, visit.Event.Venue, visit.Event.At, cap, VisitClosure.Capped)
                    : new Visit(visit.Event.Person, visit.Event.Venue, visit.Event.At, e.At, VisitClosure.CheckedOut));
                open = null;
            }
            else
            {
                rejected.Add((eventOrder, new RejectedEvent(e, EventRejection.CheckOutWithoutCheckIn)));
            }
        }

        if (open is { } last)
        {
            visits.Add(CloseByDefault(last, next: null)!.Value);
        }

        rejected.Sort((a, b) => a.Order.CompareTo(b.Order));
        return new VisitBuildResult(visits, [.. rejected.Select(r => r.Rejection)]);
    }

    /// <summary>
    /// The visit an open check-in makes when no check-out closed it: until the next check-in, or the default length,
    /// whichever is first; none when the next check-in comes within the same second (the index holds whole seconds).
    /// </summary>
    private Visit? CloseByDefault(Open open, Instant? next)
    {
        var end = open.Event.At + _options.DefaultLengthFor(open.Event.VenueKind);
        if (next is { } nextCheckIn && Second(nextCheckIn) == Second(open.Event.At))
        {
            return null;
        }

        if (next is { } later && later < end && later > open.Event.At)
        {
            return new Visit(open.Event.Person, open.Event.Venue, open.Event.At, later, VisitClosure.NextCheckIn);
        }

        return new Visit(open.Event.Person, open.Event.Venue, open.Event.At, end, VisitClosure.DefaultLength);
    }

    /// <summary>The whole second an instant falls in (the index's precision): events are compared in these.</summary>
    private static long Second(Instant instant) => Math.DivRem(instant.ToUnixTimeTicks(), NodaConstants.TicksPerSecond, out var rest) - (rest < 0 ? 1 : 0);

    private readonly record struct Open(CheckInEvent Event, Instant LastScan, int Order);

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
