using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing.Visits;

/// <summary>
/// A person's stay at a venue: the half-open interval <c>[CheckIn, CheckOut)</c>, so a visit that ends when
/// another begins does not overlap it.
/// </summary>
/// <remarks>The constructor enforces <c>CheckOut &gt; CheckIn</c> and a non-empty venue.</remarks>
public readonly record struct Visit
{
    /// <summary>Creates a visit.</summary>
    /// <param name="person">The person's pseudonym.</param>
    /// <param name="venue">The venue identifier.</param>
    /// <param name="checkIn">The start (inclusive).</param>
    /// <param name="checkOut">The end (exclusive); must be after <paramref name="checkIn"/>.</param>
    /// <param name="closure">How the end was decided.</param>
    /// <exception cref="ArgumentException">The venue is empty or the end is not after the start.</exception>
    public Visit(PersonPseudonym person, string venue, Instant checkIn, Instant checkOut, VisitClosure closure = VisitClosure.CheckedOut)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue);
        if (checkOut <= checkIn)
        {
            throw new ArgumentException("A visit ends after it starts (half-open [in, out) with out > in).", nameof(checkOut));
        }

        Person = person;
        Venue = venue;
        CheckIn = checkIn;
        CheckOut = checkOut;
        Closure = closure;
    }

    /// <summary>The person's pseudonym.</summary>
    public PersonPseudonym Person { get; }

    /// <summary>The venue identifier.</summary>
    public string Venue { get; }

    /// <summary>When the visit started (inclusive).</summary>
    public Instant CheckIn { get; }

    /// <summary>When the visit ended (exclusive).</summary>
    public Instant CheckOut { get; }

    /// <summary>How the end was decided.</summary>
    public VisitClosure Closure { get; }

    /// <summary>The visit's length.</summary>
    public Duration Length => CheckOut - CheckIn;
}
