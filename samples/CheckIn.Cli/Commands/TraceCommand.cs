using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CheckIn.Cli.Io;
using CheckIn.Core;
using CheckIn.Core.Text;
using CheckIn.Simulation;
using CheckIn.Tracing;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Proximity;
using CheckIn.Tracing.Venues;
using CheckIn.Tracing.Visits;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Cli.Commands;

/// <summary>
/// <c>checkin trace</c>: traces cases over a CSV of visits (<c>person,venue,check_in,check_out</c>, ISO-8601 UTC), or of
/// raw check-in events with the links known between identifiers (one person behind many cards), and prints the contacts. Persons and venues are read in their canonical spelling (so <c>0912 345 678</c> and
/// <c>+84912345678</c> are one person, printed <c>0912345678</c>) and print so; persons are pseudonymized with a key made for this run, and the
/// command keeps the mapping back to its own input. A bad row is reported on standard error with its line and reason
/// and skipped; the rest is traced and the exit code is <see cref="ExitCodes.Partial"/>. With <c>--strict</c> the first
/// bad row ends the run (exit <see cref="ExitCodes.Invalid"/>).
/// </summary>
public static class TraceCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var visits = new Option<FileInfo?>("--visits") { Description = "CSV with columns person,venue,check_in,check_out[,closure] (ISO-8601 UTC), or a .bin file of 'checkin simulate' (its true visits). Give this or --events." };
        var events = new Option<FileInfo?>("--events") { Description = "CSV of raw events id_kind,id,venue,event,at[,channel] (id_kind: cccd, cmnd, bhyt, qid, phone, passport, paper). Give this or --visits." };
        var links = new Option<FileInfo?>("--links") { Description = "With --events: CSV of id_kind,id,id_kind2,id2 pairs known to be one person." };
        var venues = new Option<FileInfo?>("--venues") { Description = "CSV of venue,kind[,commune,name]: with --events the kinds set default visit lengths; --by-commune reports by commune." };
        var cases = new Option<string[]>("--case") { Description = "A case: PERSON (uses --from/--until) or PERSON@FROM/UNTIL; with --events PERSON is id_kind:id, or the id alone when no other kind has it. Repeatable.", Required = true, AllowMultipleArgumentsPerToken = false };
        var from = new Option<string?>("--from") { Description = "Start of the infectious window (ISO-8601 UTC)." };
        var until = new Option<string?>("--until") { Description = "End of the infectious window (ISO-8601 UTC)." };
        var minOverlap = new Option<string>("--min-overlap") { Description = "Shortest overlap that makes a contact.", DefaultValueFactory = _ => "15m" };
        var linger = new Option<string>("--linger") { Description = "How long a source lingers after leaving.", DefaultValueFactory = _ => "0m" };
        var depth = new Option<int>("--depth") { Description = "Hops to trace (2: F1 and F2).", DefaultValueFactory = _ => 2 };
        var asOf = new Option<string?>("--as-of") { Description = "Trace time (ISO-8601 UTC); defaults to the latest check-out in the file (or encounter end)." };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var top = new Option<int?>("--top") { Description = "Keep the K highest-scored contacts of each level (the rest are not reported, nor traced on)." };
        var minScore = new Option<string?>("--min-score") { Description = "Report only contacts scored at least S (0 to 1; see docs/tracing-risk.md)." };
        var expandAbove = new Option<string?>("--expand-above") { Description = "Grow the next level only from contacts scored above S (0 to 1): the riskiest first." };
        var encounters = new Option<FileInfo?>("--encounters") { Description = "CSV of Bluetooth encounters person,other,start,minutes,distance (Bluezone records): contacts by proximity as well as by venue. Persons as in --visits; with --events a phone number, or id_kind:id." };
        var followUp = new Option<FileInfo?>("--followup") { Description = "Also open a follow-up record for each contact in this store (created when missing; see 'checkin followup')." };
        var actor = new Option<string>("--actor") { Description = "With --followup: who opens the records (a staff account).", DefaultValueFactory = _ => "trace" };
        var byCommune = new Option<bool>("--by-commune") { Description = "Print the contacts counted by the commune of the venue that exposed them (needs --venues) instead of the contacts." };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad row (exit 1) instead of reporting bad rows, tracing the rest and exiting 4." };
        var exactKeys = new Option<bool>("--exact-keys") { Description = "Compare persons and venues exactly as written (no canonical spelling)." };
        var noticesOut = new Option<FileInfo?>("--notices-out") { Description = "Also write the cases' exposure notices as a signed package for citizens' apps (needs --signing-key)." };
        var signingKey = new Option<FileInfo?>("--signing-key") { Description = "The PEM private key (ECDSA P-256) that signs the notice package." };
        var keyId = new Option<ushort>("--key-id") { Description = "The id of --signing-key in the trust list.", DefaultValueFactory = _ => 1 };
        var storeOption = new Option<string?>("--store") { Description = "Trace on a PostgreSQL store instead of a file (an Npgsql connection string, \"Host=...;Database=...\"): one SQL query a hop, run by the server. Needs --key-file; persons print as pseudonyms." };
        var keyFile = new Option<FileInfo?>("--key-file") { Description = "With --store: the pseudonymization key the store's visits were written with ('checkin simulate --store' makes one)." };
        var command = new Command("trace", "Trace contacts (F1, F2, …) of cases over a CSV of visits or of raw check-in events.")
        {
            visits, events, links, venues, encounters, followUp, actor, cases, from, until, minOverlap, linger, depth, asOf, format, top, minScore, expandAbove, byCommune, strict, exactKeys, noticesOut,
            signingKey, keyId, storeOption, keyFile,
        };
        command.SetAction(parse =>
        {
            try
            {
                var reading = new VisitCsvReaderOptions { SkipBadRecords = !parse.GetValue(strict), CanonicalKeys = !parse.GetValue(exactKeys) };
                var publish = parse.GetValue(noticesOut) is { } packageFile
                    ? (packageFile, parse.GetValue(signingKey) ?? throw new UsageException("--notices-out needs --signing-key."), parse.GetValue(keyId))
                    : ((FileInfo, FileInfo, ushort)?)null;
                if (parse.GetValue(storeOption) is { } connection)
                {
                    if (parse.GetValue(visits) is not null || parse.GetValue(events) is not null || parse.GetValue(encounters) is not null || parse.GetValue(followUp) is not null
                        || publish is not null || parse.GetValue(byCommune) || parse.GetValue(venues) is not null)
                    {
                        throw new UsageException("--store traces what the store holds: it goes without --visits, --events, --encounters, --venues, --by-commune, --followup and --notices-out.");
                    }

                    var (key, _, problem) = StoreKey.Read(parse.GetValue(keyFile) ?? throw new UsageException("--store needs --key-file."), create: false);
                    return key is null ? throw new UsageException(problem!) : RunOnStore(output, error, connection, key, parse.GetRequiredValue(cases), parse.GetValue(from), parse.GetValue(until),
                        parse.GetRequiredValue(minOverlap), parse.GetRequiredValue(linger), parse.GetValue(depth), parse.GetValue(asOf), parse.GetRequiredValue(format),
                        RankingOf(parse));
                }

                var input = (parse.GetValue(visits), parse.GetValue(events)) switch
                {
                    ({ } v, null) => new Input(v, null, parse.GetValue(links) is null ? null : throw new UsageException("--links goes with --events.")),
                    (null, { } e) => new Input(null, e, parse.GetValue(links)),
                    _ => throw new UsageException("Give --visits or --events (one of them)."),
                };
                if (parse.GetValue(byCommune) && parse.GetValue(venues) is null)
                {
                    throw new UsageException("--by-commune needs --venues.");
                }

                var ranking = RankingOf(parse);
                return Run(output, error, input, parse.GetValue(venues), parse.GetValue(encounters), parse.GetRequiredValue(cases), parse.GetValue(from), parse.GetValue(until),
                    parse.GetRequiredValue(minOverlap), parse.GetRequiredValue(linger), parse.GetValue(depth), parse.GetValue(asOf), parse.GetRequiredValue(format),
                    ranking, parse.GetValue(byCommune), reading, publish, parse.GetValue(followUp) is { } store ? (store, parse.GetRequiredValue(actor)) : null);
            }
            catch (UsageException exception)
            {
                error.WriteLine($"{CliProblem.Usage}  {exception.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;

        Ranking RankingOf(ParseResult parse) => new(
            parse.GetValue(top) is { } k ? (k >= 1 ? k : throw new UsageException("--top must be at least 1.")) : null,
            ParseScore(parse.GetValue(minScore), "--min-score"),
            ParseScore(parse.GetValue(expandAbove), "--expand-above"));
    }

    private static int Run(TextWriter output, TextWriter error, Input input, FileInfo? venuesFile, FileInfo? encountersFile, string[] caseTexts, string? fromText, string? untilText,
        string minOverlapText, string lingerText, int depth, string? asOfText, string format, Ranking ranking, bool byCommune, VisitCsvReaderOptions reading,
        (FileInfo Package, FileInfo Key, ushort KeyId)? publish, (FileInfo Store, string Actor)? followUp)
    {
        // The key is read first: a bad key stops the run before any work.
        using var noticeKey = publish is { } p ? CliFiles.ReadPrivateKey(p.Key) : null;
        var options = Rules(minOverlapText, lingerText, depth, ranking);

        var venueRegistry = new VenueRegistry();
        long rejected = 0;
        if (venuesFile is not null && !ReadVenues(error, venuesFile, venueRegistry, reading, ref rejected))
        {
            return ExitCodes.Invalid;
        }

        // A key for this run only: pseudonyms are never stored, the mapping back lives in this process.
        var loaded = input.Events is { } eventsFile
            ? LoadEvents(error, eventsFile, input.Links, venueRegistry, reading)
            : input.Visits!.Extension.Equals(".bin", StringComparison.OrdinalIgnoreCase)
                ? LoadSimulation(error, input.Visits!, reading)
                : LoadVisits(error, input.Visits!, reading);
        if (loaded is null)
        {
            return ExitCodes.Invalid;
        }

        rejected += loaded.Rejected;
        var proximity = EncounterIndex.Empty;
        var latest = loaded.Latest;
        if (encountersFile is not null)
        {
            if (ReadEncounters(error, encountersFile, loaded, reading, ref rejected, ref latest) is not { } read)
            {
                return ExitCodes.Invalid;
            }

            proximity = read;
        }

        var defaultFrom = fromText is null ? (Instant?)null : ParseInstant(fromText, "--from");
        var defaultUntil = untilText is null ? (Instant?)null : ParseInstant(untilText, "--until");
        var traceCases = caseTexts.Select(text => ParseCase(text, defaultFrom, defaultUntil, loaded.CaseOf)).ToList();
        if (traceCases.Select(c => c.Person).Distinct().Count() != traceCases.Count)
        {
            throw new UsageException("A person is given as a case twice (by one identifier or two of the same person).");
        }

        // Venue kinds weigh the scores when the venues are known.
        options = options with { VenueKindOf = venuesFile is null ? null : venueRegistry.KindOf };
        options = options with { AsOf = asOfText is null ? latest ?? SystemClock.Instance.GetCurrentInstant() : ParseInstant(asOfText, "--as-of") };
        var result = new ContactTracer(loaded.Store.Flush(), proximity).Trace(traceCases, options);
        foreach (var warning in result.Warnings)
        {
            error.WriteLine($"{warning.Code}  case {Masked(loaded.NameOf(traceCases[warning.Field].Person))} has no visits in {loaded.FileName}.");
        }

        if (byCommune)
        {
            WriteCommunes(output, venueRegistry.ContactsByCommune(result), options.MaxDepth);
        }
        else
        {
            Write(output, result, loaded.NameOf, format);
        }

        if (followUp is { } book)
        {
            var opened = FollowUpCommand.OpenInto(book.Store, result, loaded.NameOf, loaded.CaseOf,
                c => c.Venue is { } venue ? venueRegistry.Find(venue)?.Commune?.Code : null, book.Actor, SystemClock.Instance.GetCurrentInstant());
            error.WriteLine($"{opened:N0} follow-up records opened in {book.Store.Name}.");
        }

        if (publish is { } target && noticeKey is not null)
        {
            var package = ExposureNoticePackage.Sign(noticeKey, target.KeyId, result.Notices, SystemClock.Instance.GetCurrentInstant());
            CliFiles.WriteNewBytes(target.Package.FullName, package);
            error.WriteLine($"{result.Notices.Count:N0} exposure notices signed into {target.Package.Name} ({package.Length:N0} bytes).");
        }

        return rejected > 0 ? ExitCodes.Partial : ExitCodes.Success;
    }

    /// <summary>
    /// A trace on a PostgreSQL store (<c>--store</c>): cases pseudonymized with the store's key as <c>simulate --store</c>
    /// wrote them, traced hop by hop on the server; persons print as their pseudonyms (the store holds no names).
    /// </summary>
    private static int RunOnStore(TextWriter output, TextWriter error, string connection, byte[] key, string[] caseTexts, string? fromText, string? untilText,
        string minOverlapText, string lingerText, int depth, string? asOfText, string format, Ranking ranking)
    {
        var options = Rules(minOverlapText, lingerText, depth, ranking) with
        {
            AsOf = asOfText is null ? SystemClock.Instance.GetCurrentInstant() : ParseInstant(asOfText, "--as-of"),
        };
        var pseudonymizer = new PersonPseudonymizer(key);
        var defaultFrom = fromText is null ? (Instant?)null : ParseInstant(fromText, "--from");
        var defaultUntil = untilText is null ? (Instant?)null : ParseInstant(untilText, "--until");
        var traceCases = caseTexts.Select(text => ParseCase(text, defaultFrom, defaultUntil, person => pseudonymizer.Pseudonymize(Key(IdentifierText.CanonicalizePerson(person))))).ToList();
        if (traceCases.Select(c => c.Person).Distinct().Count() != traceCases.Count)
        {
            throw new UsageException("A person is given as a case twice.");
        }

        TraceResult result;
        try
        {
            result = TraceOnStoreAsync(connection, traceCases, options).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
        {
            // The connection string or the server's answer, never any person's data.
            error.WriteLine($"{CliProblem.Usage}  --store: {exception.Message}");
            return ExitCodes.Invalid;
        }

        foreach (var warning in result.Warnings)
        {
            error.WriteLine(warning.Code == TracingErrorCodes.Trace.UnknownCase
                ? $"{warning.Code}  case {Masked(caseTexts[warning.Field].Split('@')[0])} has no visits in the store."
                : $"{warning.Code}  {warning.GetMessage(MessageLanguage.English)}");
        }

        Write(output, result, pseudonym => pseudonym.ToString(), format);

        error.WriteLine($"{result.Contacts.Count:N0} contacts traced in PostgreSQL ({string.Join(", ", result.Hops.Select(h => $"F{h.Level}: {h.Contacts:N0}"))}).");
        return ExitCodes.Success;
    }

    /// <summary>The tracing rules the options give, for a file or a store alike.</summary>
    private static ContactTracerOptions Rules(string minOverlapText, string lingerText, int depth, Ranking ranking) => new()
    {
        MinOverlap = ParseDuration(minOverlapText, "--min-overlap"),
        Linger = ParseDuration(lingerText, "--linger"),
        MaxDepth = depth >= 0 ? depth : throw new UsageException("--depth must not be negative."),
        TopPerLevel = ranking.Top,
        MinScore = ranking.MinScore,
        ExpandAbove = ranking.ExpandAbove,
    };

    /// <summary>The contacts as CSV or JSON.</summary>
    private static void Write(TextWriter output, TraceResult result, Func<PersonPseudonym, string> nameOf, string format)
    {
        if (format == "json")
        {
            using var stream = new MemoryStream();
            TraceResultWriter.WriteJson(stream, result, nameOf, MessageLanguage.English);
            output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }
        else
        {
            TraceResultWriter.WriteCsv(output, result, nameOf);
        }
    }

    private static async Task<TraceResult> TraceOnStoreAsync(string connection, IReadOnlyList<TraceCase> cases, ContactTracerOptions options)
    {
        await using var store = await Store.PostgreSql.PostgresVisitStore.ConnectAsync(connection);
        return await new StoreContactTracer(store).TraceAsync(cases, options);
    }

    /// <summary>What a source file gave: the visits, how to print a person, how a case names one, how an encounter does.</summary>
    private sealed record Loaded(VisitStore Store, Func<PersonPseudonym, string> NameOf, Func<string, PersonPseudonym> CaseOf, Instant? Latest, long Rejected, string FileName)
    {
        public required Func<string, PersonPseudonym> EncounterPersonOf { get; init; }
    }

    /// <summary>The encounters file into an index, persons named as the visits or events name them; bad rows as for visits.</summary>
    private static EncounterIndex? ReadEncounters(TextWriter error, FileInfo file, Loaded loaded, VisitCsvReaderOptions reading, ref long rejected, ref Instant? latest)
    {
        var builder = new EncounterIndex.Builder();
        long same = 0;
        var last = latest;
        using var text = CliFiles.OpenText(file);
        var reader = new EncounterCsvReader(text, reading);
        if (ReadRows(error, file.Name, reading, reader.Read, () =>
            {
                var record = reader.Current;
                PersonPseudonym person, other;
                try
                {
                    (person, other) = (loaded.EncounterPersonOf(record.Person), loaded.EncounterPersonOf(record.Other));
                }
                catch (ArgumentException)
                {
                    // An identifier with nothing visible in it (kept as written with --exact-keys): not a person.
                    same++;
                    return;
                }

                if (person == other)
                {
                    // Two identifiers of one person (linked, or spelt alike): not an encounter.
                    same++;
                    return;
                }

                var encounter = new Encounter(person, other, record.Start, record.Duration, record.Distance);
                builder.Add(encounter);
                last = last is { } l && l >= encounter.End ? l : encounter.End;
            }) is not { } bad)
        {
            return null;
        }

        if (same > 0)
        {
            error.WriteLine($"{TracingErrorCodes.EncounterCsv.SamePerson}  {file.Name}: {same:N0} encounters not between two people (one person's two identifiers, or an empty one) skipped.");
        }

        rejected += bad + same;
        latest = last;
        var index = builder.Build();
        error.WriteLine($"{index.Count:N0} encounters of {index.PersonCount:N0} Bluezone users read from {file.Name}.");
        return index;
    }

    private sealed record Input(FileInfo? Visits, FileInfo? Events, FileInfo? Links);

    private static Loaded? LoadVisits(TextWriter error, FileInfo visitsFile, VisitCsvReaderOptions reading)
    {
        var persons = new PseudonymTable(new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32)));
        var store = new VisitStore();
        using var reader = CliFiles.OpenText(visitsFile);
        var read = new VisitCsvReader(reader, reading).ReadInto(store, persons);
        if (!read.TryGetValue(out var summary))
        {
            // Messages name the line and field, never the row's content (it holds personal data).
            ReportFile(error, visitsFile.Name, read.Error);
            return null;
        }

        ReportBadRows(error, visitsFile.Name, summary.Errors, summary.Rejected);
        if (summary.Rejected > 0)
        {
            error.WriteLine($"{summary.Rejected:N0} bad rows skipped; {summary.Visits:N0} visits traced.");
        }

        return NamedByTable(store, persons, reading, summary.LatestCheckOut, summary.Rejected, visitsFile.Name);
    }

    /// <summary>Visits whose persons are named by their spelling in the file: cases spelt as the reader spells them, encounters as already spelt.</summary>
    private static Loaded NamedByTable(VisitStore store, PseudonymTable persons, VisitCsvReaderOptions reading, Instant? latest, long rejected, string fileName)
    {
        Func<string, string> canonical = reading.CanonicalKeys ? IdentifierText.CanonicalizePerson : text => text;
        return new Loaded(store, persons.IdentifierOf, person => persons.Pseudonymize(Key(canonical(person))), latest, rejected, fileName)
        {
            // The encounters reader has already spelt them as the visits reader does.
            EncounterPersonOf = persons.Pseudonymize,
        };
    }

    /// <summary>A problem reading a file, by its code and message (line and field at most, never the content: it holds personal data).</summary>
    private static void ReportFile(TextWriter error, string fileName, CheckInError problem) =>
        error.WriteLine($"{problem.Code}  {fileName}: {problem.GetMessage(MessageLanguage.English)}");

    /// <summary>
    /// A binary simulation file (<c>checkin simulate --out world.bin</c>): every visit as it happened, the ground truth
    /// rather than what a deployment recorded (the CSV is that), so a trace over it finds who truly shared a place.
    /// Residents print as their keys (<c>R0000042</c>), venues as their ids (<c>V000042</c>); each resident is
    /// pseudonymized once, on their first visit. A damaged file (cut short, a record out of range, a checksum that does
    /// not match) is refused whole: it cannot say which of its visits are sound.
    /// </summary>
    private static Loaded? LoadSimulation(TextWriter error, FileInfo file, VisitCsvReaderOptions reading)
    {
        using var stream = CliFiles.OpenRead(file);
        var opened = SimulationFiles.OpenBinary(stream);
        if (!opened.TryGetValue(out var simulation))
        {
            ReportFile(error, file.Name, opened.Error);
            return null;
        }

        var persons = new PseudonymTable(new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32)));
        var residents = new PersonPseudonym[simulation.Residents];
        var seen = new bool[simulation.Residents];
        var venues = new string?[simulation.Venues];
        var store = new VisitStore();
        var chunk = new SimulatedVisit[4096];
        Instant? latest = null;
        while (true)
        {
            var read = simulation.Read(chunk);
            if (!read.TryGetValue(out var count))
            {
                ReportFile(error, file.Name, read.Error);
                return null;
            }

            if (count == 0)
            {
                break;
            }

            foreach (var visit in chunk.AsSpan(0, count))
            {
                if (!seen[visit.Resident])
                {
                    residents[visit.Resident] = persons.Pseudonymize(SimulatedResident.KeyOf(visit.Resident));
                    seen[visit.Resident] = true;
                }

                var venue = venues[visit.Venue] ??= SimulatedVenue.IdOf(visit.Venue);
                store.Add(residents[visit.Resident], venue, visit.Arrival, visit.Departure, VisitClosure.CheckedOut);
                latest = latest is { } l && l >= visit.Departure ? l : visit.Departure;
            }
        }

        error.WriteLine($"{simulation.VisitsRead:N0} true visits of {persons.Count:N0} residents read from {file.Name} (the ground truth, every visit as it happened).");
        return NamedByTable(store, persons, reading, latest, 0, file.Name);
    }

    /// <summary>
    /// Raw events, with the links known: identifiers pseudonymized with their kind, linked into one person where the links
    /// say so, built into visits by the person's representative. A person prints as the first identifier the events show
    /// for them, as <c>id_kind:id</c>.
    /// </summary>
    private static Loaded? LoadEvents(TextWriter error, FileInfo eventsFile, FileInfo? linksFile, VenueRegistry venues, VisitCsvReaderOptions reading)
    {
        var pseudonymizer = new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32));
        var table = new PseudonymTable(pseudonymizer);
        var registry = new PersonRegistry();
        var seen = new HashSet<PersonPseudonym>();
        long bad = 0;
        if (linksFile is not null)
        {
            using var text = CliFiles.OpenText(linksFile);
            var reader = new PersonLinkCsvReader(text, reading);
            if (ReadRows(error, linksFile.Name, reading, reader.Read, () =>
                {
                    var link = reader.Current;
                    var first = table.Pseudonymize(link.First.Kind, link.First.Value, $"{link.FirstIdKind}:{link.First.Value}");
                    var second = table.Pseudonymize(link.Second.Kind, link.Second.Value, $"{link.SecondIdKind}:{link.Second.Value}");
                    registry.Link(first, second);
                    seen.Add(first);
                    seen.Add(second);
                }) is not { } linkRows)
            {
                return null;
            }

            bad += linkRows;
        }

        var names = new Dictionary<PersonPseudonym, string>();
        var checkInEvents = new List<CheckInEvent>();
        using (var text = CliFiles.OpenText(eventsFile))
        {
            var reader = new CheckInEventCsvReader(text, reading);
            if (ReadRows(error, eventsFile.Name, reading, reader.Read, () =>
                {
                    var record = reader.Current;
                    var written = $"{record.IdKind}:{record.Identifier}";
                    var pseudonym = table.Pseudonymize(record.Kind, record.Identifier, written);
                    seen.Add(pseudonym);
                    var person = registry.Resolve(pseudonym);
                    names.TryAdd(person, written);
                    checkInEvents.Add(new CheckInEvent(person, record.Venue, venues.KindOf(record.Venue), record.At, record.Event));
                }) is not { } eventRows)
            {
                return null;
            }

            bad += eventRows;
        }

        var built = new VisitBuilder().Build(checkInEvents);
        var store = new VisitStore();
        store.AddRange(built.Visits);
        if (built.Rejected.Count > 0)
        {
            // The events' codes and counts, never a person.
            foreach (var group in built.Rejected.GroupBy(r => r.Error.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                error.WriteLine($"{group.Key}  {group.Count():N0} events set aside ({group.First().Error.GetMessage(MessageLanguage.English)}).");
            }
        }

        if (bad > 0)
        {
            error.WriteLine($"{bad:N0} bad rows skipped; {built.Visits.Count:N0} visits traced.");
        }

        Instant? latest = built.Visits.Count == 0 ? null : built.Visits.Max(v => v.CheckOut);
        return new Loaded(store, p => names.TryGetValue(p, out var name) ? name : table.IdentifierOf(p), text => CaseOfEvents(text, pseudonymizer, registry, seen),
            latest, bad, eventsFile.Name)
        {
            // Bluezone knew its users by phone number; another kind may be given as id_kind:id.
            EncounterPersonOf = text =>
            {
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                var (kind, id, idKind) = colon > 0 && CheckInEventCsvReader.KindOf(text[..colon]) is { } stated
                    ? (stated, text[(colon + 1)..], text[..colon].ToLowerInvariant())
                    : (IdentifierKind.Phone, text, "phone");
                return registry.Resolve(table.Pseudonymize(kind, id, $"{idKind}:{id}"));
            },
        };
    }

    /// <summary>A case named as <c>id_kind:id</c>, or by the id alone when exactly one person of the input has it under some kind.</summary>
    private static PersonPseudonym CaseOfEvents(string text, PersonPseudonymizer pseudonymizer, PersonRegistry registry, HashSet<PersonPseudonym> seen)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && CheckInEventCsvReader.KindOf(text[..colon]) is { } stated)
        {
            return registry.Resolve(pseudonymizer.Pseudonymize(stated, Key(text[(colon + 1)..])));
        }

        var id = Key(text);
        var people = Enum.GetValues<IdentifierKind>()
            .Select(kind => pseudonymizer.Pseudonymize(kind, id))
            .Where(seen.Contains)
            .Select(registry.Resolve)
            .Distinct()
            .ToList();
        return people.Count switch
        {
            1 => people[0],
            0 => pseudonymizer.Pseudonymize(IdentifierKind.Opaque, id),
            _ => throw new UsageException($"--case {Masked(text)}: the id names {people.Count} people under different kinds; give id_kind:id (cccd, cmnd, bhyt, qid, phone, passport, paper)."),
        };
    }

    private static double? ParseScore(string? text, string option) =>
        text is null ? null
        : double.TryParse(text, System.Globalization.NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1 ? value
        : throw new UsageException($"{option} must be a number from 0 to 1, such as 0.01.");

    /// <summary>What the scores keep and expand: --top, --min-score, --expand-above.</summary>
    private sealed record Ranking(int? Top, double? MinScore, double? ExpandAbove);

    private static bool ReadVenues(TextWriter error, FileInfo venuesFile, VenueRegistry registry, VisitCsvReaderOptions reading, ref long rejected)
    {
        using var text = CliFiles.OpenText(venuesFile);
        var reader = new VenueCsvReader(text, registry, reading);
        if (ReadRows(error, venuesFile.Name, reading, reader.Read, () => { }) is not { } bad)
        {
            return false;
        }

        rejected += bad;
        return true;
    }

    /// <summary>
    /// Reads a CSV to its end: each record to <paramref name="onRecord"/>, bad rows reported (line and field, never
    /// content) and counted. Null when the read ended at a problem (strict, a wrong header, a quote never closed).
    /// </summary>
    private static long? ReadRows(TextWriter error, string fileName, VisitCsvReaderOptions reading, Func<Result<bool>> read, Action onRecord)
    {
        var errors = new List<CheckInError>();
        long bad = 0;
        while (true)
        {
            var step = read();
            if (!step.TryGetValue(out var more))
            {
                var code = step.Error.Code;
                if (!reading.SkipBadRecords || code.EndsWith(".Header", StringComparison.Ordinal) || code.EndsWith(".Quote", StringComparison.Ordinal))
                {
                    ReportFile(error, fileName, step.Error);
                    return null;
                }

                bad++;
                if (errors.Count < reading.MaxReportedErrors)
                {
                    errors.Add(step.Error);
                }

                continue;
            }

            if (!more)
            {
                ReportBadRows(error, fileName, errors, bad);
                return bad;
            }

            onRecord();
        }
    }

    private static void ReportBadRows(TextWriter error, string fileName, IReadOnlyList<CheckInError> errors, long rejected)
    {
        foreach (var problem in errors)
        {
            ReportFile(error, fileName, problem);
        }

        if (rejected > errors.Count)
        {
            error.WriteLine($"… and {rejected - errors.Count:N0} more bad rows.");
        }
    }

    private static void WriteCommunes(TextWriter output, IReadOnlyList<CommuneTally> tallies, int depth)
    {
        var levels = Enumerable.Range(1, Math.Max(1, depth)).Select(l => $"f{l}").ToArray();
        CsvRecordWriter.WriteRecord(output, ["commune_code", "commune", "venues", "contacts", .. levels]);
        foreach (var tally in tallies)
        {
            var byLevel = levels.Select((_, i) => (i < tally.ContactsByLevel.Count ? tally.ContactsByLevel[i] : 0).ToString(CultureInfo.InvariantCulture));
            CsvRecordWriter.WriteRecord(output, [tally.Commune?.FormattedCode ?? string.Empty, tally.Commune?.Name ?? "(not registered)",
                tally.Venues.ToString(CultureInfo.InvariantCulture), tally.Contacts.ToString(CultureInfo.InvariantCulture), .. byLevel]);
        }
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
