using System.CommandLine;
using System.Globalization;
using CheckIn.Cli.Io;
using CheckIn.Simulation;
using NodaTime;

namespace CheckIn.Cli.Commands;

/// <summary>
/// <c>checkin study</c>: how tracing recall and precision change with scanning compliance and the tracing rule, over
/// one synthetic province (every combination of the values given, one line each).
/// </summary>
public static class StudyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var residents = new Option<int>("--residents") { Description = "Residents (100 to 2,000,000).", DefaultValueFactory = _ => 50_000 };
        var days = new Option<int>("--days") { Description = "Days (3 to 60).", DefaultValueFactory = _ => 14 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and values make the same table.", DefaultValueFactory = _ => 2021 };
        var smartphones = new Option<string>("--smartphone-share") { Description = "Residents with a smartphone, comma-separated shares.", DefaultValueFactory = _ => "0.54" };
        var scanning = new Option<string>("--scan-share") { Description = "Visits smartphone holders scan, comma-separated shares.", DefaultValueFactory = _ => "0.2,0.5,0.8,1" };
        var window = new Option<string>("--window") { Description = "Window before symptom onset, comma-separated durations.", DefaultValueFactory = _ => "2d" };
        var minOverlap = new Option<string>("--min-overlap") { Description = "Shortest time together, comma-separated durations.", DefaultValueFactory = _ => "15m" };
        var linger = new Option<string>("--linger") { Description = "How long a source lingers, comma-separated durations.", DefaultValueFactory = _ => "0m" };
        var householdRisk = new Option<string>("--household-risk") { Description = "Daily probability of infecting each household member at home, comma-separated.", DefaultValueFactory = _ => "0" };
        var identity = new Option<string>("--identity") { Description = "Who visitors are recorded as, comma-separated: one (one key per resident), cards (chip card, insurance card and app account apart), linked (cards joined as a real app learns).", DefaultValueFactory = _ => "one" };
        var bluezone = new Option<string>("--bluezone-share") { Description = "Smartphone holders running Bluezone (their phones log encounters), comma-separated shares.", DefaultValueFactory = _ => "0.4" };
        var proximity = new Option<string>("--proximity") { Description = "Trace Bluezone encounters as well as visits, comma-separated: off, on.", DefaultValueFactory = _ => "off" };
        var calls = new Option<int>("--calls") { Description = "Contacts a tracing team calls: infections found among that many, by score and in list order.", DefaultValueFactory = _ => 1_000 };
        var format = new Option<string>("--format") { Description = "table or csv.", DefaultValueFactory = _ => "table" };
        var outDirectory = new Option<DirectoryInfo?>("--out") { Description = "Also write the table as study.csv and study.parquet (typed columns: durations in seconds, booleans) and the infections found against contacts called as recall.svg, into this folder." };
        var command = new Command("study", "Measure tracing recall and precision against a synthetic outbreak's ground truth, for each combination of compliance and tracing rule.")
        {
            residents, days, seed, smartphones, scanning, householdRisk, window, minOverlap, linger, identity, bluezone, proximity, calls, format, outDirectory,
        };
        command.SetAction(parse =>
        {
            try
            {
                var count = parse.GetValue(residents);
                var dayCount = parse.GetValue(days);
                if (count is < 100 or > 2_000_000 || dayCount is < 3 or > 60)
                {
                    throw new FormatException("--residents must be between 100 and 2,000,000 and --days between 3 and 60.");
                }

                var csv = parse.GetValue(format) switch
                {
                    "csv" => true,
                    "table" => false,
                    var other => throw new FormatException($"--format: '{other}' is not table or csv."),
                };
                var callCount = parse.GetValue(calls) is var k and >= 1 ? k : throw new FormatException("--calls must be at least 1.");
                var baseOptions = SimulationOptions.Default with { Residents = count, Days = dayCount, Seed = parse.GetValue(seed) };
                var scenarios =
                    (from home in Shares(parse.GetValue(householdRisk)!, "--household-risk")
                     from phone in Shares(parse.GetValue(smartphones)!, "--smartphone-share")
                     from scan in Shares(parse.GetValue(scanning)!, "--scan-share")
                     from before in Durations(parse.GetValue(window)!, "--window")
                     from overlap in Durations(parse.GetValue(minOverlap)!, "--min-overlap")
                     from stay in Durations(parse.GetValue(linger)!, "--linger")
                     from who in Identities(parse.GetValue(identity)!)
                     from app in Shares(parse.GetValue(bluezone)!, "--bluezone-share")
                     from near in Switches(parse.GetValue(proximity)!, "--proximity")
                     select new StudyScenario(
                         baseOptions with { SmartphoneShare = phone, ScanShare = scan, BluezoneShare = app, Outbreak = baseOptions.Outbreak! with { HouseholdRiskPerDay = home } },
                         TracingRule.Default with { WindowBeforeOnset = before, MinOverlap = overlap, Linger = stay, Proximity = near }) { Identity = who, Calls = callCount, CurveCalls = CurveCalls }).ToList();
                if (scenarios.Count > 200)
                {
                    throw new FormatException($"{scenarios.Count} combinations: at most 200 in one study.");
                }

                var results = Write(output, csv, baseOptions, scenarios);
                if (parse.GetValue(outDirectory) is { } folder)
                {
                    folder.Create();
                    StudyFiles.Write(folder.FullName, baseOptions, results);
                    output.WriteLine($"Wrote study.csv, study.parquet and recall.svg to {folder.Name}.");
                }

                return ExitCodes.Success;
            }
            catch (FormatException exception)
            {
                error.WriteLine(exception.Message);
                return ExitCodes.Usage;
            }
            catch (ArgumentOutOfRangeException exception)
            {
                error.WriteLine(exception.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    /// <summary>The workloads of the recall chart: a day's calls for a commune's team up to a province's week.</summary>
    private static readonly int[] CurveCalls = [100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000];

    private static IReadOnlyList<StudyResult> Write(TextWriter output, bool csv, SimulationOptions options, List<StudyScenario> scenarios)
    {
        string Pct(double share) => (100 * share).ToString("F1", CultureInfo.InvariantCulture);
        string Dur(Duration d) => d.TotalDays >= 1 && d.TotalDays % 1 == 0 ? $"{d.TotalDays:F0}d" : $"{d.TotalMinutes:F0}m";
        if (csv)
        {
            output.WriteLine(StudyFiles.CsvHeader);
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Study over a synthetic province: {options.Residents:N0} residents, {options.Days} days from {options.Start:yyyy-MM-dd}, seed {options.Seed}; scores in %"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  home phones  scan  window overlap linger  cases      F1      F2  F1 rec  F1 prec  F2 rec  F2 prec  infected: caused  at home  as F1  F1 or F2  contacts per found  in {scenarios[0].Calls:N0} calls: ranked  list  identity  bluezone proximity"));
        }

        // Rows are printed as each scenario finishes (scenarios of one world finish together, in the order given).
        return TracingStudy.Run(scenarios, Terminal.Progress<StudyResult>(result =>
        {
            var (simulation, rule) = (result.Scenario.Simulation, result.Scenario.Rule);
            var s = result.Score;
            var w = result.Workload!;
            output.WriteLine(csv
                ? StudyFiles.CsvRow(result)
                : string.Create(CultureInfo.InvariantCulture, $"{simulation.Outbreak?.HouseholdRiskPerDay ?? 0,6:F2} {simulation.SmartphoneShare,6:F2} {simulation.ScanShare,5:F2} {Dur(rule.WindowBeforeOnset),7} {Dur(rule.MinOverlap),7} {Dur(rule.Linger),6} {s.Cases,6} {s.RecordedF1,7:N0} {s.RecordedF2,7:N0} {Pct(s.F1Recall),7} {Pct(s.F1Precision),8} {Pct(s.F2Recall),7} {Pct(s.F2Precision),8} {s.InfectedByCases,16} {s.InfectedAtHome,8} {s.InfectedFoundAsF1,6} {s.InfectedFound,9} {s.ContactsPerInfectionFound,19:F1} {w.FoundRanked,21} {w.FoundUnranked,5}  {Name(result.Scenario.Identity),-8}  {simulation.BluezoneShare,8:F2} {(rule.Proximity ? "on" : "off"),9}"));
            output.Flush();
        }));
    }

    internal static string Name(RecordingIdentity identity) => identity.Model switch
    {
        IdentityModel.Cards => "cards",
        IdentityModel.LinkedCards => "linked",
        _ => "one",
    };

    private static List<RecordingIdentity> Identities(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part => part.ToLowerInvariant() switch
        {
            "one" => RecordingIdentity.OnePerResident,
            "cards" => RecordingIdentity.Cards,
            "linked" => RecordingIdentity.LinkedCards,
            _ => throw new FormatException($"--identity: '{part}' is not one, cards or linked."),
        })];

    private static List<bool> Switches(string text, string option) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part => part.ToLowerInvariant() switch
        {
            "on" => true,
            "off" => false,
            _ => throw new FormatException($"{option}: '{part}' is not on or off."),
        })];

    private static List<double> Shares(string text, string option) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part =>
            double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
                ? share
                : throw new FormatException($"{option}: '{part}' is not a share between 0 and 1."))];

    private static List<Duration> Durations(string text, string option) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part =>
            DurationText.TryParse(part, out var duration) ? duration : throw new FormatException($"{option}: '{part}' is not a duration such as 15m, 2d or 1h30m."))];
}
