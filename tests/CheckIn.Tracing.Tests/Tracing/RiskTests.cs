using CheckIn.Core.Places;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Visits;
using NodaTime;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Tracing;

/// <summary>Scores, ranking, caps and expansion on a fixed world whose every score is worked out by hand.</summary>
public sealed class RiskTests
{
    // A case (0) at a small shop for an hour with 1 and 2 (60 and 20 minutes), and at a crowded market where 3 spends
    // an hour among 30 others (4…33); then 1 sits two hours at a restaurant with 40, and 3 an hour at the market
    // (later, alone) with 41.
    private static readonly Visit[] World =
    [
        V(0, "shop", At(8), At(9)),
        V(1, "shop", At(8), At(9)),
        V(2, "shop", At(8, 40), At(9)),
        V(0, "market", At(10), At(11)),
        V(3, "market", At(10), At(11)),
        .. Enumerable.Range(4, 30).Select(p => V(p, "market", At(10), At(10, 10))),
        V(1, "restaurant", At(12), At(14)),
        V(40, "restaurant", At(12), At(14)),
        V(3, "market", At(15), At(16)),
        V(41, "market", At(15), At(16)),
    ];

    private static readonly ContactTracerOptions Options = new()
    {
        AsOf = At(48),
        Risk = RiskModel.Default with { UseCrowding = true },
        VenueKindOf = venue => venue switch { "market" => VenueKind.Market, "restaurant" => VenueKind.Restaurant, _ => VenueKind.Supermarket },
    };

    private static Visit V(int person, string venue, Instant from, Instant to) => new(P(person), venue, from, to);

    private static TraceResult Trace(ContactTracerOptions options)
    {
        var store = new VisitStore();
        store.AddRange(World);
        return new ContactTracer(store.Flush()).Trace([new TraceCase(P(0), At(0), At(24))], options);
    }

    private static double Q(double minutes, double weight, double close) => 1 - Math.Exp(-0.001 * weight * close * minutes);

    [Fact]
    public void Scores_OverlapKindCrowdAndHop_AsDocumented()
    {
        var result = Trace(Options);
        var byPerson = result.Contacts.ToDictionary(c => c.Person);

        // The shop: two others present, so nobody is diluted; 60 and 20 minutes.
        Assert.Equal(Q(60, 1, 1), byPerson[P(1)].Score, 12);
        Assert.Equal(2, byPerson[P(1)].OthersPresent);
        Assert.Equal(Q(20, 1, 1), byPerson[P(2)].Score, 12);

        // The market: the crowd stays ten minutes (too short to be contacts themselves) but was there during the hour of
        // 3's overlap: 31 others present, 10 of them close.
        Assert.Equal(31, byPerson[P(3)].OthersPresent);
        Assert.Equal(Q(60, 1, 10 / 31.0), byPerson[P(3)].Score, 12);

        // F2: the source's score times the overlap's; the restaurant weighs 1.5.
        Assert.Equal(Q(60, 1, 1) * Q(120, 1.5, 1), byPerson[P(40)].Score, 12);
        Assert.Equal(Q(60, 1, 10 / 31.0) * Q(60, 1, 1), byPerson[P(41)].Score, 12);
        Assert.True(byPerson[P(40)].Score > byPerson[P(41)].Score);
    }

    [Fact]
    public void Scores_AssumedTailCountsHalf_CrowdingCanBeOff()
    {
        var store = new VisitStore();
        store.AddRange([V(0, "shop", At(8), At(9)), new Visit(P(1), "shop", At(8), At(9), VisitClosure.DefaultLength)]);
        var contact = Assert.Single(new ContactTracer(store.Flush()).Trace([new TraceCase(P(0), At(0), At(24))], Options with { MaxDepth = 1 }).Contacts);
        Assert.Equal(1, contact.OthersPresent);
        Assert.True(contact.InAssumedTail);
        Assert.Equal(Q(30, 1, 1), contact.Score, 12);

        var undiluted = Trace(Options with { Risk = RiskModel.Default }).Contacts.Single(c => c.Person == P(3));
        Assert.False(RiskModel.Default.UseCrowding);
        Assert.Null(undiluted.OthersPresent);
        Assert.Equal(Q(60, 1, 1), undiluted.Score, 12);
    }

    [Fact]
    public void TopPerLevel_KeepsTheHighestScored_InTheDocumentedOrder_CutPersonsNotFoundDeeper()
    {
        // F1 by score: 1 (60 min at the shop), 2 (20 min there), 3 (an hour in the market's crowd, diluted below 2).
        var all = Trace(Options);
        Assert.Equal([P(1), P(2), P(3)], all.AtLevel(1).OrderByDescending(c => c.Score).Select(c => c.Person));

        var top = Trace(Options with { TopPerLevel = 2 });
        Assert.Equal([P(1), P(2)], top.AtLevel(1).Select(c => c.Person));
        Assert.Equal(1, top.Hops[0].BeyondTop);
        // 3 was cut at F1: the market's later visitor (41) is not an F2, and 3 is never reported at a deeper level.
        Assert.Equal([P(40)], top.AtLevel(2).Select(c => c.Person));
        Assert.DoesNotContain(top.Contacts, c => c.Person == P(3));
    }

    [Fact]
    public void MinScore_DropsTheLowScored_ExpandAbove_GrowsF2OnlyFromTheRiskiest()
    {
        var threshold = Q(20, 1, 1) + 1e-9;
        var filtered = Trace(Options with { MinScore = threshold });
        Assert.Equal([P(1)], filtered.AtLevel(1).Select(c => c.Person));
        Assert.Equal(2, filtered.Hops[0].BelowMinScore);
        Assert.All(filtered.Contacts, c => Assert.True(c.Score >= threshold));

        // Every F1 is reported either way; only those above the threshold are sources of F2.
        var wide = Trace(Options with { ExpandAbove = 0.01 });
        Assert.Equal(3, wide.AtLevel(1).Count());
        Assert.Equal(3, wide.Hops[0].Expanded);
        Assert.Equal(2, wide.AtLevel(2).Count());
        var narrow = Trace(Options with { ExpandAbove = 0.0195 });
        Assert.Equal(3, narrow.AtLevel(1).Count());
        Assert.Equal(2, narrow.Hops[0].Expanded);
        Assert.Equal([P(40)], narrow.AtLevel(2).Select(c => c.Person));
        Assert.Equal(0, narrow.Hops[1].Expanded);
    }

    [Fact]
    public void Ranked_ByScoreThenLevelThenDocumentedOrder()
    {
        var result = Trace(Options);
        var ranked = result.Ranked();
        Assert.Equal(result.Contacts.Count, ranked.Count);
        Assert.Equal(P(1), ranked[0].Person);
        for (var i = 1; i < ranked.Count; i++)
        {
            Assert.True(ranked[i - 1].Score >= ranked[i].Score);
        }
    }
}
