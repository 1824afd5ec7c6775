namespace CheckIn.Cli.Tests;

public sealed class StudyCommandTests
{
    [Fact]
    public void Study_Csv_OneLinePerCombination()
    {
        var result = CliRunner.Run("study", "--residents", "1500", "--days", "7", "--seed", "4", "--scan-share", "0.2,0.9", "--min-overlap", "15m,1h", "--format", "csv");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("household_risk,smartphone_share,scan_share,window_before_onset_seconds,min_overlap_seconds,linger_seconds,cases,", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("0,0.54,0.2,172800,900,0,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("0,0.54,0.2,172800,3600,0,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("0,0.54,0.9,172800,900,0,", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",one,0.4,false", lines[1][..lines[1].LastIndexOf(',')], StringComparison.Ordinal);
        var columns = lines[0].Split(',').Length;
        Assert.All(lines.Skip(1), l => Assert.Equal(columns, l.Split(',').Length));

        // Same world: the truth columns (cases, true F1 and F2) agree between compliance levels for the same rule.
        static string Truth(string line) => string.Join(',', line.Split(',') is var f ? new[] { f[6], f[9], f[10] } : []);
        Assert.Equal(Truth(lines[1]), Truth(lines[3]));
    }

    [Fact]
    public void Study_Identity_LinkingOnAndOffOnOneWorld()
    {
        var result = CliRunner.Run("study", "--residents", "3000", "--days", "8", "--seed", "21", "--scan-share", "0.8", "--identity", "one,cards,linked", "--format", "csv");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Contains("identity", header);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[Array.IndexOf(header, "identity")]);
        Assert.Equal(["cards", "linked", "one"], rows.Keys.Order());
        double Recall(string identity) => double.Parse(rows[identity][Array.IndexOf(header, "f1_recall")], System.Globalization.CultureInfo.InvariantCulture);

        // One world: the truth is the same; the cards apart lose contacts, the links win most back.
        Assert.Single(rows.Values.Select(f => f[Array.IndexOf(header, "true_f1")]).Distinct());
        Assert.True(Recall("cards") < Recall("linked") && Recall("linked") <= Recall("one"), result.Output);

        // A day's calls (1,000 by default): the infections found among them, by score and in list order, never more than found at all.
        int Column(string[] row, string name) => int.Parse(row[Array.IndexOf(header, name)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(rows.Values, row =>
        {
            Assert.Equal(1000, Column(row, "calls"));
            Assert.InRange(Column(row, "found_in_calls_ranked"), 0, Column(row, "infected_found"));
            Assert.InRange(Column(row, "found_in_calls_unranked"), 0, Column(row, "infected_found"));
        });
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("study", "--residents", "800", "--days", "5", "--identity", "twins").ExitCode);
    }

    [Fact]
    public void Study_Proximity_AddsF1sFromBluezoneOnOneWorld()
    {
        // Few scans, so the phones see contacts the check-ins miss; with no Bluezone users proximity adds nothing.
        var result = CliRunner.Run("study", "--residents", "3000", "--days", "8", "--seed", "21", "--scan-share", "0.3", "--bluezone-share", "0,1",
            "--proximity", "off,on", "--format", "csv");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[Array.IndexOf(header, "bluezone_share")], f[Array.IndexOf(header, "proximity")] == "true" ? "on" : "off"));
        int Column((string, string) key, string name) => int.Parse(rows[key][Array.IndexOf(header, name)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(4, rows.Count);
        Assert.Equal(Column(("0", "off"), "f1"), Column(("0", "on"), "f1"));
        Assert.Equal(Column(("0", "off"), "f1"), Column(("1", "off"), "f1"));
        Assert.True(Column(("1", "on"), "f1") > Column(("1", "off"), "f1"), result.Output);
        Assert.True(Column(("1", "on"), "infected_found_as_f1") >= Column(("1", "off"), "infected_found_as_f1"), result.Output);
        Assert.Equal(Column(("0", "off"), "infected_by_cases"), Column(("1", "on"), "infected_by_cases"));
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("study", "--residents", "800", "--days", "5", "--proximity", "maybe").ExitCode);
    }

    [Fact]
    public async Task Study_Out_WritesTypedCsvParquetAndTheRecallChart()
    {
        var folder = Directory.CreateTempSubdirectory("checkin-study-");
        try
        {
            var result = CliRunner.Run("study", "--residents", "1500", "--days", "6", "--seed", "4", "--scan-share", "0.3,0.9", "--out", folder.FullName);
            Assert.Equal(ExitCodes.Success, result.ExitCode);
            Assert.Contains("Wrote study.csv, study.parquet and recall.svg", result.Output, StringComparison.Ordinal);
            var csv = File.ReadAllLines(Path.Combine(folder.FullName, "study.csv"));
            Assert.Equal(3, csv.Length);

            // The Parquet file: the CSV's columns, typed (reals, whole numbers, booleans, text), the same values.
            using var file = File.OpenRead(Path.Combine(folder.FullName, "study.parquet"));
            await using var reader = await global::Parquet.ParquetReader.CreateAsync(file);
            var fields = reader.Schema.DataFields;
            Assert.Equal(csv[0].Split(','), fields.Select(f => f.Name));
            var types = fields.ToDictionary(f => f.Name, f => f.ClrType);
            Assert.Equal(typeof(double), types["scan_share"]);
            Assert.Equal(typeof(long), types["min_overlap_seconds"]);
            Assert.Equal(typeof(long), types["f1"]);
            Assert.Equal(typeof(bool), types["proximity"]);
            using var rows = reader.OpenRowGroupReader(0);
            Assert.Equal(2, rows.RowCount);
            var overlap = new long[2];
            await rows.ReadAsync<long>(fields.Single(f => f.Name == "min_overlap_seconds"), overlap.AsMemory());
            Assert.Equal(new long[] { 900, 900 }, overlap);
            var f1 = new long[2];
            await rows.ReadAsync<long>(fields.Single(f => f.Name == "f1"), f1.AsMemory());
            var f1Column = Array.IndexOf(csv[0].Split(','), "f1");
            Assert.Equal(csv.Skip(1).Select(l => long.Parse(l.Split(',')[f1Column], System.Globalization.CultureInfo.InvariantCulture)), f1);

            // The chart: an SVG document with a solid and a dashed line per scenario, labelled by what sets them apart.
            var svg = System.Xml.Linq.XDocument.Load(Path.Combine(folder.FullName, "recall.svg"));
            System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
            var paths = svg.Descendants(ns + "path").ToList();
            Assert.Equal(4, paths.Count);
            Assert.Equal(2, paths.Count(p => p.Attribute("stroke-dasharray") is not null));
            Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "scan share 0.3: by score");
            Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "contacts called (log scale)");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Study_Table_HasAHeaderAndARow()
    {
        var result = CliRunner.Run("study", "--residents", "800", "--days", "5", "--scan-share", "0.5");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Study over a synthetic province: 800 residents, 5 days from 2021-09-06, seed 2021", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+0\.00\s+0\.54\s+0\.50\s+2d\s+15m\s+0m\s+\d+", result.Output);
    }

    [Fact]
    public void Study_HouseholdRisk_CountsInfectionsAtHome()
    {
        var result = CliRunner.Run("study", "--residents", "3000", "--days", "7", "--household-risk", "0,0.3", "--scan-share", "0.5", "--format", "csv");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var atHome = Array.IndexOf(lines[0].Split(','), "infected_at_home");
        Assert.Equal("0", lines[1].Split(',')[atHome]);
        Assert.NotEqual("0", lines[2].Split(',')[atHome]);
    }

    [Theory]
    [InlineData("--household-risk", "2")]
    [InlineData("--scan-share", "1.2")]
    [InlineData("--min-overlap", "fifteen")]
    [InlineData("--format", "xml")]
    [InlineData("--residents", "5")]
    public void Study_BadValue_UsageError(string option, string value)
    {
        string[] args = option == "--residents" ? ["study", "--days", "5", option, value] : ["study", "--residents", "800", "--days", "5", option, value];
        var result = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }
}
