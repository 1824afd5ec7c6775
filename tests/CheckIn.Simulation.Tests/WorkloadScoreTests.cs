using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Simulation.Tests;

/// <summary>Infections found within a day's calls, by score and in list order, on a world worked out by hand.</summary>
public sealed class WorkloadScoreTests
{
    private static readonly Instant Day = Instant.FromUtc(2021, 9, 1, 0, 0);

    private static PersonPseudonym P(int resident) => new(0, (ulong)resident + 1);

    private static int ResidentOf(PersonPseudonym person) => (int)person.Low - 1;

    [Fact]
    public void Ranked_CallsTheLongExposureFirst_ListOrder_TheEarliest()
    {
        // The case (0) meets 1 for 20 minutes at 08:00 (not infected), 2 for six hours from 09:00 (infected by the
        // case), and 3 for 15 minutes at 09:30; 2 then spends an evening with 4 (infected by 2).
        var store = new VisitStore();
        store.AddRange(
        [
            new Visit(P(0), "cafe", Day + Duration.FromHours(8), Day + Duration.FromHours(8.5)),
            new Visit(P(1), "cafe", Day + Duration.FromHours(8), Day + Duration.FromMinutes(500)),
            new Visit(P(0), "office", Day + Duration.FromHours(9), Day + Duration.FromHours(15)),
            new Visit(P(2), "office", Day + Duration.FromHours(9), Day + Duration.FromHours(15)),
            new Visit(P(3), "office", Day + Duration.FromHours(9.5), Day + Duration.FromMinutes(585)),
            new Visit(P(2), "home", Day + Duration.FromHours(18), Day + Duration.FromHours(22)),
            new Visit(P(4), "home", Day + Duration.FromHours(18), Day + Duration.FromHours(22)),
        ]);
        var trace = new ContactTracer(store.Flush()).Trace([new TraceCase(P(0), Day, Day + Duration.FromDays(1))], new ContactTracerOptions { AsOf = Day + Duration.FromDays(2) });
        Infection[] infections =
        [
            new(2, 0, 1, Day + Duration.FromHours(12), Day + Duration.FromDays(5), 1),
            new(4, 2, 2, Day + Duration.FromHours(20), Day + Duration.FromDays(6), 2),
        ];

        var one = WorkloadScore.Of(trace, infections, [0], ResidentOf, calls: 1);
        Assert.Equal((1, 4, 1), (one.Calls, one.Contacts, one.InfectedByCases));
        Assert.Equal((1, 0), (one.FoundRanked, one.FoundUnranked));
        Assert.Equal((2, 1, 0), (one.InfectedContacts, one.InfectedFoundRanked, one.InfectedFoundUnranked));

        // Two calls by score: 2 (six hours) and 4 (2's evening, scored below 2 but above the short F1s); in list order the
        // two earliest F1, 1 and 2, so 4 (an F2) is not reached.
        var two = WorkloadScore.Of(trace, infections, [0], ResidentOf, calls: 2);
        Assert.Equal([P(2), P(4)], trace.Ranked().Take(2).Select(c => c.Person));
        Assert.Equal((1, 1, 2, 1), (two.FoundRanked, two.FoundUnranked, two.InfectedFoundRanked, two.InfectedFoundUnranked));

        var all = WorkloadScore.Of(trace, infections, [0], ResidentOf, calls: 10);
        Assert.Equal((1, 1, 2, 2), (all.FoundRanked, all.FoundUnranked, all.InfectedFoundRanked, all.InfectedFoundUnranked));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkloadScore.Of(trace, infections, [0], ResidentOf, calls: 0));
    }

    [Fact]
    public void Study_ReportsTheWorkload_OnTheSameTrace()
    {
        var options = SimulationOptions.Default with { Residents = 3000, Days = 8, Seed = 11 };
        var result = Assert.Single(TracingStudy.Run([new StudyScenario(options, TracingRule.Default) { Calls = 100 }]));
        var workload = result.Workload!;
        Assert.Equal(100, workload.Calls);
        Assert.Equal(result.Score.InfectedByCases, workload.InfectedByCases);
        Assert.InRange(workload.FoundRanked, 0, Math.Min(100, result.Score.InfectedFound));
        Assert.InRange(workload.FoundUnranked, 0, Math.Min(100, result.Score.InfectedFound));
        Assert.Throws<ArgumentOutOfRangeException>(() => TracingStudy.Run([new StudyScenario(options, TracingRule.Default) { Calls = 0 }]));
    }
}
