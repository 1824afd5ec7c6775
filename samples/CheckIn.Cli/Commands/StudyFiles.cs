using System.Globalization;
using CheckIn.Cli.Reports;
using CheckIn.Parquet;
using CheckIn.Simulation;

namespace CheckIn.Cli.Commands;

/// <summary>
/// The study's table with typed columns, one definition for the CSV (on standard output and in study.csv) and the
/// Parquet file: shares and rates as reals, durations in seconds, counts as whole numbers, booleans as booleans; and
/// the chart of infections found against contacts called.
/// </summary>
internal static class StudyFiles
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private enum Kind
    {
        Real,
        Whole,
        Flag,
        Text,
    }

    private sealed record Column(string Name, Kind Kind, Func<StudyResult, object> Value);

    private static readonly Column[] Columns =
    [
        new("household_risk", Kind.Real, r => r.Scenario.Simulation.Outbreak?.HouseholdRiskPerDay ?? 0),
        new("smartphone_share", Kind.Real, r => r.Scenario.Simulation.SmartphoneShare),
        new("scan_share", Kind.Real, r => r.Scenario.Simulation.ScanShare),
        new("window_before_onset_seconds", Kind.Whole, r => (long)r.Scenario.Rule.WindowBeforeOnset.TotalSeconds),
        new("min_overlap_seconds", Kind.Whole, r => (long)r.Scenario.Rule.MinOverlap.TotalSeconds),
        new("linger_seconds", Kind.Whole, r => (long)r.Scenario.Rule.Linger.TotalSeconds),
        new("cases", Kind.Whole, r => (long)r.Score.Cases),
        new("f1", Kind.Whole, r => (long)r.Score.RecordedF1),
        new("f2", Kind.Whole, r => (long)r.Score.RecordedF2),
        new("true_f1", Kind.Whole, r => (long)r.Score.TrueF1),
        new("true_f2", Kind.Whole, r => (long)r.Score.TrueF2),
        new("f1_recall", Kind.Real, r => Math.Round(r.Score.F1Recall, 4)),
        new("f1_precision", Kind.Real, r => Math.Round(r.Score.F1Precision, 4)),
        new("f2_recall", Kind.Real, r => Math.Round(r.Score.F2Recall, 4)),
        new("f2_precision", Kind.Real, r => Math.Round(r.Score.F2Precision, 4)),
        new("infected_by_cases", Kind.Whole, r => (long)r.Score.InfectedByCases),
        new("infected_at_home", Kind.Whole, r => (long)r.Score.InfectedAtHome),
        new("infected_found_as_f1", Kind.Whole, r => (long)r.Score.InfectedFoundAsF1),
        new("infected_found", Kind.Whole, r => (long)r.Score.InfectedFound),
        new("infected_found_from_true_visits", Kind.Whole, r => (long)r.Score.InfectedFoundFromTrueVisits),
        new("contacts_per_infection_found", Kind.Real, r => Math.Round(r.Score.ContactsPerInfectionFound, 1)),
        new("calls", Kind.Whole, r => (long)(r.Workload?.Calls ?? 0)),
        new("found_in_calls_ranked", Kind.Whole, r => (long)(r.Workload?.FoundRanked ?? 0)),
        new("found_in_calls_unranked", Kind.Whole, r => (long)(r.Workload?.FoundUnranked ?? 0)),
        new("identity", Kind.Text, r => StudyCommand.Name(r.Scenario.Identity)),
        new("bluezone_share", Kind.Real, r => r.Scenario.Simulation.BluezoneShare),
        new("proximity", Kind.Flag, r => r.Scenario.Rule.Proximity),
        new("trace_seconds", Kind.Real, r => Math.Round(r.TraceTime.TotalSeconds, 3)),
    ];

    /// <summary>The CSV header.</summary>
    public static string CsvHeader { get; } = string.Join(',', Columns.Select(c => c.Name));

    /// <summary>One scenario's CSV row (invariant culture; booleans as <c>true</c>/<c>false</c>).</summary>
    public static string CsvRow(StudyResult result) => string.Join(',', Columns.Select(c => c.Value(result) switch
    {
        double d => d.ToString("R", Invariant),
        long l => l.ToString(Invariant),
        bool b => b ? "true" : "false",
        var other => other.ToString() ?? string.Empty,
    }));

    /// <summary>The table as Parquet columns of the same names and types.</summary>
    public static ParquetTable Table(IReadOnlyList<StudyResult> results)
    {
        var table = new ParquetTable(results.Count);
        foreach (var column in Columns)
        {
            _ = column.Kind switch
            {
                Kind.Real => table.Add(column.Name, [.. results.Select(r => (double)column.Value(r))]),
                Kind.Whole => table.Add(column.Name, [.. results.Select(r => (long)column.Value(r))]),
                Kind.Flag => table.Add(column.Name, [.. results.Select(r => (bool)column.Value(r))]),
                _ => table.Add(column.Name, [.. results.Select(r => (string?)column.Value(r))]),
            };
        }

        return table;
    }

    /// <summary>Writes study.csv, study.parquet and recall.svg into a folder.</summary>
    public static void Write(string folder, SimulationOptions options, IReadOnlyList<StudyResult> results)
    {
        File.WriteAllText(Path.Combine(folder, "study.csv"), CsvHeader + "\n" + string.Concat(results.Select(r => CsvRow(r) + "\n")));
        using (var file = File.Create(Path.Combine(folder, "study.parquet")))
        {
            Table(results).WriteAsync(file).GetAwaiter().GetResult();
        }

        File.WriteAllText(Path.Combine(folder, "recall.svg"), RecallChart(options, results));
    }

    /// <summary>
    /// Infections the cases caused found among the first K contacts called, against K (log scale): by score (solid) and
    /// in list order (dashed), one colour per scenario (the first eight), each labelled by what sets it apart.
    /// </summary>
    public static string RecallChart(SimulationOptions options, IReadOnlyList<StudyResult> results)
    {
        var shown = results.Where(r => r.Curve.Count > 0).Take(SvgChart.Palette.Length).ToList();
        if (shown.Count == 0)
        {
            throw new ArgumentException("No scenario has a curve.", nameof(results));
        }

        // Label each scenario by the columns whose values differ between the scenarios shown.
        var varying = Columns.Take(6).Concat(Columns.Skip(Columns.Length - 4).Take(3))
            .Where(c => shown.Select(r => CsvValue(c, r)).Distinct().Count() > 1).ToList();
        string Label(StudyResult r) => varying.Count == 0 ? "scenario" : string.Join(", ", varying.Select(c => $"{Short(c.Name)} {CsvValue(c, r)}"));
        var series = new List<SvgSeries>();
        for (var k = 0; k < shown.Count; k++)
        {
            var r = shown[k];
            var caused = Math.Max(1, r.Score.InfectedByCases);
            var color = SvgChart.Palette[k];
            series.Add(new SvgSeries($"{Label(r)}: by score", [.. r.Curve.Select(w => ((double)w.Calls, 100.0 * w.FoundRanked / caused))], color));
            series.Add(new SvgSeries($"{Label(r)}: list order", [.. r.Curve.Select(w => ((double)w.Calls, 100.0 * w.FoundUnranked / caused))], color, Dashed: true));
        }

        var title = string.Create(Invariant, $"Infections found against contacts called ({options.Residents:N0} residents, {options.Days} days, seed {options.Seed})");
        return SvgChart.Lines(title, "contacts called (log scale)", "% of the infections the cases caused", series, logX: true, yMax: 100);
    }

    private static string CsvValue(Column column, StudyResult result) => column.Value(result) switch
    {
        double d => d.ToString("0.##", Invariant),
        bool b => b ? "on" : "off",
        var other => Convert.ToString(other, Invariant) ?? string.Empty,
    };

    private static string Short(string name) => name.Replace("_seconds", " (s)", StringComparison.Ordinal).Replace('_', ' ');
}
