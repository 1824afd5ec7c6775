using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Simulation.Tests;

public sealed class SimulatedRecordingTests
{
    private static readonly SimulationOptions Options = SimulationOptions.Default with
    {
        Residents = 3000,
        Days = 4,
        Seed = 12,
        PaperLogShare = 0.5,
        SmartphoneShare = 0.4,
    };

    private static PersonPseudonym KeyOf(int resident) => new(0, (ulong)resident);

    private static (List<RecordedDay> Days, RecordingTotals Totals) Record(PaperLogMatching matching)
    {
        var recording = new SimulatedRecording(new ProvinceSimulation(SyntheticProvince.Generate(Options)), KeyOf, matching);
        var days = recording.Run().ToList();
        return (days, recording.Totals);
    }

    [Fact]
    public void Totals_AddUpOverTheDays()
    {
        var (days, totals) = Record(PaperLogMatching.RightPhone);
        Assert.Equal(Options.Days, totals.Days);
        Assert.Equal(days.Sum(d => (long)d.Day.Visits.Count), totals.TrueVisits);
        Assert.Equal(totals.TrueVisits, totals.Unrecorded + totals.ByApp + totals.ByCardScan + totals.ByPaperLog);
        Assert.Equal(days.Sum(d => (long)d.Visits.Count), totals.RecordedVisits);
        Assert.Equal(days.Sum(d => (long)d.Rejected.Count), totals.SetAside);
        Assert.Equal(days.Sum(d => (long)d.Events), totals.Events);
        Assert.Equal(totals.ByPaperLog, totals.PaperEntries);
        Assert.InRange(totals.PaperMatched, 1, totals.PaperEntries - 1);
        Assert.Equal(0, totals.PaperMatchedWrongly);
    }

    [Fact]
    public void PaperLogs_PhoneAndName_MatchMostWithTyposSomeWrongOrNone()
    {
        var right = Record(PaperLogMatching.RightPhone).Totals;
        var matched = Record(PaperLogMatching.PhoneAndName).Totals;
        var ignored = Record(PaperLogMatching.Ignore).Totals;

        // The same world: the same truth, whatever the matching.
        Assert.Equal(right.TrueVisits, matched.TrueVisits);
        Assert.Equal(right.ByPaperLog, matched.PaperEntries);

        // CheckIn's matcher (phone, then the name with typos) also finds writers whose phone is one slip off, which
        // knowing only the right numbers misses; some names are too mangled, and a few matches are wrong.
        Assert.InRange(matched.PaperMatched, right.PaperMatched / 2, matched.PaperEntries);
        Assert.True(matched.PaperMatched > right.PaperMatched, $"{matched.PaperMatched} matched, {right.PaperMatched} with a right phone");
        Assert.InRange(matched.PaperMatchedWrongly, 0, matched.PaperMatched / 20);
        Assert.Equal(0, ignored.PaperMatched);
        Assert.True(ignored.RecordedVisits < right.RecordedVisits);
    }

    [Fact]
    public void Run_Twice_Refused()
    {
        var recording = new SimulatedRecording(new ProvinceSimulation(SyntheticProvince.Generate(Options with { Days = 1 })), KeyOf);
        _ = recording.Run().ToList();
        Assert.Throws<InvalidOperationException>(() => recording.Run().ToList());
    }

    [Fact]
    public void Run_Cancelled_StopsBeforeTheNextDay()
    {
        using var cancellation = new CancellationTokenSource();
        var recording = new SimulatedRecording(new ProvinceSimulation(SyntheticProvince.Generate(Options)), KeyOf);
        var seen = 0;
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var day in recording.Run(cancellation.Token))
            {
                seen++;
                cancellation.Cancel();
            }
        });
        Assert.Equal(1, seen);
    }

    [Fact]
    public void WriteCsv_ReadsBackThroughVisitCsvReader()
    {
        using var stream = new MemoryStream();
        var summary = SimulationFiles.WriteCsv(new ProvinceSimulation(SyntheticProvince.Generate(Options)), stream);
        stream.Position = 0;
        var store = new VisitStore();
        var persons = new PseudonymTable(new PersonPseudonymizer("simulated-recording-test-key-32-bytes"u8));
        var read = new VisitCsvReader(new StreamReader(stream)).ReadInto(store, persons).GetValueOrThrow();
        Assert.Equal(summary.WrittenVisits, read.Visits);
        Assert.Equal(read.Visits, store.Flush().Count);
        Assert.Matches("^R\\d{7}$", persons.IdentifierOf(persons.Pseudonymize("R0000001")));
    }

    [Fact]
    public void WriteInfectionsCsv_HeaderThenOneLinePerInfection()
    {
        var options = Options with { Outbreak = OutbreakOptions.Default with { IndexCases = 5, RatePerMinute = 0.002 } };
        var province = SyntheticProvince.Generate(options);
        var simulation = new ProvinceSimulation(province);
        _ = simulation.Run().ToList();
        using var writer = new StringWriter();
        SimulationFiles.WriteInfectionsCsv(writer, province, simulation.Infections);
        var lines = writer.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(SimulationFiles.InfectionsCsvHeader, lines[0]);
        Assert.Equal(simulation.Infections.Count, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^R\d{7},(R\d{7})?,(V\d{6}|home)?,2021-\d\d-\d\dT\d\d:\d\d:\d\dZ,2021-\d\d-\d\dT\d\d:\d\d:\d\dZ,\d+$", l));
    }
}
