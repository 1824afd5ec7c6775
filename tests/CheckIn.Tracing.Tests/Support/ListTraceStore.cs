using CheckIn.Core;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;

namespace CheckIn.Tracing.Tests.Support;

/// <summary>
/// The hop rule of <c>docs/tracing-semantics.md</c> written out over a list of visits, every pair compared: the
/// reference a real store (PostgreSQL) and <see cref="StoreContactTracer"/> are checked against. Returns every match,
/// not only each person's best, so the tracer's own tie-break is what decides.
/// </summary>
internal sealed class ListTraceStore(IReadOnlyList<Visit> visits, IReadOnlyList<CheckInError>? warnings = null) : ITraceStore
{
    public int SessionsOpen { get; private set; }

    public Task<ITraceSession> OpenTraceAsync(CancellationToken cancellationToken = default)
    {
        SessionsOpen++;
        return Task.FromResult<ITraceSession>(new Session(this));
    }

    private sealed class Session(ListTraceStore store) : ITraceSession
    {
        private readonly HashSet<PersonPseudonym> _reached = [];

        public Task<(IReadOnlySet<PersonPseudonym> Known, IReadOnlyList<CheckInError> Warnings)> KnownAsync(IReadOnlyList<PersonPseudonym> persons, CancellationToken cancellationToken = default)
        {
            var known = store.Visits().Select(v => v.Person).Intersect(persons).ToHashSet();
            return Task.FromResult<(IReadOnlySet<PersonPseudonym>, IReadOnlyList<CheckInError>)>((known, store.Warnings()));
        }

        public Task<TraceHopResult> MatchAsync(TraceHop hop, CancellationToken cancellationToken = default)
        {
            _reached.UnionWith(hop.NewlyReached);
            var matches = new List<TraceMatch>();
            var exposures = new List<ExposureNotice>();
            foreach (var source in hop.Sources)
            {
                foreach (var visit in store.Visits().Where(v => v.Person == source.Person))
                {
                    var inside = Max(visit.CheckIn, source.From);
                    var insideEnd = Min(visit.CheckOut, source.Until);
                    if (insideEnd <= inside)
                    {
                        continue;
                    }

                    var exposureEnd = insideEnd + hop.Linger;
                    exposures.Add(new ExposureNotice(visit.Venue, inside, exposureEnd));
                    foreach (var other in store.Visits().Where(v => v.Venue == visit.Venue && !_reached.Contains(v.Person)))
                    {
                        var start = Max(other.CheckIn, inside);
                        var overlap = Min(other.CheckOut, exposureEnd) - start;
                        if (overlap > NodaTime.Duration.Zero && overlap >= hop.MinOverlap)
                        {
                            matches.Add(new TraceMatch(other.Person, start, overlap, visit.Venue, source.Person,
                                new VisitInterval(visit.CheckIn, visit.CheckOut, visit.Closure), new VisitInterval(other.CheckIn, other.CheckOut, other.Closure)));
                        }
                    }
                }
            }

            return Task.FromResult(new TraceHopResult(matches, exposures.Count, hop.WithExposures ? exposures : null, store.Warnings()));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private IReadOnlyList<Visit> Visits() => visits;

    private IReadOnlyList<CheckInError> Warnings() => warnings ?? [];

    private static NodaTime.Instant Max(NodaTime.Instant a, NodaTime.Instant b) => a > b ? a : b;

    private static NodaTime.Instant Min(NodaTime.Instant a, NodaTime.Instant b) => a < b ? a : b;
}
