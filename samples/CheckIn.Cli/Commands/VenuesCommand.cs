using System.CommandLine;
using System.Globalization;
using CheckIn.Cli.Io;
using CheckIn.Compliance;
using CheckIn.Core;
using CheckIn.Declarations;
using CheckIn.Hosting.Log;
using CheckIn.Hosting.PostgreSql;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Visits;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Cli.Commands;

/// <summary><c>checkin venues compliance</c>: which venues record their check-ins, and their safety status.</summary>
public static class VenuesCommand
{
    /// <summary>The most check-ins read into one evaluation (a bound on memory: about 50 bytes each).</summary>
    internal const int MaxCheckIns = 50_000_000;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("venues", "Venue compliance and the safety map.");
        command.Subcommands.Add(CreateCompliance(output, error));
        return command;
    }

    private static Command CreateCompliance(TextWriter output, TextWriter error)
    {
        var store = new Option<string?>("--store") { Description = "The service's store: its SQLite file (checkin.db) or a PostgreSQL connection string; check-ins are read from its log." };
        var events = new Option<FileInfo?>("--events") { Description = "Or an events CSV (id_kind,id,venue,event,at,channel); rows without a channel are not counted." };
        var venues = new Option<FileInfo?>("--venues") { Description = "Venue profiles (venue,kind,commune,name,expected_daily,closed_on); without one, venues are judged on their own history." };
        var checks = new Option<FileInfo[]>("--checks") { Description = "A venue safety check (JSON, as 'declaration validate' reads it); repeat for more." };
        var from = new Option<string?>("--from") { Description = "The first day (yyyy-MM-dd); the first day with check-ins when omitted." };
        var days = new Option<int>("--days") { Description = "Days to evaluate, 1 to 366 (default 14).", DefaultValueFactory = _ => 14 };
        var minShare = new Option<double?>("--min-share") { Description = "The share of expected footfall below which a venue falls short (default 0.5)." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the safety map's rows to a file: .csv or .json (commune codes, statuses, reasons, shares)." };
        var language = PayloadCommand.LanguageOption();
        var command = new Command("compliance", "Judge venues' check-ins against expected footfall (warnings, a suspension recommendation after three) and give each a safety status; exit 1 when an input does not read.")
        {
            store, events, venues, checks, from, days, minShare, outFile, language,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if ((parse.GetValue(store) is null) == (parse.GetValue(events) is null))
            {
                throw new CliProblem(CliProblem.Usage, "Give --store or --events (one of them).");
            }

            var lang = parse.GetValue(language);
            var profiles = new List<VenueProfile>();
            if (parse.GetValue(venues) is { } venuesFile)
            {
                using var text = CliFiles.OpenText(venuesFile);
                var reader = new VenueProfileCsvReader(text);
                while (true)
                {
                    var read = reader.Read();
                    if (!read.TryGetValue(out var more))
                    {
                        output.WriteLine($"{venuesFile.Name}: {read.Error.Code}  {read.Error.DescribeLocation(lang)}  {read.Error.GetDescription(lang)}");
                        return ExitCodes.Invalid;
                    }

                    if (!more)
                    {
                        break;
                    }

                    profiles.Add(reader.Current!);
                }
            }

            var safetyChecks = new List<VenueSafetyCheck>();
            foreach (var file in parse.GetValue(checks) ?? [])
            {
                var read = DeclarationJson.Read(CliFiles.ReadText(file));
                var failures = read.Document is { } document ? new DeclarationValidator().Validate(document).Failures : read.Failures;
                if (failures.Count > 0 || read.Document is not VenueSafetyCheck check)
                {
                    output.WriteLine($"{file.Name}: {(failures.Count > 0 ? failures[0].Code : "not a venue safety check")}");
                    return ExitCodes.Invalid;
                }

                safetyChecks.Add(check);
            }

            var checkIns = parse.GetValue(store) is { } storeText
                ? await FromStoreAsync(storeText, cancellationToken).ConfigureAwait(false)
                : FromEvents(parse.GetValue(events)!, output, lang);
            if (checkIns is null)
            {
                return ExitCodes.Invalid;
            }

            LocalDate start;
            if (parse.GetValue(from) is { } fromText)
            {
                var parsed = LocalDatePattern.Iso.Parse(fromText);
                start = parsed.Success ? parsed.Value : throw new CliProblem(CliProblem.Usage, "--from is a date such as 2021-09-06.");
            }
            else
            {
                start = checkIns.Count > 0 ? checkIns.Min(c => VietnamTime.DateAt(c.At)) : VietnamTime.DateAt(SystemClock.Instance.GetCurrentInstant());
            }

            var dayCount = parse.GetValue(days);
            var rule = ComplianceRule.Default with { MinimumShare = parse.GetValue(minShare) ?? ComplianceRule.Default.MinimumShare };
            if (dayCount is < 1 or > 366 || rule.Validate() is [_, ..])
            {
                throw new CliProblem(CliProblem.Usage, "--days is 1 to 366 and --min-share more than 0 and at most 1.");
            }

            var period = new DateInterval(start, start.PlusDays(dayCount - 1));
            var report = VenueCompliance.Evaluate(checkIns, profiles, period, rule, cancellationToken);
            var map = SafetyMap.AssessAll(report, safetyChecks, period.End);
            WriteSummary(output, report, map, lang);
            if (parse.GetValue(outFile) is { } target)
            {
                var extension = target.Extension.ToLowerInvariant();
                if (extension is not ".csv" and not ".json")
                {
                    throw new CliProblem(CliProblem.Usage, "--out must end in .csv or .json.");
                }

                using var stream = new MemoryStream();
                if (extension == ".csv")
                {
                    using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
                    SafetyMap.WriteCsv(writer, map);
                }
                else
                {
                    SafetyMap.WriteJson(stream, map);
                }

                CliFiles.WriteNewBytes(target.FullName, stream.ToArray());
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<List<VenueCheckIn>?> FromStoreAsync(string store, CancellationToken cancellationToken)
    {
        ICheckInLog log;
        if (store.Contains('=', StringComparison.Ordinal))
        {
            log = await PostgresCheckInLog.OpenAsync(store, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A file that is not there is a mistake, not an empty store to create.
            log = await SqliteCheckInLog.OpenAsync(CliFiles.Existing(new FileInfo(store)).FullName, cancellationToken).ConfigureAwait(false);
        }

        await using (log.ConfigureAwait(false))
        {
            var checkIns = new List<VenueCheckIn>();
            await foreach (var logged in log.ReadAfterAsync(0, cancellationToken).ConfigureAwait(false))
            {
                if (logged.Entry is EventEntry { Event.Kind: CheckInEventKind.CheckIn } entry)
                {
                    checkIns.Add(new VenueCheckIn(entry.Event.Venue, entry.Event.At, entry.Channel));
                    if (checkIns.Count > MaxCheckIns)
                    {
                        throw new CliProblem(CliProblem.FileTooLarge, $"More than {MaxCheckIns:N0} check-ins: evaluate a shorter period from a store that keeps fewer days.");
                    }
                }
            }

            return checkIns;
        }
    }

    private static List<VenueCheckIn>? FromEvents(FileInfo file, TextWriter output, MessageLanguage language)
    {
        using var text = CliFiles.OpenText(file);
        var reader = new CheckInEventCsvReader(text);
        var checkIns = new List<VenueCheckIn>();
        while (true)
        {
            var read = reader.Read();
            if (!read.TryGetValue(out var more))
            {
                output.WriteLine($"{file.Name}: {read.Error.Code}  {read.Error.DescribeLocation(language)}  {read.Error.GetDescription(language)}");
                return null;
            }

            if (!more)
            {
                return checkIns;
            }

            var row = reader.Current;

            if (row.Event == CheckInEventKind.CheckIn)
            {
                checkIns.Add(new VenueCheckIn(row.Venue, row.At, row.Channel ?? default));
                if (checkIns.Count > MaxCheckIns)
                {
                    throw new CliProblem(CliProblem.FileTooLarge, $"{file.Name}: more than {MaxCheckIns:N0} check-ins.");
                }
            }
        }
    }

    private static void WriteSummary(TextWriter output, ComplianceReport report, IReadOnlyList<VenueSafety> map, MessageLanguage language)
    {
        var vi = language == MessageLanguage.Vietnamese;
        var counts = report.Venues.GroupBy(v => v.Status).ToDictionary(g => g.Key, g => g.Count());
        int Count(VenueStatus status) => counts.GetValueOrDefault(status);
        var period = string.Create(CultureInfo.InvariantCulture, $"{report.Period.Start:yyyy-MM-dd} – {report.Period.End:yyyy-MM-dd}");
        output.WriteLine(vi
            ? string.Create(CultureInfo.InvariantCulture, $"{report.Venues.Count} địa điểm, {period}: {Count(VenueStatus.SuspensionRecommended)} đề nghị tạm dừng, {Count(VenueStatus.Warned)} bị nhắc nhở, {Count(VenueStatus.Compliant)} đạt, {Count(VenueStatus.NotJudged)} chưa đánh giá")
            : string.Create(CultureInfo.InvariantCulture, $"{report.Venues.Count} venues, {period}: {Count(VenueStatus.SuspensionRecommended)} suspension recommended, {Count(VenueStatus.Warned)} warned, {Count(VenueStatus.Compliant)} compliant, {Count(VenueStatus.NotJudged)} not judged"));
        foreach (var safety in map.Where(s => s.Status != SafetyStatus.Safe || s.Compliance?.Status is VenueStatus.Warned or VenueStatus.SuspensionRecommended))
        {
            var c = safety.Compliance;
            var share = c?.Share is { } x ? x.ToString("P0", CultureInfo.InvariantCulture) : "-";
            var reasons = string.Join("; ", safety.Reasons.Select(r => ComplianceCodes.Messages.Find(r, language) ?? r));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{safety.Profile.Venue}\t{safety.Status}\t{c?.Status}\t{share}\t{c?.ActiveWarnings ?? 0}\t{reasons}"));
        }
    }
}
