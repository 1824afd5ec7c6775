using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CheckIn.Cli.Io;
using CheckIn.Simulation;
using Spectre.Console;

namespace CheckIn.Cli.Commands;

/// <summary><c>checkin simulate</c>: a synthetic province's visits as the trace command's CSV or a compact binary file, with the outbreak's ground truth.</summary>
public static class SimulateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var residents = new Option<int>("--residents") { Description = "Residents (10 to 20,000,000).", DefaultValueFactory = _ => 200_000 };
        var days = new Option<int>("--days") { Description = "Days (1 to 120).", DefaultValueFactory = _ => 14 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and options make the same file.", DefaultValueFactory = _ => 2021 };
        var outFile = new Option<FileInfo?>("--out") { Description = "Where to write: .csv (person,venue,check_in,check_out of recorded visits, for 'checkin trace') or .bin (every true visit with how it was recorded). Give this or --store." };
        var storeOption = new Option<string?>("--store") { Description = "Write the recorded visits into a PostgreSQL store instead (an Npgsql connection string, \"Host=...;Database=...\"; the schema is applied), under the province's code, residents pseudonymized with --key-file. Give this or --out." };
        var keyFile = new Option<FileInfo?>("--key-file") { Description = "With --store: the pseudonymization key file (made when missing; 'checkin trace --store' needs the same one)." };
        var truth = new Option<FileInfo?>("--truth") { Description = "Also write the outbreak's ground truth (infections) as CSV here." };
        var smartphones = new Option<double?>("--smartphone-share") { Description = "Residents with a smartphone (default 0.54)." };
        var scanning = new Option<double?>("--scan-share") { Description = "Visits smartphone holders actually scan (default 0.8)." };
        var indexCases = new Option<int?>("--index-cases") { Description = "Outbreak index cases (default 5; 0 for no outbreak)." };
        var householdRisk = new Option<double?>("--household-risk") { Description = "Daily probability of infecting each household member at home (default 0: only over shared visits)." };
        var encountersFile = new Option<FileInfo?>("--encounters") { Description = "Also write the Bluezone users' Bluetooth encounters as CSV here (person,other,start,minutes,distance, for 'checkin trace --encounters')." };
        var bluezone = new Option<double?>("--bluezone-share") { Description = "Smartphone holders running Bluezone, whose phones log encounters (default 0.4)." };
        var command = new Command("simulate", "Generate a synthetic province's check-in data (seeded, deterministic) with an outbreak's ground truth.")
        {
            residents, days, seed, outFile, truth, smartphones, scanning, indexCases, householdRisk, encountersFile, bluezone, storeOption, keyFile,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(storeOption) is { } connection)
            {
                if (parse.GetValue(outFile) is not null || parse.GetValue(encountersFile) is not null)
                {
                    error.WriteLine("--store goes without --out and --encounters.");
                    return ExitCodes.Usage;
                }

                if (parse.GetValue(keyFile) is not { } keyPath)
                {
                    error.WriteLine("--store needs --key-file.");
                    return ExitCodes.Usage;
                }

                return IntoStore(output, error, connection, keyPath, Options(parse), parse.GetValue(truth));
            }

            if (parse.GetValue(outFile) is not { } outPath)
            {
                error.WriteLine("Give --out or --store.");
                return ExitCodes.Usage;
            }

            var path = outPath.FullName;
            var binary = Path.GetExtension(path).Equals(".bin", StringComparison.OrdinalIgnoreCase);
            if (!binary && !Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                error.WriteLine("--out must end in .csv or .bin.");
                return ExitCodes.Usage;
            }

            var options = Options(parse);
            try
            {
                var stopwatch = Stopwatch.StartNew();
                var province = SyntheticProvince.Generate(options);
                var made = stopwatch.Elapsed;
                var simulation = new ProvinceSimulation(province);
                using var encounterWriter = parse.GetValue(encountersFile) is { } e ? new StreamWriter(e.FullName, append: false, new System.Text.UTF8Encoding(false), 1 << 16) : null;
                long encounters = 0;
                SimulationSummary Write(IProgress<SimulatedDay>? progress)
                {
                    using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                    // Each day's encounters are written as the day is (days stream once).
                    var each = encounterWriter is null ? progress : Terminal.Progress<SimulatedDay>(day =>
                    {
                        encounters += SimulationFiles.WriteEncountersCsv(encounterWriter, day.Encounters(), header: day.Day == 0);
                        progress?.Report(day);
                    });
                    return binary ? SimulationFiles.WriteBinary(simulation, file, each) : SimulationFiles.WriteCsv(simulation, file, each);
                }

                // A progress bar by day on a terminal; nothing extra when the output is a file, a pipe or a test.
                SimulationSummary summary;
                if (Terminal.IsInteractive(output))
                {
                    summary = AnsiConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                        .Start(context =>
                        {
                            var task = context.AddTask($"Simulating {options.Days} days", maxValue: options.Days);
                            return Write(Terminal.Progress<SimulatedDay>(_ => task.Increment(1)));
                        });
                }
                else
                {
                    summary = Write(null);
                }

                var elapsed = stopwatch.Elapsed;
                if (parse.GetValue(truth) is { } truthFile)
                {
                    using var writer = new StreamWriter(truthFile.FullName);
                    SimulationFiles.WriteInfectionsCsv(writer, province, simulation.Infections);
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{province.ProvinceName}: {province.ResidentCount:N0} residents, {province.Venues.Count:N0} venues, {summary.Days} days from {options.Start:yyyy-MM-dd} (seed {options.Seed})"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {summary.TrueVisits:N0} visits happened; {summary.WrittenVisits:N0} {(binary ? "written with how each was recorded" : "recorded visits written")} to {Path.GetFileName(path)}{(binary ? string.Empty : $" ({summary.MergedOrRejectedEvents:N0} repeated scans merged)")}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {summary.Infections:N0} infections in the outbreak's ground truth{(parse.GetValue(truth) is { } t ? $" (written to {t.Name})" : string.Empty)}"));
                if (encounterWriter is not null)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {encounters:N0} Bluetooth encounters of Bluezone users written to {parse.GetValue(encountersFile)!.Name}"));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {elapsed.TotalSeconds:N1} s ({made.TotalSeconds:N1} s making the province), {summary.TrueVisits / Math.Max(0.001, elapsed.TotalSeconds):N0} visits/s"));
                return ExitCodes.Success;
            }
            catch (ArgumentException exception)
            {
                error.WriteLine(exception.Message);
                return ExitCodes.Usage;
            }
        });
        return command;

        SimulationOptions Options(ParseResult parse)
        {
            var options = SimulationOptions.Default with
            {
                Residents = parse.GetValue(residents),
                Days = parse.GetValue(days),
                Seed = parse.GetValue(seed),
            };
            options = options with
            {
                SmartphoneShare = parse.GetValue(smartphones) ?? options.SmartphoneShare,
                ScanShare = parse.GetValue(scanning) ?? options.ScanShare,
                BluezoneShare = parse.GetValue(bluezone) ?? options.BluezoneShare,
                Outbreak = parse.GetValue(indexCases) is { } cases ? (cases == 0 ? null : OutbreakOptions.Default with { IndexCases = cases }) : options.Outbreak,
            };
            if (parse.GetValue(householdRisk) is { } risk && options.Outbreak is { } outbreak)
            {
                options = options with { Outbreak = outbreak with { HouseholdRiskPerDay = risk } };
            }

            return options;
        }
    }

    /// <summary>
    /// A simulated province's recorded visits (what its apps uploaded) into a PostgreSQL store, a day at a time by binary
    /// COPY under the province's code; residents pseudonymized with the key file's key (as <c>R0000042</c> would be).
    /// </summary>
    private static int IntoStore(TextWriter output, TextWriter error, string connection, FileInfo keyFile, SimulationOptions options, FileInfo? truth)
    {
        var (key, made, problem) = StoreKey.Read(keyFile, create: true);
        if (key is null)
        {
            error.WriteLine(problem);
            return ExitCodes.Usage;
        }

        if (made)
        {
            error.WriteLine($"Made the pseudonymization key {keyFile.Name}: keep it; the store's visits can be traced only with it.");
        }

        try
        {
            var stopwatch = Stopwatch.StartNew();
            var province = SyntheticProvince.Generate(options);
            var simulation = new ProvinceSimulation(province);
            var pseudonymizer = new CheckIn.Tracing.Privacy.PersonPseudonymizer(key);
            var persons = new CheckIn.Tracing.Privacy.PersonPseudonym[province.ResidentCount];
            var known = new bool[province.ResidentCount];
            var recording = new SimulatedRecording(simulation, resident =>
            {
                if (!known[resident])
                {
                    persons[resident] = pseudonymizer.Pseudonymize(SimulatedResident.KeyOf(resident));
                    known[resident] = true;
                }

                return persons[resident];
            });
            var (written, added) = IngestAsync(connection, recording, options.ProvinceCode).GetAwaiter().GetResult();
            if (truth is not null)
            {
                using var writer = new StreamWriter(truth.FullName);
                SimulationFiles.WriteInfectionsCsv(writer, province, simulation.Infections);
            }

            var totals = recording.Totals;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{province.ProvinceName}: {province.ResidentCount:N0} residents, {province.Venues.Count:N0} venues, {totals.Days} days from {options.Start:yyyy-MM-dd} (seed {options.Seed})"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {totals.TrueVisits:N0} visits happened; {written:N0} recorded visits ingested into the store under province {options.ProvinceCode}, {added:N0} of them new"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {simulation.Infections.Count:N0} infections in the outbreak's ground truth{(truth is null ? string.Empty : $" (written to {truth.Name})")}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stopwatch.Elapsed.TotalSeconds:N1} s"));
            return ExitCodes.Success;
        }
        catch (ArgumentException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.Usage;
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException)
        {
            error.WriteLine($"--store: {exception.Message}");
            return ExitCodes.Invalid;
        }
    }

    private static async Task<(long Written, long Added)> IngestAsync(string connection, SimulatedRecording recording, int province)
    {
        await using var store = await CheckIn.Store.PostgreSql.PostgresVisitStore.ConnectAsync(connection);
        long written = 0, added = 0;
        foreach (var day in recording.Run())
        {
            written += day.Visits.Count;
            added += await store.IngestAsync(day.Visits, province);
        }

        return (written, added);
    }
}
