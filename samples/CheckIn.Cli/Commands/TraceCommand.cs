using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using CheckIn.Cli.Io;
using CheckIn.Core;
using CheckIn.Core.Text;
using CheckIn.Tracing;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Cli.Commands;

/// <summary>
/// <c>checkin trace</c>: traces cases over a CSV of visits (<c>person,venue,check_in,check_out</c>, ISO-8601 UTC) and
/// prints the contacts. Persons and venues are read in their canonical spelling (so <c>0912 345 678</c> and
/// <c>+84912345678</c> are one person, printed <c>0912345678</c>) and print so; persons are pseudonymized with a key made for this run, and the
/// command keeps the mapping back to its own input. A bad row is reported on standard error with its line and reason
/// and skipped; the rest is traced and the exit code is <see cref="ExitCodes.Partial"/>. With <c>--strict</c> the first
/// bad row ends the run (exit <see cref="ExitCodes.Invalid"/>).
/// </summary>
public static class TraceCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var visits = new Option<FileInfo>("--visits") { Description = "CSV with columns person,venue,check_in,check_out (ISO-8601 UTC).", Required = true };
        var cases = new Option<string[]>("--case") { Description = "A case: PERSON (uses --from/--until) or PERSON@FROM/UNTIL. Repeatable.", Required = true, AllowMultipleArgumentsPerToken = false };
        var from = new Option<string?>("--from") { Description = "Start of the infectious window (ISO-8601 UTC)." };
        var until = new Option<string?>("--until") { Description = "End of the infectious window (ISO-8601 UTC)." };
        var minOverlap = new Option<string>("--min-overlap") { Description = "Shortest overlap that makes a contact.", DefaultValueFactory = _ => "15m" };
        var linger = new Option<string>("--linger") { Description = "How long a source lingers after leaving.", DefaultValueFactory = _ => "0m" };
        var depth = new Option<int>("--depth") { Description = "Hops to trace (2: F1 and F2).", DefaultValueFactory = _ => 2 };
        var asOf = new Option<string?>("--as-of") { Description = "Trace time (ISO-8601 UTC); defaults to the latest check-out in the file." };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad row (exit 1) instead of reporting bad rows, tracing the rest and exiting 4." };
        var exactKeys = new Option<bool>("--exact-keys") { Description = "Compare persons and venues exactly as written (no canonical spelling)." };
        var noticesOut = new Option<FileInfo?>("--notices-out") { Description = "Also write the cases' exposure notices as a signed package for citizens' apps (needs --signing-key)." };
        var signingKey = new Option<FileInfo?>("--signing-key") { Description = "The PEM private key (ECDSA P-256) that signs the notice package." };
        var keyId = new Option<ushort>("--key-id") { Description = "The id of --signing-key in the trust list.", DefaultValueFactory = _ => 1 };
        var command = new Command("trace", "Trace contacts (F1, F2, …) of cases over a CSV of visits.")
        {
            visits, cases, from, until, minOverlap, linger, depth, asOf, format, strict, exactKeys, noticesOut, signingKey, keyId,
        };
        command.SetAction(parse =>
        {
            try
            {
                var reading = new VisitCsvReaderOptions { SkipBadRecords = !parse.GetValue(strict), CanonicalKeys = !parse.GetValue(exactKeys) };
                var publish = parse.GetValue(noticesOut) is { } packageFile
                    ? (packageFile, parse.GetValue(signingKey) ?? throw new UsageException("--notices-out needs --signing-key."), parse.GetValue(keyId))
                    : ((FileInfo, FileInfo, ushort)?)null;
                return Run(output, error, parse.GetRequiredValue(visits), parse.GetRequiredValue(cases), parse.GetValue(from), parse.GetValue(until),
                    parse.GetRequiredValue(minOverlap), parse.GetRequiredValue(linger), parse.GetValue(depth), parse.GetValue(asOf), parse.GetRequiredValue(format), reading, publish);
            }
            catch (UsageException exception)
            {
                error.WriteLine($"{CliProblem.Usage}  {exception.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static int Run(TextWriter output, TextWriter error, FileInfo visitsFile, string[] caseTexts, string? fromText, string? untilText,
        string minOverlapText, string lingerText, int depth, string? asOfText, string format, VisitCsvReaderOptions reading,
        (FileInfo Package, FileInfo Key, ushort KeyId)? publish)
    {
        // The key is read first: a bad key stops the run before any work.
        using var noticeKey = publish is { } p ? CliFiles.ReadPrivateKey(p.Key) : null;
        var options = new ContactTracerOptions
        {
            MinOverlap = ParseDuration(minOverlapText, "--min-overlap"),
            Linger = ParseDuration(lingerText, "--linger"),
            MaxDepth = depth >= 0 ? depth : throw new UsageException("--depth must not be negative."),
        };

        // A key for this run only: pseudonyms are never stored, the mapping back lives in this process.
        var persons = new PseudonymTable(new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32)));
        var store = new VisitStore();
        Instant? latest;
        long rejected;
        using (var reader = CliFiles.OpenText(visitsFile))
        {
            var read = new VisitCsvReader(reader, reading).ReadInto(store, persons);
            if (!read.TryGetValue(out var summary))
            {
                // Messages name the line and field, never the row's content (it holds personal data).
                error.WriteLine($"{read.Error.Code}  {visitsFile.Name}: {read.Error.GetMessage(MessageLanguage.English)}");
                return ExitCodes.Invalid;
            }

            foreach (var problem in summary.Errors)
            {
                error.WriteLine($"{problem.Code}  {visitsFile.Name}: {problem.GetMessage(MessageLanguage.English)}");
            }

            if (summary.Rejected > summary.Errors.Count)
            {
                error.WriteLine($"… and {summary.Rejected - summary.Errors.Count:N0} more bad rows.");
            }

            if (summary.Rejected > 0)
            {
                error.WriteLine($"{summary.Rejected:N0} bad rows skipped; {summary.Visits:N0} visits traced.");
            }

            latest = summary.LatestCheckOut;
            rejected = summary.Rejected;
        }

        var defaultFrom = fromText is null ? (Instant?)null : ParseInstant(fromText, "--from");
        var defaultUntil = untilText is null ? (Instant?)null : ParseInstant(untilText, "--until");
        Func<string, string> canonical = reading.CanonicalKeys ? IdentifierText.CanonicalizePerson : text => text;
        var traceCases = caseTexts.Select(text => ParseCase(text, defaultFrom, defaultUntil, person => persons.Pseudonymize(Key(canonical(person))))).ToList();
        if (traceCases.Select(c => c.Person).Distinct().Count() != traceCases.Count)
        {
            throw new UsageException("A person is given as a case twice.");
        }

        options = options with { AsOf = asOfText is null ? latest ?? SystemClock.Instance.GetCurrentInstant() : ParseInstant(asOfText, "--as-of") };
        var result = new ContactTracer(store.Flush()).Trace(traceCases, options);
        foreach (var warning in result.Warnings)
        {
            error.WriteLine($"{warning.Code}  case {Masked(persons.IdentifierOf(traceCases[warning.Field].Person))} has no visits in {visitsFile.Name}.");
        }

        if (format == "json")
        {
            using var stream = new MemoryStream();
            TraceResultWriter.WriteJson(stream, result, persons.IdentifierOf, MessageLanguage.English);
            output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }
        else
        {
            TraceResultWriter.WriteCsv(output, result, persons.IdentifierOf);
        }

        if (publish is { } target && noticeKey is not null)
        {
            var package = ExposureNoticePackage.Sign(noticeKey, target.KeyId, result.Notices, SystemClock.Instance.GetCurrentInstant());
            CliFiles.WriteNewBytes(target.Package.FullName, package);
            error.WriteLine($"{result.Notices.Count:N0} exposure notices signed into {target.Package.Name} ({package.Length:N0} bytes).");
        }

        return rejected > 0 ? ExitCodes.Partial : ExitCodes.Success;
    }

    private static string Key(string person) =>
        IdentifierText.Canonicalize(person).Length > 0 ? person : throw new UsageException("--case: the person is empty.");

    /// <summary>A person's key as error messages show it: through CheckIn's masking policy.</summary>
    private static string Masked(string person) => Redaction.MaskScannedText(person);

    private static TraceCase ParseCase(string text, Instant? defaultFrom, Instant? defaultUntil, Func<string, PersonPseudonym> pseudonym)
    {
        var at = text.LastIndexOf('@');
        string person;
        Instant from, until;
        if (at > 0 && text.IndexOf('/', at) is var slash and > 0)
        {
            person = text[..at];
            from = ParseInstant(text[(at + 1)..slash], $"--case {Masked(person)}: FROM");
            until = ParseInstant(text[(slash + 1)..], $"--case {Masked(person)}: UNTIL");
        }
        else
        {
            person = text;
            from = defaultFrom ?? throw new UsageException($"--case {Masked(person)}: give --from and --until, or PERSON@FROM/UNTIL.");
            until = defaultUntil ?? throw new UsageException($"--case {Masked(person)}: give --from and --until, or PERSON@FROM/UNTIL.");
        }

        if (until <= from)
        {
            throw new UsageException($"--case {Masked(person)}: the window must end after it starts.");
        }

        return new TraceCase(pseudonym(person), from, until);
    }

    private static Instant ParseInstant(string text, string what)
    {
        var result = InstantPattern.ExtendedIso.Parse(text.Trim());
        return result.Success ? result.Value : throw new UsageException($"{what}: '{text}' is not an ISO-8601 UTC instant such as 2021-09-01T08:00:00Z.");
    }

    private static Duration ParseDuration(string text, string what) =>
        DurationText.TryParse(text, out var duration) ? duration : throw new UsageException($"{what}: '{text}' is not a duration such as 15m, 1h30m or 90s.");

    private sealed class UsageException(string message) : Exception(message);
}
