using CheckIn.Core;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing;

/// <summary>
/// A store of visits that answers a trace one hop at a time where the visits are (a database, a set of shards), for
/// <see cref="StoreContactTracer"/>: data larger than one machine's memory is traced without loading it.
/// </summary>
/// <remarks>
/// A store applies exactly the matching rule of <c>docs/tracing-semantics.md</c>; the levels, ties, scores, caps and
/// expansion are the tracer's, shared with <see cref="ContactTracer"/>, so both return the same contacts.
/// </remarks>
public interface ITraceStore
{
    /// <summary>Opens a session for one trace (a connection and the trace's working tables, for example).</summary>
    /// <param name="cancellationToken">Stops opening.</param>
    /// <returns>The session; dispose it when the trace ends.</returns>
    Task<ITraceSession> OpenTraceAsync(CancellationToken cancellationToken = default);
}

/// <summary>One trace's conversation with an <see cref="ITraceStore"/>.</summary>
public interface ITraceSession : IAsyncDisposable
{
    /// <summary>Which of these persons have any visit in the store (a case the store does not know is reported).</summary>
    /// <param name="persons">The cases' pseudonyms.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>The persons known, and warnings for any part of the store that could not be asked.</returns>
    Task<(IReadOnlySet<PersonPseudonym> Known, IReadOnlyList<CheckInError> Warnings)> KnownAsync(IReadOnlyList<PersonPseudonym> persons, CancellationToken cancellationToken = default);

    /// <summary>
    /// Matches one hop: every visit of every source inside its window is an exposure <c>[max(in, From), min(out, Until) +
    /// Linger)</c> at its venue; every other visit there overlapping it by at least <see cref="TraceHop.MinOverlap"/> (and
    /// longer than zero), of a person not reached yet, is a match at the overlap's start.
    /// </summary>
    /// <param name="hop">The hop's sources, the persons reached since the previous hop, and the rules.</param>
    /// <param name="cancellationToken">Stops the hop.</param>
    /// <returns>
    /// At least each person's earliest matches (more are allowed: the tracer keeps the best by the documented order), the
    /// number of exposures, the exposures themselves when <see cref="TraceHop.WithExposures"/> is set, and warnings (a
    /// part of the store that could not be reached is a warning, never a silently shorter answer).
    /// </returns>
    Task<TraceHopResult> MatchAsync(TraceHop hop, CancellationToken cancellationToken = default);
}

/// <summary>A person whose visits inside <c>[From, Until)</c> expose others at one hop (an empty window exposes no one).</summary>
/// <param name="Person">The source.</param>
/// <param name="From">The window's start (whole seconds).</param>
/// <param name="Until">The window's end, already ended at the trace's as-of time (whole seconds; may be at or before <paramref name="From"/>).</param>
public readonly record struct TraceSource(PersonPseudonym Person, Instant From, Instant Until);

/// <summary>One hop asked of a store.</summary>
/// <param name="Level">The level being found (1 for F1).</param>
/// <param name="Sources">The sources, each once.</param>
/// <param name="NewlyReached">
/// Persons given a level since the previous hop (the cases at level 1): together with those of earlier hops, the persons
/// a match must not be.
/// </param>
/// <param name="MinOverlap">The shortest overlap that makes a contact (whole seconds).</param>
/// <param name="Linger">How long a source's presence lingers after they leave (whole seconds).</param>
/// <param name="WithExposures">Whether to return the exposures themselves (the cases' exposure notices at level 1).</param>
public sealed record TraceHop(int Level, IReadOnlyList<TraceSource> Sources, IReadOnlyList<PersonPseudonym> NewlyReached, Duration MinOverlap, Duration Linger, bool WithExposures);

/// <summary>A person a hop reached, with the evidence: the overlap, the venue, the source and both visits.</summary>
/// <param name="Person">The person reached.</param>
/// <param name="ExposedAt">The overlap's start.</param>
/// <param name="Overlap">The overlap's length.</param>
/// <param name="Venue">The venue.</param>
/// <param name="Source">The source.</param>
/// <param name="SourceVisit">The source's visit.</param>
/// <param name="ContactVisit">The person's visit.</param>
public readonly record struct TraceMatch(PersonPseudonym Person, Instant ExposedAt, Duration Overlap, string Venue, PersonPseudonym Source, VisitInterval SourceVisit, VisitInterval ContactVisit);

/// <summary>What a store answered for one hop.</summary>
/// <param name="Matches">The matches (at least each person's earliest).</param>
/// <param name="Exposures">How many exposures the sources' visits made.</param>
/// <param name="ExposureIntervals">The exposures as <c>(venue, from, until)</c> when asked, in any order; null otherwise.</param>
/// <param name="Warnings">Parts of the store that could not be asked (for example <c>PostgreSql.ShardUnreachable</c>).</param>
public sealed record TraceHopResult(IReadOnlyList<TraceMatch> Matches, long Exposures, IReadOnlyList<ExposureNotice>? ExposureIntervals, IReadOnlyList<CheckInError> Warnings);
