using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CheckIn.Cli.Io;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Cli.Commands;

/// <summary>
/// <c>checkin trace</c>: traces cases over a CSV of visits (<c>person,venue,check_in,check_out</c>, ISO-8601 UTC) and
/// prints the contacts. Persons are pseudonymized with a key made for this run; the command keeps the mapping
/// back to its own input, so persons and venues print exactly as they appear there.
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
        var command = new Command("trace", "Trace contacts (F1, F2, …) of cases over a CSV of visits.")
        {
            visits, cases, from, until, minOverlap, linger, depth, asOf, format,
        };
        command.SetAction(parse =>
        {
            try
            {
                return Run(output, error, parse.GetRequiredValue(visits), parse.GetRequiredValue(cases), parse.GetValue(from), parse.GetValue(until),
                    parse.GetRequiredValue(minOverlap), parse.GetRequiredValue(linger), parse.GetValue(depth), parse.GetValue(asOf), parse.GetRequiredValue(format));
            }
            catch (UsageException exception)
            {
                error.WriteLine(exception.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static int Run(TextWriter output, TextWriter error, FileInfo visitsFile, string[] caseTexts, string? fromText, string? untilText,
        string minOverlapText, string lingerText, int depth, string? asOfText, string format)
    {
        var options = new ContactTracerOptions
        {
            MinOverlap = ParseDuration(minOverlapText, "--min-overlap"),
            Linger = ParseDuration(lingerText, "--linger"),
            MaxDepth = depth >= 0 ? depth : throw new UsageException("--depth must not be negative."),
        };

        if (!visitsFile.Exists)
        {
            throw new UsageException($"{visitsFile.FullName} does not exist.");
        }

        // A key for this run only: pseudonyms are never stored, the mapping back lives in this process.
        var pseudonymizer = new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32));
        var names = new Dictionary<PersonPseudonym, string>();
        PersonPseudonym Pseudonym(string person)
        {
            var pseudonym = pseudonymizer.Pseudonymize(person);
            if (names.TryGetValue(pseudonym, out var existing) && existing != person)
            {
                // Identifiers that differ only in case or surrounding spaces are one person; print the first spelling.
                return pseudonym;
            }

            names[pseudonym] = person;
            return pseudonym;
        }

        var store = new VisitStore();
        var latest = Instant.MinValue;
        using (var reader = new StreamReader(visitsFile.FullName))
        {
            var csv = new CsvReader(reader);
            var header = csv.ReadRecord();
            if (header is null || !header.Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(["person", "venue", "check_in", "check_out"]))
            {
                throw new UsageException($"{visitsFile.Name}: the first line must be the header person,venue,check_in,check_out.");
            }

            while (csv.ReadRecord() is { } record)
            {
                if (record.Count == 1 && record[0].Length == 0)
                {
                    continue;
                }

                if (record.Count != 4 || record[0].Trim().Length == 0 || record[1].Length == 0)
                {
                    throw new UsageException($"{visitsFile.Name} line {csv.LineNumber}: expected person,venue,check_in,check_out.");
                }

                var checkIn = ParseInstant(record[2], $"{visitsFile.Name} line {csv.LineNumber}: check_in");
                var checkOut = ParseInstant(record[3], $"{visitsFile.Name} line {csv.LineNumber}: check_out");
                try
                {
                    store.Add(Pseudonym(record[0]), record[1], checkIn, checkOut);
                }
                catch (ArgumentException exception)
                {
                    throw new UsageException($"{visitsFile.Name} line {csv.LineNumber}: {exception.Message.Split(" (Parameter", 2)[0]}");
                }

                latest = checkOut > latest ? checkOut : latest;
            }
        }

        var defaultFrom = fromText is null ? (Instant?)null : ParseInstant(fromText, "--from");
        var defaultUntil = untilText is null ? (Instant?)null : ParseInstant(untilText, "--until");
        var traceCases = caseTexts.Select(text => ParseCase(text, defaultFrom, defaultUntil, Pseudonym)).ToList();
        if (traceCases.Select(c => c.Person).Distinct().Count() != traceCases.Count)
        {
            throw new UsageException("A person is given as a case twice.");
        }

        options = options with { AsOf = asOfText is null ? (latest == Instant.MinValue ? SystemClock.Instance.GetCurrentInstant() : latest) : ParseInstant(asOfText, "--as-of") };
        var result = new ContactTracer(store.Flush()).Trace(traceCases, options);
        foreach (var missing in traceCases.Where(c => !store.Snapshot.VisitsOf(c.Person).Any()))
        {
            error.WriteLine($"warning: case {names[missing.Person]} has no visits in {visitsFile.Name}.");
        }

        var contacts = result.Contacts
            .OrderBy(c => c.Level).ThenBy(c => c.ExposedAt).ThenBy(c => names[c.Person], StringComparer.Ordinal)
            .ToList();
        if (format == "json")
        {
            WriteJson(output, result, contacts, names);
        }
        else
        {
            CsvWriter.WriteRecord(output, "person", "level", "exposed_at", "venue", "overlap_minutes", "source");
            foreach (var c in contacts)
            {
                CsvWriter.WriteRecord(output, names[c.Person], c.Level.ToString(CultureInfo.InvariantCulture), Iso(c.ExposedAt), c.Venue,
                    Minutes(c.Overlap), names[c.Source]);
            }
        }

        return ExitCodes.Success;
    }

    private static void WriteJson(TextWriter output, TraceResult result, List<Contact> contacts, Dictionary<PersonPseudonym, string> names)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, PayloadCommand.JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("asOf", Iso(result.AsOf));
            json.WriteStartArray("cases");
            foreach (var c in result.Cases)
            {
                json.WriteStartObject();
                json.WriteString("person", names[c.Person]);
                json.WriteString("from", Iso(c.From));
                json.WriteString("until", Iso(c.Until));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("contacts");
            foreach (var c in contacts)
            {
                json.WriteStartObject();
                json.WriteString("person", names[c.Person]);
                json.WriteNumber("level", c.Level);
                json.WriteString("exposedAt", Iso(c.ExposedAt));
                json.WriteString("venue", c.Venue);
                json.WriteNumber("overlapMinutes", c.Overlap.TotalMinutes);
                json.WriteString("source", names[c.Source]);
                WriteInterval(json, "sourceVisit", c.SourceVisit);
                WriteInterval(json, "contactVisit", c.ContactVisit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notices");
            foreach (var n in result.Notices)
            {
                json.WriteStartObject();
                json.WriteString("venue", n.Venue);
                json.WriteString("from", Iso(n.From));
                json.WriteString("until", Iso(n.Until));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteInterval(Utf8JsonWriter json, string name, VisitInterval interval)
    {
        json.WriteStartObject(name);
        json.WriteString("checkIn", Iso(interval.CheckIn));
        json.WriteString("checkOut", Iso(interval.CheckOut));
        json.WriteEndObject();
    }

    private static TraceCase ParseCase(string text, Instant? defaultFrom, Instant? defaultUntil, Func<string, PersonPseudonym> pseudonym)
    {
        var at = text.LastIndexOf('@');
        string person;
        Instant from, until;
        if (at > 0 && text.IndexOf('/', at) is var slash and > 0)
        {
            person = text[..at];
            from = ParseInstant(text[(at + 1)..slash], $"--case {text}: FROM");
            until = ParseInstant(text[(slash + 1)..], $"--case {text}: UNTIL");
        }
        else
        {
            person = text;
            from = defaultFrom ?? throw new UsageException($"--case {text}: give --from and --until, or PERSON@FROM/UNTIL.");
            until = defaultUntil ?? throw new UsageException($"--case {text}: give --from and --until, or PERSON@FROM/UNTIL.");
        }

        if (until <= from)
        {
            throw new UsageException($"--case {text}: the window must end after it starts.");
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

    private static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static string Minutes(Duration duration) =>
        Math.Round(duration.TotalMinutes, 2).ToString(CultureInfo.InvariantCulture);

    private sealed class UsageException(string message) : Exception(message);
}
