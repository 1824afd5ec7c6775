namespace CheckIn.Cli.Tests;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-simulate-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    [Fact]
    public void Simulate_Csv_IsWhatTheTraceCommandReads()
    {
        var visits = PathOf("visits.csv");
        var truth = PathOf("truth.csv");
        var result = CliRunner.Run("simulate", "--residents", "1500", "--days", "7", "--seed", "3", "--out", visits, "--truth", truth);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"1,500 residents, \d+ venues, 7 days from 2021-09-06 \(seed 3\)", result.Output);
        Assert.Matches(@"[\d,]+ visits happened; [\d,]+ recorded visits written to visits\.csv", result.Output);

        // Trace the first index case from the ground truth with the trace command, over its infectious days.
        var index = File.ReadLines(truth).Skip(1).Select(l => l.Split(',')).First(f => f[5] == "0");
        var traced = CliRunner.Run("trace", "--visits", visits, "--case", index[0], "--from", "2021-09-06T00:00:00Z", "--until", "2021-09-13T00:00:00Z");
        Assert.Equal(ExitCodes.Success, traced.ExitCode);
        var lines = traced.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("person,level,exposed_at,venue,overlap_minutes,source,assumed,score,evidence,distance", lines[0]);
        Assert.True(lines.Length > 1, "a resident with a routine has contacts");
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^R\d{7},[12],2021-09-\d\dT\d\d:\d\d:00Z,V\d{6},\d+,R\d{7},(true|false),0(\.\d{1,6})?,venue,$", l));
        Assert.Contains(lines.Skip(1), l => l.Contains(",true,", StringComparison.Ordinal));
    }

    [Fact]
    public void Trace_BinaryFile_TracesTheTrueVisits()
    {
        var world = PathOf("world.bin");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("simulate", "--residents", "1500", "--days", "5", "--seed", "4", "--out", world).ExitCode);

        // The same true visits written as a visits CSV here: tracing either must find the same contacts.
        var csv = PathOf("truth-visits.csv");
        var rows = 0;
        using (var stream = File.OpenRead(world))
        using (var writer = new StreamWriter(csv))
        {
            writer.Write("person,venue,check_in,check_out\n");
            foreach (var visit in CheckIn.Simulation.SimulationFiles.OpenBinary(stream).GetValueOrThrow().ReadVisits())
            {
                writer.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{CheckIn.Simulation.SimulatedResident.KeyOf(visit.Resident)},{CheckIn.Simulation.SimulatedVenue.IdOf(visit.Venue)},{visit.Arrival:uuuu-MM-ddTHH:mm:ss'Z'},{visit.Departure:uuuu-MM-ddTHH:mm:ss'Z'}\n"));
                rows++;
            }
        }

        string[] args = ["--case", "R0000007", "--from", "2021-09-06T00:00:00Z", "--until", "2021-09-11T00:00:00Z"];
        var fromBinary = CliRunner.Run(["trace", "--visits", world, .. args]);
        var fromCsv = CliRunner.Run(["trace", "--visits", csv, .. args]);
        Assert.Equal(ExitCodes.Success, fromBinary.ExitCode);
        Assert.Equal(ExitCodes.Success, fromCsv.ExitCode);
        Assert.Contains($"{rows:N0} true visits of", fromBinary.Error, StringComparison.Ordinal);
        static string[] Contacts(string output) =>
            [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => string.Join(',', l.Split(',')[..2])).Order(StringComparer.Ordinal)];
        var contacts = Contacts(fromBinary.Output);
        Assert.NotEmpty(contacts);
        Assert.Contains(contacts, c => c.EndsWith(",2", StringComparison.Ordinal));
        Assert.Equal(Contacts(fromCsv.Output), contacts);
    }

    [Fact]
    public void Trace_DamagedBinaryFile_IsRefusedWhole()
    {
        var world = PathOf("world.bin");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("simulate", "--residents", "300", "--days", "2", "--out", world).ExitCode);
        var bytes = File.ReadAllBytes(world);
        File.WriteAllBytes(world, bytes[..(bytes.Length - 20)]);
        var traced = CliRunner.Run("trace", "--visits", world, "--case", "R0000001", "--from", "2021-09-06T00:00:00Z", "--until", "2021-09-08T00:00:00Z");
        Assert.Equal(ExitCodes.Invalid, traced.ExitCode);
        Assert.StartsWith(CheckIn.Simulation.SimulationErrorCodes.SimulationFile.Truncated, traced.Error, StringComparison.Ordinal);
        Assert.Empty(traced.Output);

        File.WriteAllBytes(world, [.. "not a simulation"u8]);
        var header = CliRunner.Run("trace", "--visits", world, "--case", "R0000001", "--from", "2021-09-06T00:00:00Z", "--until", "2021-09-08T00:00:00Z");
        Assert.Equal(ExitCodes.Invalid, header.ExitCode);
        Assert.StartsWith(CheckIn.Simulation.SimulationErrorCodes.SimulationFile.Header, header.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_Encounters_AreWhatTheTraceCommandReads()
    {
        var visits = PathOf("visits.csv");
        var encounters = PathOf("encounters.csv");
        var truth = PathOf("truth.csv");
        var result = CliRunner.Run("simulate", "--residents", "1500", "--days", "5", "--seed", "3", "--bluezone-share", "1", "--out", visits, "--encounters", encounters, "--truth", truth);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var written = System.Text.RegularExpressions.Regex.Match(result.Output, @"([\d,]+) Bluetooth encounters of Bluezone users written to encounters\.csv");
        Assert.True(written.Success, result.Output);
        var lines = File.ReadAllLines(encounters);
        Assert.Equal("person,other,start,minutes,distance", lines[0]);
        Assert.Equal(written.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), (lines.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^R\d{7},R\d{7},2021-09-\d\dT\d\d:\d\d:00Z,\d+,(close|near|medium|far)$", l));

        var index = File.ReadLines(truth).Skip(1).Select(l => l.Split(',')).First(f => f[5] == "0");
        var traced = CliRunner.Run("trace", "--visits", visits, "--encounters", encounters, "--case", index[0], "--from", "2021-09-06T00:00:00Z", "--until", "2021-09-11T00:00:00Z");
        Assert.Equal(ExitCodes.Success, traced.ExitCode);
        Assert.Contains(",proximity,", traced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_SameSeed_SameFile()
    {
        Assert.Equal(0, CliRunner.Run("simulate", "--residents", "300", "--days", "2", "--out", PathOf("a.csv")).ExitCode);
        Assert.Equal(0, CliRunner.Run("simulate", "--residents", "300", "--days", "2", "--out", PathOf("b.csv")).ExitCode);
        Assert.Equal(File.ReadAllBytes(PathOf("a.csv")), File.ReadAllBytes(PathOf("b.csv")));
    }

    [Fact]
    public void Simulate_Binary_WritesEveryVisit()
    {
        var result = CliRunner.Run("simulate", "--residents", "300", "--days", "2", "--out", PathOf("v.bin"), "--index-cases", "0");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("0 infections", result.Output, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(PathOf("v.bin"));
        Assert.Equal("CKSIM"u8.ToArray(), bytes[..5]);

        // A 36-byte header, 16 bytes for each visit that happened (the recorded and the unrecorded), a 16-byte trailer.
        var visits = long.Parse(System.Text.RegularExpressions.Regex.Match(result.Output, @"([\d,]+) visits happened").Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(visits > 300);
        Assert.Equal(36 + (16 * visits) + 16, bytes.Length);
        Assert.Equal(visits, CheckIn.Simulation.SimulationFiles.OpenBinary(new MemoryStream(bytes)).GetValueOrThrow().ReadVisits().LongCount());
    }

    [Theory]
    [InlineData("--residents", "3")]
    [InlineData("--smartphone-share", "1.5")]
    public void Simulate_BadOption_UsageError(string option, string value) =>
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("simulate", "--out", PathOf("x.csv"), option, value).ExitCode);

    [Fact]
    public void Simulate_UnknownExtension_UsageError() =>
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("simulate", "--residents", "100", "--out", PathOf("x.txt")).ExitCode);
}
