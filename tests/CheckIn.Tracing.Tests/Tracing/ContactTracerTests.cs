using CheckIn.Tracing.Index;
using CheckIn.Tracing.Visits;
using NodaTime;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Tracing;

/// <summary>The boundary cases of the contract, one by one.</summary>
public sealed class ContactTracerTests
{
    private static readonly ContactTracerOptions Options = new() { AsOf = At(48) };

    private static TraceResult Trace(IEnumerable<Visit> visits, ContactTracerOptions options, params TraceCase[] cases)
    {
        var store = new VisitStore();
        store.AddRange(visits);
        return new ContactTracer(store.Flush()).Trace(cases, options);
    }

    private static Visit V(int person, string venue, Instant from, Instant to) => new(P(person), venue, from, to);

    private static TraceCase Case(int person, Instant from, Instant until) => new(P(person), from, until);

    [Fact]
    public void TouchingIntervals_NeverMatch()
    {
        var result = Trace([V(0, "A", At(8), At(9)), V(1, "A", At(9), At(10))], Options with { MinOverlap = Duration.Zero }, Case(0, At(0), At(24)));
        Assert.Empty(result.Contacts);
    }

    [Fact]
    public void OverlapExactlyMinOverlap_Matches_OneSecondLess_DoesNot()
    {
        var visits = new[]
        {
            V(0, "A", At(8), At(9)),
            V(1, "A", At(8, 45), At(10)),
            V(2, "A", At(8, 45) + Duration.FromSeconds(1), At(10)),
        };
        var result = Trace(visits, Options with { MaxDepth = 1 }, Case(0, At(0), At(24)));
        var contact = Assert.Single(result.Contacts);
        Assert.Equal(P(1), contact.Person);
        Assert.Equal(Duration.FromMinutes(15), contact.Overlap);
        Assert.Equal(At(8, 45), contact.ExposedAt);
    }

    [Fact]
    public void WindowCutsVisit_OnlyThePartInsideExposes()
    {
        // The case's visit runs 8–12, but the window starts at 11: only 11–12 exposes.
        var visits = new[] { V(0, "A", At(8), At(12)), V(1, "A", At(9), At(10)), V(2, "A", At(10, 50), At(11, 20)) };
        var result = Trace(visits, Options, Case(0, At(11), At(24)));
        var contact = Assert.Single(result.Contacts);
        Assert.Equal(P(2), contact.Person);
        Assert.Equal(At(11), contact.ExposedAt);
        Assert.Equal(Duration.FromMinutes(20), contact.Overlap);
        Assert.Equal(new ExposureNoticeShape("A", At(11), At(12)), Shape(Assert.Single(result.Notices)));
    }

    [Fact]
    public void Linger_ReachesTheNextVisitor()
    {
        var visits = new[] { V(0, "A", At(8), At(9)), V(1, "A", At(9), At(10)) };
        Assert.Empty(Trace(visits, Options, Case(0, At(0), At(24))).Contacts);
        var result = Trace(visits, Options with { Linger = Duration.FromMinutes(30) }, Case(0, At(0), At(24)));
        var contact = Assert.Single(result.Contacts);
        Assert.Equal((At(9), Duration.FromMinutes(30)), (contact.ExposedAt, contact.Overlap));
        Assert.Equal(At(9, 30), Assert.Single(result.Notices).Until);
    }

    [Fact]
    public void PersonReachableAtTwoLevels_KeepsTheLowerLevel()
    {
        // 2 meets the case directly (F1) and also meets F1 person 1 later: stays F1.
        var visits = new[]
        {
            V(0, "A", At(8), At(9)), V(1, "A", At(8), At(9)),
            V(2, "B", At(10), At(11)), V(0, "B", At(10), At(11)),
            V(1, "C", At(12), At(13)), V(2, "C", At(12), At(13)), V(3, "C", At(12), At(13)),
        };
        var result = Trace(visits, Options, Case(0, At(0), At(24)));
        Assert.Equal([(P(1), 1), (P(2), 1), (P(3), 2)], result.Contacts.Select(c => (c.Person, c.Level)));
        Assert.Equal(P(1), result.Contacts.Single(c => c.Person == P(3)).Source);
    }

    [Fact]
    public void EarliestExposureAcrossSources_Wins()
    {
        var visits = new[]
        {
            V(0, "A", At(8), At(9)), V(5, "A", At(8), At(9)),
            V(0, "B", At(6), At(7)), V(5, "B", At(6), At(7)),
        };
        var contact = Assert.Single(Trace(visits, Options, Case(0, At(0), At(24))).Contacts);
        Assert.Equal(("B", At(6)), (contact.Venue, contact.ExposedAt));
    }

    [Fact]
    public void TimeRespecting_F2OnlyAfterF1Exposure()
    {
        // 1 meets 2 at 7:00, before 1 met the case at 9:00: 2 is not F2.
        var visits = new[] { V(1, "X", At(7), At(8)), V(2, "X", At(7), At(8)), V(0, "A", At(9), At(10)), V(1, "A", At(9), At(10)) };
        var result = Trace(visits, Options, Case(0, At(0), At(24)));
        Assert.Equal([P(1)], result.Contacts.Select(c => c.Person));
    }

    [Fact]
    public void CasesAreNeverContacts()
    {
        var visits = new[] { V(0, "A", At(8), At(9)), V(1, "A", At(8), At(9)) };
        var result = Trace(visits, Options, Case(0, At(0), At(24)), Case(1, At(0), At(24)));
        Assert.Empty(result.Contacts);
        // Both cases were at A 8–9: one notice for the place and time.
        Assert.Single(result.Notices);
    }

    [Fact]
    public void MaxDepth_StopsTheHops()
    {
        var visits = new[] { V(0, "A", At(8), At(9)), V(1, "A", At(8), At(9)), V(1, "B", At(10), At(11)), V(2, "B", At(10), At(11)), V(2, "C", At(12), At(13)), V(3, "C", At(12), At(13)) };
        Assert.Equal(3, Trace(visits, Options with { MaxDepth = 3 }, Case(0, At(0), At(24))).Contacts.Count);
        Assert.Equal(2, Trace(visits, Options, Case(0, At(0), At(24))).Contacts.Count);
        Assert.Single(Trace(visits, Options with { MaxDepth = 1 }, Case(0, At(0), At(24))).Contacts);
        Assert.Empty(Trace(visits, Options with { MaxDepth = 0 }, Case(0, At(0), At(24))).Contacts);
    }

    [Fact]
    public void OnwardWindow_LimitsHowLongAContactIsASource()
    {
        var visits = new[] { V(0, "A", At(8), At(9)), V(1, "A", At(8), At(9)), V(1, "B", At(20), At(21)), V(2, "B", At(20), At(21)) };
        Assert.Equal(2, Trace(visits, Options, Case(0, At(0), At(24))).Contacts.Count);
        Assert.Single(Trace(visits, Options with { OnwardWindow = Duration.FromHours(6) }, Case(0, At(0), At(24))).Contacts);
    }

    [Fact]
    public void AsOf_CutsWindows()
    {
        var visits = new[] { V(0, "A", At(8), At(10)), V(1, "A", At(9, 40), At(11)) };
        Assert.Single(Trace(visits, Options, Case(0, At(0), At(24))).Contacts);
        Assert.Single(Trace(visits, Options with { AsOf = At(9, 55) }, Case(0, At(0), At(24))).Contacts);
        Assert.Empty(Trace(visits, Options with { AsOf = At(9, 54) }, Case(0, At(0), At(24))).Contacts);
    }

    [Fact]
    public void Evidence_ChainBackToTheCase()
    {
        var visits = new[] { V(0, "A", At(8), At(9)), V(1, "A", At(8, 30), At(9, 30)), V(1, "B", At(10), At(11)), V(2, "B", At(10, 15), At(11)) };
        var result = Trace(visits, Options, Case(0, At(0), At(24)));
        var chain = result.ChainOf(P(2));
        Assert.Equal([P(2), P(1)], chain.Select(c => c.Person));
        Assert.Equal(P(0), chain[^1].Source);
        var f2 = chain[0];
        Assert.Equal(new VisitInterval(At(10), At(11)), f2.SourceVisit);
        Assert.Equal(new VisitInterval(At(10, 15), At(11)), f2.ContactVisit);
        Assert.Equal(Duration.FromMinutes(45), f2.Overlap);
        Assert.Equal([1, 2], result.Hops.Select(h => h.Level));
        Assert.Empty(result.ChainOf(P(9)));
    }

    [Fact]
    public void UnknownCase_ReportedAsWarning_OthersTraced()
    {
        var result = Trace([V(1, "A", At(8), At(9)), V(2, "A", At(8), At(9))], Options, Case(42, At(0), At(24)), Case(1, At(0), At(24)));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(TracingErrorCodes.Trace.UnknownCase, warning.Code);
        Assert.Equal(0, warning.Field);
        Assert.Equal("The case has no visits in the index (field 0).", warning.GetMessage(CheckIn.Core.MessageLanguage.English));
        Assert.Equal(P(2), Assert.Single(result.Contacts).Person);
    }

    [Fact]
    public void KnownCases_NoWarnings() =>
        Assert.Empty(Trace([V(1, "A", At(8), At(9))], Options, Case(1, At(0), At(24))).Warnings);

    [Fact]
    public void DuplicateCase_Throws()
    {
        Assert.Throws<ArgumentException>(() => Trace([V(1, "A", At(8), At(9))], Options, Case(1, At(0), At(24)), Case(1, At(1), At(24))));
        Assert.Throws<ArgumentException>(() => Trace([V(1, "A", At(8), At(9))], Options, Case(7, At(0), At(24)), Case(7, At(1), At(24))));
    }

    [Fact]
    public void NegativeOptions_Throw()
    {
        Assert.Throws<CheckIn.Core.InvalidOptionsException>(() => Trace([], Options with { MinOverlap = Duration.FromMinutes(-1) }, Case(1, At(0), At(24))));
        Assert.Throws<CheckIn.Core.InvalidOptionsException>(() => Trace([], Options with { OnwardWindow = Duration.Zero }, Case(1, At(0), At(24))));
    }

    [Fact]
    public void TraceCase_EmptyWindow_Throws() => Assert.Throws<ArgumentException>(() => Case(1, At(5), At(5)));

    [Fact]
    public void FromOnset_TwoDaysBefore()
    {
        var c = TraceCase.FromOnset(P(1), At(30), At(40));
        Assert.Equal(At(30) - Duration.FromDays(2), c.From);
    }

    [Fact]
    public void Snapshot_IsolatedFromLaterAdds()
    {
        var store = new VisitStore();
        store.Add(V(0, "A", At(8), At(9)));
        store.Add(V(1, "A", At(8), At(9)));
        var before = store.Flush();
        store.Add(V(2, "A", At(8), At(9)));
        store.Flush();
        Assert.Single(new ContactTracer(before).Trace([Case(0, At(0), At(24))], Options).Contacts);
        Assert.Equal(2, new ContactTracer(store.Snapshot).Trace([Case(0, At(0), At(24))], Options).Contacts.Count);
    }

    private readonly record struct ExposureNoticeShape(string Venue, Instant From, Instant Until);

    private static ExposureNoticeShape Shape(CheckIn.Tracing.Notices.ExposureNotice notice) => new(notice.Venue, notice.From, notice.Until);

    private static Visit[] Chain() =>
    [
        // Case 0 at A; 1–5 meet them (exposed 08:00, 08:10, … 08:40); 1 then meets 6 and 7 at B.
        V(0, "A", At(8), At(10)),
        V(1, "A", At(8), At(9)), V(2, "A", At(8, 10), At(9)), V(3, "A", At(8, 20), At(9)), V(4, "A", At(8, 30), At(9)), V(5, "A", At(8, 40), At(9, 30)),
        V(1, "B", At(12), At(13)), V(6, "B", At(12), At(13)), V(7, "B", At(12, 30), At(13)),
    ];

    [Fact]
    public void MaxContactsPerHop_KeepsTheEarliestExposed_ReportsAndStops()
    {
        var full = Trace(Chain(), Options, Case(0, At(0), At(24)));
        Assert.True(full.IsComplete);
        Assert.Equal((5, 2), (full.AtLevel(1).Count(), full.AtLevel(2).Count()));

        var capped = Trace(Chain(), Options with { MaxContactsPerHop = 3 }, Case(0, At(0), At(24)));
        Assert.False(capped.IsComplete);
        Assert.Equal([P(1), P(2), P(3)], capped.Contacts.Select(c => c.Person));
        var warning = Assert.Single(capped.Warnings);
        Assert.Equal((TracingErrorCodes.Trace.ContactCapReached, 1), (warning.Code, warning.Field));
        Assert.Equal(5, capped.Hops[0].Candidates);
    }

    [Fact]
    public void MaxContacts_CountsAcrossLevels()
    {
        var capped = Trace(Chain(), Options with { MaxContacts = 6 }, Case(0, At(0), At(24)));
        Assert.Equal((5, 1), (capped.AtLevel(1).Count(), capped.AtLevel(2).Count()));
        Assert.Equal(P(6), capped.AtLevel(2).Single().Person);
        Assert.Equal(2, Assert.Single(capped.Warnings).Field);

        // A cap the trace does not reach changes nothing.
        var roomy = Trace(Chain(), Options with { MaxContacts = 7, MaxContactsPerHop = 5 }, Case(0, At(0), At(24)));
        Assert.True(roomy.IsComplete);
        Assert.Equal(7, roomy.Contacts.Count);
    }
}
