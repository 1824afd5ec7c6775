using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CheckIn.Cli.Io;
using CheckIn.Core;
using CheckIn.Core.Text;
using CheckIn.Tracing.FollowUp;
using CheckIn.Tracing.Privacy;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Cli.Commands;

/// <summary>
/// <c>checkin followup list|notify|test|unreachable|close</c>: a tracing team's follow-up book kept in a JSON file (the
/// store, which <c>checkin trace --followup FILE</c> opens records into): list the records (all, due on a day, overdue,
/// or counted by commune), and record what happened to one contact. The store holds the contacts as the trace printed
/// them (identifiers): it is personal data, written readable by its owner only, replaced atomically on every change.
/// </summary>
public static class FollowUpCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("followup", "List and update contacts' follow-up (quarantine, tests, outcome) in a store that 'trace --followup' fills.");
        command.Subcommands.Add(CreateList(output, error));
        command.Subcommands.Add(CreateChange("notify", "The contact was reached and told to quarantine (the days follow the Ministry of Health's F1 rules for their protection).", output, error));
        command.Subcommands.Add(CreateChange("test", "A test result: negative meets the test due; positive makes the contact a case to trace on.", output, error));
        command.Subcommands.Add(CreateChange("unreachable", "The contact could not be reached.", output, error));
        command.Subcommands.Add(CreateChange("close", "Follow-up finished.", output, error));
        return command;
    }

    private static Option<FileInfo> StoreOption() => new("--store") { Description = "The follow-up store (JSON).", Required = true };

    private static Command CreateList(TextWriter output, TextWriter error)
    {
        var store = StoreOption();
        var due = new Option<string?>("--due") { Description = "Only the records due on this day (yyyy-MM-dd, Vietnam): not yet reached, a test due, or the quarantine's last day." };
        var overdue = new Option<string?>("--overdue") { Description = "Only the records behind on this day: a test missed, or a quarantine over and not closed." };
        var byCommune = new Option<bool>("--by-commune") { Description = "Count the records by commune and state instead." };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var command = new Command("list", "List the store's records (CSV or JSON), by level then last exposure.") { store, due, overdue, byCommune, format };
        command.SetAction(parse => Guard(error, () =>
        {
            var (book, nameOf, _) = Load(parse.GetRequiredValue(store));
            IEnumerable<FollowUpRecord> records = book.Records;
            if (parse.GetValue(due) is not null && parse.GetValue(overdue) is not null)
            {
                throw new UsageException("Give --due or --overdue, not both.");
            }

            if (parse.GetValue(due) is { } day)
            {
                records = book.DueOn(ParseDate(day, "--due"));
            }
            else if (parse.GetValue(overdue) is { } late)
            {
                records = book.OverdueOn(ParseDate(late, "--overdue"));
            }

            if (parse.GetValue(byCommune))
            {
                var counts = records.GroupBy(r => (r.Commune, r.State)).OrderBy(g => g.Key.Commune ?? -1).ThenBy(g => g.Key.State);
                output.WriteLine("commune,state,records");
                foreach (var group in counts)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key.Commune?.ToString("D5", CultureInfo.InvariantCulture)},{FollowUpNames.Of(group.Key.State)},{group.Count()}"));
                }

                return ExitCodes.Success;
            }

            if (parse.GetRequiredValue(format) == "json")
            {
                using var stream = new MemoryStream();
                FollowUpWriter.WriteJson(stream, records, nameOf);
                output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
            }
            else
            {
                FollowUpWriter.WriteCsv(output, records, nameOf);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateChange(string name, string description, TextWriter output, TextWriter error)
    {
        var store = StoreOption();
        var person = new Option<string>("--person") { Description = "The contact, as the store (and the trace) writes them.", Required = true };
        var actor = new Option<string>("--actor") { Description = "Who records this (a staff account; never a contact's name).", Required = true };
        var at = new Option<string?>("--at") { Description = "When (ISO-8601 UTC); default now." };
        var command = new Command(name, description) { store, person, actor, at };
        var protection = new Option<string>("--protection") { Description = "notify: unknown, not-fully-vaccinated or fully-protected.", DefaultValueFactory = _ => "unknown" };
        var lastExposure = new Option<string?>("--last-exposure") { Description = "notify: a later last exposure the contact reports (yyyy-MM-dd)." };
        var result = new Option<string>("--result") { Description = "test: negative or positive.", Required = true };
        var note = new Option<string?>("--note") { Description = "close: why (no personal data)." };
        switch (name)
        {
            case "notify":
                command.Options.Add(protection);
                command.Options.Add(lastExposure);
                break;
            case "test":
                result.AcceptOnlyFromAmong("negative", "positive");
                command.Options.Add(result);
                break;
            case "close":
                command.Options.Add(note);
                break;
        }

        command.SetAction(parse => Guard(error, () =>
        {
            var file = parse.GetRequiredValue(store);
            var (book, nameOf, names) = Load(file);
            var who = parse.GetRequiredValue(person);
            // As written, or in the canonical spelling the trace printed (0913 000 001 is 0913000001).
            PersonPseudonym key;
            try
            {
                key = names.Pseudonymize(who);
            }
            catch (ArgumentException)
            {
                throw new UsageException("--person has nothing visible in it.");
            }

            if (book.Find(key) is null && IdentifierText.CanonicalizePerson(who) is { Length: > 0 } canonical)
            {
                key = names.Pseudonymize(canonical);
            }

            var by = parse.GetRequiredValue(actor).Trim() is { Length: > 0 } a ? a : throw new UsageException("--actor is empty.");
            var when = parse.GetValue(at) is { } text ? ParseInstant(text) : SystemClock.Instance.GetCurrentInstant();
            var changed = name switch
            {
                "notify" => book.Notify(key, ParseProtection(parse.GetRequiredValue(protection)), when, by, parse.GetValue(lastExposure) is { } d ? ParseDate(d, "--last-exposure") : null),
                "test" => book.RecordTest(key, parse.GetRequiredValue(result) == "positive", when, by),
                "unreachable" => book.MarkUnreachable(key, when, by),
                _ => book.Close(key, when, by, parse.GetValue(note)),
            };
            if (!changed.TryGetValue(out var record))
            {
                // The message names the code, never the person.
                error.WriteLine($"{changed.Error.Code}  {changed.Error.GetMessage(MessageLanguage.English)}");
                return ExitCodes.Invalid;
            }

            Save(file, book, nameOf);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{FollowUpNames.Of(record.State)}{(record.QuarantineUntil is { } until ? $"; quarantine until {LocalDatePattern.Iso.Format(until)}" : string.Empty)}{(record.TestsDue.Count > 0 ? $"; tests due {string.Join(' ', record.TestsDue.Select(LocalDatePattern.Iso.Format))}" : string.Empty)}"));
            if (record.State == FollowUpState.TestedPositive && book.CaseOf(key).TryGetValue(out var traced))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"now a case: trace with --case \"{nameOf(key)}@{InstantPattern.ExtendedIso.Format(traced.From)}/{InstantPattern.ExtendedIso.Format(traced.Until)}\""));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Opens the trace's contacts into a store (created when missing): what <c>trace --followup</c> does. The store's
    /// people are read back through <paramref name="personOf"/>, the trace's own mapping from a name to its pseudonym, so
    /// a contact already followed keeps their record. Each record belongs to the commune of the venue that exposed them
    /// (from <c>--venues</c>), when known.
    /// </summary>
    internal static int OpenInto(FileInfo file, CheckIn.Tracing.TraceResult trace, Func<PersonPseudonym, string> nameOf, Func<string, PersonPseudonym> personOf,
        Func<CheckIn.Tracing.Contact, int?> communeOf, string actor, Instant at)
    {
        file.Refresh();
        var (book, names) = file.Exists ? Load(file, personOf) : (new FollowUpBook(), new Dictionary<PersonPseudonym, string>());
        var opened = book.Open(trace, communeOf, at, actor);
        Save(file, book, p => names.TryGetValue(p, out var name) ? name : nameOf(p));
        return opened;
    }

    private static (FollowUpBook Book, Func<PersonPseudonym, string> NameOf, PseudonymTable Names) Load(FileInfo file)
    {
        // A key for this run only: the store names people as written, the book keys them by pseudonym.
        var table = new PseudonymTable(new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32)));
        var (book, names) = Load(file, table.Pseudonymize);
        return (book, p => names.TryGetValue(p, out var name) ? name : table.IdentifierOf(p), table);
    }

    private static (FollowUpBook Book, Dictionary<PersonPseudonym, string> Names) Load(FileInfo file, Func<string, PersonPseudonym> personOf)
    {
        var names = new Dictionary<PersonPseudonym, string>();
        var bytes = CliFiles.ReadBytes(file, FollowUpJsonReader.MaxBytes);
        var read = FollowUpJsonReader.Read(bytes, name =>
        {
            var person = personOf(name);
            names.TryAdd(person, name);
            return person;
        }, null);
        if (!read.TryGetValue(out var book))
        {
            throw new CliProblem(read.Error.Code, $"{file.Name}: {read.Error.GetMessage(MessageLanguage.English)}{(read.Error.Field >= 0 ? $" (record {read.Error.Field}, {read.Error.Property})" : string.Empty)}", ExitCodes.Invalid);
        }

        return (book, names);
    }

    /// <summary>Writes the store whole to a temporary file beside it, then moves it over the old one (owner-only on Unix).</summary>
    private static void Save(FileInfo file, FollowUpBook book, Func<PersonPseudonym, string> nameOf)
    {
        var temporary = Path.Combine(file.DirectoryName ?? ".", $".{file.Name}.{Environment.ProcessId}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                FollowUpWriter.WriteJson(stream, book.Records, nameOf);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, file.FullName, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new CliProblem(CliProblem.FileUnreadable, $"{file.Name}: cannot be written ({exception.GetType().Name}).", ExitCodes.Invalid);
        }
    }

    private static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (UsageException exception)
        {
            error.WriteLine($"{CliProblem.Usage}  {exception.Message}");
            return ExitCodes.Usage;
        }
    }

    private static LocalDate ParseDate(string text, string option) =>
        LocalDatePattern.Iso.Parse(text.Trim()).TryGetValue(default, out var day) ? day : throw new UsageException($"{option}: '{text}' is not a date (yyyy-MM-dd).");

    private static Instant ParseInstant(string text) =>
        InstantPattern.ExtendedIso.Parse(text.Trim()).TryGetValue(default, out var at) ? at : throw new UsageException($"--at: '{text}' is not an ISO-8601 UTC time.");

    private static Protection ParseProtection(string text) =>
        FollowUpNames.TryParse(text.Trim().ToLowerInvariant(), out Protection protection)
            ? protection
            : throw new UsageException($"--protection: '{text}' is not unknown, not-fully-vaccinated or fully-protected.");

    private sealed class UsageException(string message) : Exception(message);
}
