using NodaTime;

namespace CheckIn.Tracing.Visits;

/// <summary>
/// The pairing rules for one person's events, taken in time order (check-outs first at equal seconds, then arrival
/// order): shared by <see cref="VisitBuilder"/> (all events at once) and <see cref="VisitRecorder"/> (as they come),
/// so both make the same visits from the same events.
/// </summary>
internal sealed class VisitMachine(VisitBuilderOptions options)
{
    private Open? _open;

    /// <summary>The person's open check-in, if any.</summary>
    public Open? Current => _open;

    /// <summary>Puts back an open check-in taken from a checkpoint.</summary>
    public void Restore(Open open) => _open = open;

    /// <summary>Takes the person's next event in order; adds the visits it closes and the rejections it makes.</summary>
    public void Feed(CheckInEvent e, long order, List<Visit> visits, List<(long Order, RejectedEvent Rejection)> rejected)
    {
        if (e.Kind == CheckInEventKind.CheckIn)
        {
            if (_open is { } same && same.Event.Venue == e.Venue && e.At - same.LastScan <= options.MergeTolerance)
            {
                rejected.Add((order, new RejectedEvent(e, EventRejection.DuplicateScan)));
                _open = same with { LastScan = e.At };
                return;
            }

            if (_open is { } previous)
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

            _open = new Open(e, e.At, order);
        }
        else if (_open is { } visit && visit.Event.Venue == e.Venue && Second(e.At) > Second(visit.Event.At))
        {
            var cap = visit.Event.At + options.MaxVisitLength;
            if (e.At > cap + options.LateCheckOutWindow)
            {
                // Too late to be this visit's check-out: the visit ends by default, and the check-out pairs with nothing.
                visits.Add(CloseByDefault(visit, next: null)!.Value);
                rejected.Add((order, new RejectedEvent(e, EventRejection.CheckOutWithoutCheckIn)));
            }
            else
            {
                visits.Add(e.At > cap
                    ? new Visit(visit.Event.Person, visit.Event.Venue, visit.Event.At, cap, VisitClosure.Capped)
                    : new Visit(visit.Event.Person, visit.Event.Venue, visit.Event.At, e.At, VisitClosure.CheckedOut));
            }

            _open = null;
        }
        else
        {
            rejected.Add((order, new RejectedEvent(e, EventRejection.CheckOutWithoutCheckIn)));
        }
    }

    /// <summary>Ends the person's events: an open check-in closes by default.</summary>
    public void End(List<Visit> visits)
    {
        if (_open is { } last)
        {
            visits.Add(CloseByDefault(last, next: null)!.Value);
            _open = null;
        }
    }

    /// <summary>The visit the open check-in makes if nothing else comes (the assumed one).</summary>
    public Visit? Assumed => _open is { } open ? CloseByDefault(open, next: null) : null;

    /// <summary>
    /// The earliest time after which no later event can change the open visit: a check-out then is too late, a check-in
    /// then neither shortens the visit nor merges into it.
    /// </summary>
    public Instant? SettledAfter => _open is { } open
        ? Max(open.Event.At + options.MaxVisitLength + options.LateCheckOutWindow, open.LastScan + options.MergeTolerance)
        : null;

    /// <summary>When the open visit's default length runs out.</summary>
    public Instant? AssumedAfter => _open is { } open ? open.Event.At + options.DefaultLengthFor(open.Event.VenueKind) : null;

    /// <summary>
    /// The visit an open check-in makes when no check-out closed it: until the next check-in, or the default length,
    /// whichever is first; none when the next check-in comes within the same second (the index holds whole seconds).
    /// </summary>
    private Visit? CloseByDefault(Open open, Instant? next)
    {
        var end = open.Event.At + options.DefaultLengthFor(open.Event.VenueKind);
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

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    /// <summary>The whole second an instant falls in (the index's precision): events are compared in these.</summary>
    public static long Second(Instant instant) => Math.DivRem(instant.ToUnixTimeTicks(), NodaConstants.TicksPerSecond, out var rest) - (rest < 0 ? 1 : 0);

    /// <summary>An open check-in: the event, the last scan merged into it, and its arrival order.</summary>
    public readonly record struct Open(CheckInEvent Event, Instant LastScan, long Order);
}
