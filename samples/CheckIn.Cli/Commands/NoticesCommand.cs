using System.CommandLine;
using System.Text;
using System.Text.Json;
using CheckIn.Cli.Io;
using CheckIn.Core;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Cli.Commands;

/// <summary>
/// <c>checkin notices read|match</c>: what a citizen's app does with a published exposure-notice package: verify it
/// against the authority's trust list, print it, and match one person's own visits against it.
/// </summary>
public static class NoticesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("notices", "Verify an exposure-notice package (made by 'trace --notices-out') and match visits against it.");
        command.Subcommands.Add(CreateRead(output));
        command.Subcommands.Add(CreateMatch(output, error));
        return command;
    }

    private static (Argument<FileInfo> Package, Option<FileInfo> TrustList) Inputs() =>
        (new Argument<FileInfo>("package") { Description = "The package file." },
         new Option<FileInfo>("--trust-list") { Description = "The authority's trust list (JWK set); its key must sign notices.", Required = true });

    private static Command CreateRead(TextWriter output)
    {
        var (package, trustList) = Inputs();
        var language = PayloadCommand.LanguageOption();
        var command = new Command("read", "Verify the package and print its notices as JSON; exit 1 with a coded error when it is unsigned, forged or malformed.")
        {
            package, trustList, language,
        };
        command.SetAction(parse =>
        {
            var read = Read(parse.GetRequiredValue(package), parse.GetRequiredValue(trustList));
            if (!read.TryGetValue(out var verified))
            {
                output.WriteLine($"{read.Error.Code}  {read.Error.GetMessage(parse.GetValue(language))}");
                return ExitCodes.Invalid;
            }

            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, PayloadCommand.JsonOptions))
            {
                json.WriteStartObject();
                json.WriteNumber("keyId", verified.KeyId);
                json.WriteString("issuedAt", verified.IssuedAt.ToString());
                json.WriteStartArray("notices");
                foreach (var notice in verified.Notices)
                {
                    json.WriteStartObject();
                    json.WriteString("venue", notice.Venue);
                    json.WriteString("from", notice.From.ToString());
                    json.WriteString("until", notice.Until.ToString());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateMatch(TextWriter output, TextWriter error)
    {
        var (package, trustList) = Inputs();
        var visits = new Option<FileInfo>("--visits") { Description = "The person's own visits: CSV person,venue,check_in,check_out (every row is taken as theirs).", Required = true };
        var minOverlap = new Option<int>("--min-overlap-minutes") { Description = "Shortest overlap that counts as exposure.", DefaultValueFactory = _ => 15 };
        var command = new Command("match", "Match one person's own visits against a verified package, on their device: print each exposure (venue, from, overlap); exit 0 either way.")
        {
            package, trustList, visits, minOverlap,
        };
        command.SetAction(parse =>
        {
            var read = Read(parse.GetRequiredValue(package), parse.GetRequiredValue(trustList));
            if (!read.TryGetValue(out var verified))
            {
                output.WriteLine($"{read.Error.Code}  {read.Error.GetMessage(MessageLanguage.English)}");
                return ExitCodes.Invalid;
            }

            if (parse.GetValue(minOverlap) is < 0 or > 1440)
            {
                throw new CliProblem(CliProblem.Usage, "--min-overlap-minutes is 0 to 1440.");
            }

            var own = new List<Visit>();
            using (var text = CliFiles.OpenText(parse.GetRequiredValue(visits)))
            {
                var reader = new VisitCsvReader(text);
                while (true)
                {
                    var step = reader.Read();
                    if (!step.TryGetValue(out var more))
                    {
                        error.WriteLine($"{step.Error.Code}  {parse.GetRequiredValue(visits).Name}: {step.Error.GetMessage(MessageLanguage.English)}");
                        return ExitCodes.Invalid;
                    }

                    if (!more)
                    {
                        break;
                    }

                    var record = reader.Current;
                    own.Add(new Visit(new PersonPseudonym(0, 1), record.Venue, record.CheckIn, record.CheckOut));
                }
            }

            var matches = new ExposureMatcher(verified, Duration.FromMinutes(parse.GetValue(minOverlap))).Match(own);
            foreach (var match in matches)
            {
                output.WriteLine($"{match.Notice.Venue}\t{match.ExposedAt}\t{match.Overlap.TotalMinutes:0} min");
            }

            error.WriteLine(matches.Count == 0 ? "No exposure." : $"{matches.Count} exposures.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Result<ExposureNoticePackage> Read(FileInfo package, FileInfo trustList)
    {
        var ring = TrustList.Read(CliFiles.ReadBytes(trustList, TrustList.MaxLength));
        if (!ring.TryGetValue(out var keys))
        {
            throw new CliProblem(CliProblem.KeyInvalid, $"{trustList.Name}: {ring.Error.Code} {ring.Error.GetMessage(MessageLanguage.English)}.");
        }

        using (keys)
        {
            return ExposureNoticePackage.Read(CliFiles.ReadBytes(package, ExposureNoticePackage.MaxLength), keys, SystemClock.Instance);
        }
    }
}
