using CheckIn.Core;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Simulation.Tests;

public sealed class TracingStudyTests
{
    private static readonly SimulationOptions World = SimulationOptions.Default with
    {
        Residents = 4000,
        Days = 10,
        Seed = 5,
        Outbreak = OutbreakOptions.Default with { IndexCases = 6, RatePerMinute = 0.001 },
    };

    [Fact]
    public void Compliance_ChangesWhatTheRecordsFind_NotTheGroundTruth()
    {
        var results = TracingStudy.Run(
        [
            new StudyScenario(World with { ScanShare = 0.1 }, TracingRule.Default),
            new StudyScenario(World with { ScanShare = 1.0 }, TracingRule.Default),
        ]);
        var (low, high) = (results[0].Score, results[1].Score);
        Assert.Equal(0.1, results[0].Scenario.Simulation.ScanShare);
        Assert.True(low.Cases > 0);

        // The same world and outbreak: the same cases, the same truth.
        Assert.Equal(results[0].TrueVisits, results[1].TrueVisits);
        Assert.Equal(results[0].Infections, results[1].Infections);
        Assert.Equal((low.Cases, low.TrueF1, low.TrueF2, low.InfectedByCases, low.InfectedFoundFromTrueVisits), (high.Cases, high.TrueF1, high.TrueF2, high.InfectedByCases, high.InfectedFoundFromTrueVisits));

        // More scanning, more of the true contacts found.
        Assert.True(results[1].RecordedVisits > results[0].RecordedVisits);
        Assert.True(high.F1Recall > low.F1Recall + 0.1, $"F1 recall {low.F1Recall:P1} → {high.F1Recall:P1}");
        foreach (var score in new[] { low, high })
        {
            Assert.InRange(score.F1Recall, 0, 1);
            Assert.InRange(score.F1Precision, 0, 1);
            Assert.InRange(score.F2Recall, 0, 1);
            Assert.InRange(score.F2Precision, 0, 1);
            Assert.InRange(score.InfectedFoundAsF1, 0, score.InfectedFound);
            Assert.InRange(score.InfectedFound, 0, score.InfectedByCases);
        }
    }

    [Fact]
    public void Rule_TrueF1_ShrinksWithLongerOverlapAndGrowsWithWindowAndLinger()
    {
        var rules = new[]
        {
            TracingRule.Default,
            TracingRule.Default with { MinOverlap = Duration.FromMinutes(60) },
            TracingRule.Default with { WindowBeforeOnset = Duration.FromDays(4) },
            TracingRule.Default with { Linger = Duration.FromHours(1) },
        };
        var results = TracingStudy.Run(rules.Select(r => new StudyScenario(World, r)));
        Assert.Equal(rules, results.Select(r => r.Scenario.Rule));
        var f1 = results.Select(r => r.Score.TrueF1).ToArray();
        Assert.True(f1[1] < f1[0], $"60 min overlap: {f1[1]} < {f1[0]}");
        Assert.True(f1[2] > f1[0], $"4-day window: {f1[2]} > {f1[0]}");
        Assert.True(f1[3] >= f1[0], $"1 h linger: {f1[3]} ≥ {f1[0]}");
    }

    [Fact]
    public void Score_CountsAgainstTheTruthTrace()
    {
        // A case (0) at a venue with 1 (recorded and true) and 2 (true only, never scanned); 1 was infected by 0.
        var day = Instant.FromUtc(2021, 9, 6, 1, 0);
        PersonPseudonym P(int i) => new(0, (ulong)i);
        VisitIndexSnapshot Index(params int[] people)
        {
            var store = new VisitStore();
            foreach (var person in people)
            {
                store.Add(P(person), "V1", day, day + Duration.FromHours(1));
            }

            return store.Flush();
        }

        var cases = new[] { new TraceCase(P(0), day - Duration.FromDays(1), day + Duration.FromDays(1)) };
        var options = new ContactTracerOptions { AsOf = day + Duration.FromDays(2) };
        var fromRecords = new ContactTracer(Index(0, 1)).Trace(cases, options);
        var fromTruth = new ContactTracer(Index(0, 1, 2)).Trace(cases, options);
        Infection[] infections =
        [
            new(0, -1, -1, day - Duration.FromDays(3), day + Duration.FromDays(2), 0),
            new(1, 0, 0, day + Duration.FromMinutes(30), day + Duration.FromDays(5), 1),
        ];
        var score = TracingScore.Of(fromRecords, fromTruth, infections, [0], p => (int)p.Low);
        Assert.Equal(new TracingScore(1, 1, 0, 2, 0, 0.5, 1, 1, 1, 1, 0, 1, 1, 1), score);
        Assert.Equal(1, score.InfectionRecall);
        Assert.Equal(1, score.ContactsPerInfectionFound);
    }

    [Fact]
    public void CaseOf_FromTheWindowBeforeOnsetUntilIsolation()
    {
        var onset = Instant.FromUtc(2021, 9, 9, 3, 0); // 10:00 in Vietnam
        var infection = new Infection(7, -1, -1, onset - Duration.FromDays(5), onset, 0);
        var person = new PersonPseudonym(0, 7);
        var traced = TracingRule.Default.CaseOf(person, infection, Instant.FromUtc(2021, 9, 20, 0, 0));
        Assert.Equal(onset - Duration.FromDays(2), traced.From);
        Assert.Equal(new LocalDate(2021, 9, 10).AtStartOfDayInZone(VietnamTime.Zone).ToInstant(), traced.Until);

        var cut = TracingRule.Default.CaseOf(person, infection, onset + Duration.FromHours(1));
        Assert.Equal(onset + Duration.FromHours(1), cut.Until);
    }

    [Fact]
    public void Run_BadOptions_ThrowBeforeSimulating()
    {
        var exception = Assert.Throws<InvalidOptionsException>(() => TracingStudy.Run([new StudyScenario(World, TracingRule.Default), new StudyScenario(World with { ScanShare = 2 }, TracingRule.Default)]));
        Assert.Equal(SimulationErrorCodes.Options.Share, Assert.Single(exception.Errors).Code);
        var rule = Assert.Throws<InvalidOptionsException>(() => TracingStudy.Run([new StudyScenario(World, TracingRule.Default with { MinOverlap = NodaTime.Duration.FromMinutes(-1) })]));
        Assert.Equal(SimulationErrorCodes.Rule.MinOverlap, Assert.Single(rule.Errors).Code);
    }
}
