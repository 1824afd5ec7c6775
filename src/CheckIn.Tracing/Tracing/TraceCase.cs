using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing;

/// <summary>A case (F0) and its infectious window <c>[From, Until)</c>.</summary>
/// <remarks>
/// The Ministry of Health's rule (dispatch 11042/BYT-DP, December 2021): from 2 days before symptom onset (or
/// before the positive sample when asymptomatic) until a negative test. The constructor enforces Until &gt; From.
/// </remarks>
public sealed record TraceCase
{
    /// <summary>Creates a case.</summary>
    /// <param name="person">The case's pseudonym.</param>
    /// <param name="from">The start of the infectious window (inclusive).</param>
    /// <param name="until">The end of the infectious window (exclusive).</param>
    /// <exception cref="ArgumentException">The window is empty.</exception>
    public TraceCase(PersonPseudonym person, Instant from, Instant until)
    {
        if (until <= from)
        {
            throw new ArgumentException("The infectious window ends after it starts.", nameof(until));
        }

        Person = person;
        From = from;
        Until = until;
    }

    /// <summary>The case's pseudonym.</summary>
    public PersonPseudonym Person { get; }

    /// <summary>The start of the infectious window (inclusive).</summary>
    public Instant From { get; }

    /// <summary>The end of the infectious window (exclusive).</summary>
    public Instant Until { get; }

    /// <summary>The window from two days before symptom onset (or positive sample) until a negative test.</summary>
    /// <param name="person">The case's pseudonym.</param>
    /// <param name="onsetOrSample">Symptom onset, or the positive sample when asymptomatic.</param>
    /// <param name="negativeTest">The negative test that ends infectiousness (or the trace time).</param>
    /// <returns>The case.</returns>
    public static TraceCase FromOnset(PersonPseudonym person, Instant onsetOrSample, Instant negativeTest) =>
        new(person, onsetOrSample - Duration.FromDays(2), negativeTest);
}
