namespace CheckIn.Simulation.Tests;

public sealed class RecordedWorldTests
{
    private static readonly SimulationOptions Options = SimulationOptions.Default with
    {
        Residents = 3000,
        Days = 8,
        Seed = 21,
        Outbreak = OutbreakOptions.Default with { IndexCases = 5, RatePerMinute = 0.001 },
    };

    [Fact]
    public void Build_IndexesRecordsAndTruth_PseudonymsMapBack()
    {
        var province = SyntheticProvince.Generate(Options);
        var world = RecordedWorld.Build(province, SimulationFiles.KeyOf);
        Assert.Equal(world.Totals.TrueVisits, world.Truth.Count);
        Assert.Equal(world.Totals.RecordedVisits, world.Recorded.Count);
        Assert.True(world.Recorded.Count < world.Truth.Count);
        Assert.Equal(province.StartInstant + NodaTime.Duration.FromDays(Options.Days), world.End);
        Assert.Equal(17, world.ResidentOf(world.PersonOf(17)));
        Assert.Equal(-1, world.ResidentOf(new CheckIn.Tracing.Privacy.PersonPseudonym(1, 1)));
    }

    [Fact]
    public void TraceOutbreak_SameAsTheStudy_AndTheTruthFindsAtLeastAsMuch()
    {
        var world = RecordedWorld.Build(SyntheticProvince.Generate(Options), SimulationFiles.KeyOf);
        var trace = world.TraceOutbreak(TracingRule.Default);
        var study = TracingStudy.Run([new StudyScenario(Options, TracingRule.Default)]).Single();
        Assert.Equal(study.Score, trace.Score);
        Assert.True(trace.Cases.Count > 0);
        Assert.All(trace.Cases, c => Assert.True(c.Onset <= world.End));
        Assert.True(trace.Score.InfectedFoundFromTrueVisits >= trace.Score.InfectedFound);
        Assert.DoesNotContain(trace.FromRecords.Warnings, w => w.Code != CheckIn.Tracing.TracingErrorCodes.Trace.UnknownCase);
    }

    [Fact]
    public void Identity_CardsApart_LinkedCardsWhole_RecallInBetween()
    {
        var province = SyntheticProvince.Generate(Options);
        var one = RecordedWorld.BuildWithIdentity(province, RecordingIdentity.SyntheticPseudonym, RecordingIdentity.OnePerResident);
        var cards = RecordedWorld.BuildWithIdentity(province, RecordingIdentity.SyntheticPseudonym, RecordingIdentity.Cards);
        var linked = RecordedWorld.BuildWithIdentity(province, RecordingIdentity.SyntheticPseudonym, RecordingIdentity.LinkedCards);

        // One world, recorded three ways: the same visits, under more people when the cards are apart.
        Assert.Equal(one.Totals.TrueVisits, cards.Totals.TrueVisits);
        Assert.Equal(one.Recorded.Count, cards.Recorded.Count);
        Assert.Equal(one.Recorded.Count, linked.Recorded.Count);
        Assert.True(cards.Recorded.PersonCount > one.Recorded.PersonCount);
        Assert.Equal(0, cards.Totals.Merges);
        Assert.InRange(linked.Totals.Merges, 1, linked.Totals.LinksLearned);

        // A linked resident's app account and both cards are one person in the records.
        var resident = Enumerable.Range(0, province.ResidentCount).First(r =>
            cards.Recorded.VisitsOf(RecordingIdentity.SyntheticPseudonym(r, CheckIn.Tracing.Privacy.IdentifierKind.CitizenId)).Count > 0
            && cards.Recorded.VisitsOf(RecordingIdentity.SyntheticPseudonym(r, CheckIn.Tracing.Privacy.IdentifierKind.Phone)).Count > 0
            && linked.Recorded.VisitsOf(RecordingIdentity.SyntheticPseudonym(r, CheckIn.Tracing.Privacy.IdentifierKind.Phone)).Count == 0);
        var all = linked.Recorded.VisitsOf(linked.CaseKeyOf(resident));
        Assert.Equal(
            cards.Recorded.VisitsOf(RecordingIdentity.SyntheticPseudonym(resident, CheckIn.Tracing.Privacy.IdentifierKind.CitizenId)).Count
            + cards.Recorded.VisitsOf(RecordingIdentity.SyntheticPseudonym(resident, CheckIn.Tracing.Privacy.IdentifierKind.Phone)).Count
            + cards.Recorded.VisitsOf(RecordingIdentity.SyntheticPseudonym(resident, CheckIn.Tracing.Privacy.IdentifierKind.HealthInsurance)).Count,
            all.Count);
        Assert.All(all, v => Assert.Equal(resident, linked.ResidentOf(v.Person)));

        // Tracing finds fewer true contacts when a case's cards are apart; links win most of them back.
        var (f1One, f1Cards, f1Linked) = (one.TraceOutbreak(TracingRule.Default).Score.F1Recall, cards.TraceOutbreak(TracingRule.Default).Score.F1Recall,
            linked.TraceOutbreak(TracingRule.Default).Score.F1Recall);
        Assert.True(f1Cards < f1Linked, $"cards {f1Cards:P1}, linked {f1Linked:P1}");
        Assert.True(f1Linked <= f1One, $"linked {f1Linked:P1}, one key {f1One:P1}");
        Assert.Equal(one.TraceOutbreak(TracingRule.Default).Score, RecordedWorld.Build(province, SimulationFiles.KeyOf).TraceOutbreak(TracingRule.Default).Score);
    }

    [Fact]
    public void Identity_OutOfRange_Refused()
    {
        var bad = RecordingIdentity.Cards with { InsuranceLinkShare = 1.5 };
        var error = Assert.Single(bad.Validate());
        Assert.Equal((SimulationErrorCodes.Identity.Share, "InsuranceLinkShare"), (error.Code, error.Property));
        Assert.Throws<CheckIn.Core.InvalidOptionsException>(() => RecordedWorld.BuildWithIdentity(SyntheticProvince.Generate(Options with { Residents = 100, Days = 3 }), RecordingIdentity.SyntheticPseudonym, bad));
        Assert.Equal(SimulationErrorCodes.Identity.Model, Assert.Single((RecordingIdentity.Cards with { Model = (IdentityModel)7 }).Validate()).Code);
    }

    [Fact]
    public void Build_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Throws<OperationCanceledException>(() => RecordedWorld.Build(SyntheticProvince.Generate(Options), SimulationFiles.KeyOf, cancellationToken: cancellation.Token));
    }
}
