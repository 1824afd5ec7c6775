using System.CommandLine;
using CheckIn.Cli.Io;
using CheckIn.Declarations;

namespace CheckIn.Cli.Commands;

/// <summary><c>checkin declaration validate FILE.json</c>: validates a declaration or venue record.</summary>
public static class DeclarationCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "The JSON document." };
        var kind = new Option<string?>("--kind") { Description = "domestic, entry, venue, paper-log, specimen or safety-check; without it the document's kind property decides." };
        kind.AcceptOnlyFromAmong("domestic", "entry", "venue", "paper-log", "specimen", "safety-check");
        var language = PayloadCommand.LanguageOption();
        var validate = new Command("validate", "Validate a JSON document; print each failure as 'code  property  message'; exit 1 when invalid.") { file, kind, language };
        validate.SetAction(parse =>
        {
            var lang = parse.GetValue(language);
            DocumentKind? asked = parse.GetValue(kind) is { } name && DeclarationJson.TryParseKind(name, out var parsed) ? parsed : null;
            var read = DeclarationJson.Read(CliFiles.ReadText(parse.GetRequiredValue(file)), asked);
            var failures = read.Document is { } document ? new DeclarationValidator().Validate(document).Failures : read.Failures;
            foreach (var failure in failures)
            {
                var where = failure.DescribeLocation(lang);
                output.WriteLine($"{failure.Code}  {(where.Length == 0 ? "-" : where)}  {failure.GetDescription(lang)}");
            }

            if (failures.Count == 0)
            {
                output.WriteLine($"valid {DeclarationJson.NameOf(read.Document!.Kind)}");
                return ExitCodes.Success;
            }

            return ExitCodes.Invalid;
        });
        return new Command("declaration", "Validate health declarations and venue records.") { validate };
    }
}
