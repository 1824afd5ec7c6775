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
    public void Build_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Throws<OperationCanceledException>(() => RecordedWorld.Build(SyntheticProvince.Generate(Options), SimulationFiles.KeyOf, cancellationToken: cancellation.Token));
    }
}
