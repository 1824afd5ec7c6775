using System.CommandLine;
using System.Security.Cryptography;
using CheckIn.Cli.Io;
using CheckIn.Core;
using CheckIn.Tracing;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Venues;
using CheckIn.Tracing.Visits;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Cli.Commands;

/// <summary>
/// <c>checkin record</c>: raw check-in events in, visits out as they settle, so a pipeline can be watched live.
/// </summary>
public static class RecordCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var events = new Option<string>("--events") { Description = "The events CSV (id_kind,id,venue,event,at[,channel]); - (the default) reads standard input, one line at a time.", DefaultValueFactory = _ => "-" };
        var horizon = new Option<int>("--horizon-minutes") { Description = "How late an event may arrive and still be placed (0 to 10080).", DefaultValueFactory = _ => 10 };
        var venues = new Option<FileInfo?>("--venues") { Description = "CSV of venue,kind[,commune,name]: each venue's kind sets how long a visit without check-out lasts." };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad row (exit 1) instead of reporting it, recording the rest and exiting 4." };
        var command = new Command("record", "Record check-in events as they come and print each visit once it is settled: person,venue,check_in,check_out,closure.")
        {
            events, horizon, venues, strict,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(horizon) is < 0 or > 10080)
            {
                throw new CliProblem(CliProblem.Usage, "--horizon-minutes is 0 to 10080.");
            }

            var registry = new VenueRegistry();
            long badVenues = 0;
            if (parse.GetValue(venues) is { } venuesFile && !ReadVenues(error, venuesFile, registry, parse.GetValue(strict), out badVenues))
            {
                return ExitCodes.Invalid;
            }

            var path = parse.GetRequiredValue(events);
            using var owned = path == "-" ? null : CliFiles.OpenText(new FileInfo(path));
            return Run(owned ?? Console.In, output, error, Duration.FromMinutes(parse.GetValue(horizon)), parse.GetValue(strict), path == "-" ? "stdin" : Path.GetFileName(path), registry, badVenues);
        });
        return command;
    }

    private static bool ReadVenues(TextWriter error, FileInfo file, VenueRegistry registry, bool strict, out long bad)
    {
        using var text = CliFiles.OpenText(file);
        var reader = new VenueCsvReader(text, registry, new VisitCsvReaderOptions { SkipBadRecords = !strict });
        bad = 0;
        while (true)
        {
            var step = reader.Read();
            if (step.TryGetValue(out var more))
            {
                if (!more)
                {
                    return true;
                }

                continue;
            }

            error.WriteLine($"{step.Error.Code}  {file.Name}: {step.Error.GetMessage(MessageLanguage.English)}");
            if (strict || step.Error.Code is TracingErrorCodes.VenueCsv.Header or TracingErrorCodes.VenueCsv.Quote)
            {
                return false;
            }

            bad++;
        }
    }

    private static int Run(TextReader input, TextWriter output, TextWriter error, Duration horizon, bool strict, string name, VenueRegistry venues, long badVenues)
    {
        // A key for this run only: pseudonyms are never stored; the way back to the written identifier lives in this process.
        var pseudonymizer = new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32));
        var written = new Dictionary<PersonPseudonym, string>();
        var reader = new CheckInEventCsvReader(input, new VisitCsvReaderOptions { SkipBadRecords = !strict });
        var recorder = new VisitRecorder(new VisitRecorderOptions { Horizon = horizon });
        CsvRecordWriter.WriteRecord(output, "person", "venue", "check_in", "check_out", "closure");
        var bad = badVenues;
        while (true)
        {
            var step = reader.Read();
            if (!step.TryGetValue(out var more))
            {
                error.WriteLine($"{step.Error.Code}  {name}: {step.Error.GetMessage(MessageLanguage.English)}");
                if (strict || step.Error.Code is TracingErrorCodes.EventCsv.Header or TracingErrorCodes.EventCsv.Quote)
                {
                    Print(recorder.Complete());
                    return ExitCodes.Invalid;
                }

                bad++;
                continue;
            }

            if (!more)
            {
                break;
            }

            var record = reader.Current;
            var person = pseudonymizer.Pseudonymize(record.Kind, record.Identifier);
            written.TryAdd(person, $"{record.IdKind}:{record.Identifier}");
            Print(recorder.Record(new CheckInEvent(person, record.Venue, venues.KindOf(record.Venue), record.At, record.Event)));
        }

        Print(recorder.Complete());
        if (bad > 0)
        {
            error.WriteLine($"{bad:N0} bad rows skipped.");
        }

        return bad > 0 ? ExitCodes.Partial : ExitCodes.Success;

        void Print(RecordingStep step)
        {
            foreach (var rejected in step.Rejected)
            {
                // The event's time and venue, never the person.
                error.WriteLine($"{rejected.Error.Code}  {rejected.Event.Venue} {rejected.Event.Kind} {InstantPattern.ExtendedIso.Format(rejected.Event.At)}");
            }

            foreach (var visit in step.Closed)
            {
                CsvRecordWriter.WriteRecord(output, written[visit.Person], visit.Venue, InstantPattern.ExtendedIso.Format(visit.CheckIn),
                    InstantPattern.ExtendedIso.Format(visit.CheckOut), visit.Closure.ToString());
            }

            if (step.Closed.Count > 0)
            {
                output.Flush();
            }
        }
    }
}
