using System.CommandLine;
using System.Globalization;
using CheckIn.Core;
using CheckIn.Core.Payloads;
using CheckIn.Qr;
using CheckIn.Qr.Printing;

namespace CheckIn.Cli.Commands;

/// <summary><c>checkin qr render</c>: print-ready venue posters, personal cards and bare codes as PNG or SVG.</summary>
public static class QrCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("qr", "Make print-ready QR posters, cards and codes.");
        command.Subcommands.Add(CreateRender(output, error));
        return command;
    }

    private static Command CreateRender(TextWriter output, TextWriter error)
    {
        var payload = new Option<string>("--payload") { Description = "The text to encode (quote it).", Required = true };
        var preset = new Option<string>("--preset") { Description = "venue (A4 poster, 15 cm code, 1 m), card (personal card, 5 cm code, 0.3 m) or code (the bare symbol, venue sizes).", DefaultValueFactory = _ => "venue" };
        preset.AcceptOnlyFromAmong("venue", "card", "code");
        var outFile = new Option<FileInfo>("--out") { Description = "The file to write: .png or .svg.", Required = true };
        var name = new Option<string?>("--name") { Description = "Poster: the venue's name (default: a generic check-in point)." };
        var address = new Option<string?>("--address") { Description = "Poster: the venue's address." };
        var title = new Option<string?>("--title") { Description = "Poster or card: the title at the top." };
        var holder = new Option<string?>("--holder-name") { Description = "Card: the holder's name (printed masked); default: from the payload." };
        var number = new Option<string?>("--document-number") { Description = "Card: the ID/CMND/passport number (printed masked); default: from the payload." };
        var issuer = new Option<string?>("--issuer") { Description = "Card: who issued it, e.g. 'Tỉnh Thừa Thiên Huế'." };
        var size = new Option<double?>("--size-cm") { Description = "The symbol's side without quiet zone, in cm (default: the preset's)." };
        var dpi = new Option<int?>("--dpi") { Description = "PNG resolution in dots per inch (default 300)." };
        var distance = new Option<double?>("--distance-m") { Description = "The scanning distance in metres the modules must suit (default: the preset's)." };
        var level = new Option<QrErrorCorrectionLevel?>("--level") { Description = "Error-correction level L, M, Q or H (default: the highest that keeps modules large enough)." };
        var language = PayloadCommand.LanguageOption();
        var command = new Command("render", "Render a payload as a venue poster, a personal card or a bare code, sized for print; exit 1 when it cannot be printed as asked.")
        {
            payload, preset, outFile, name, address, title, holder, number, issuer, size, dpi, distance, level, language,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(outFile).FullName;
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not ".png" and not ".svg")
            {
                error.WriteLine("--out must end in .png or .svg.");
                return ExitCodes.Usage;
            }

            var kind = parse.GetValue(preset) ?? "venue";
            var options = kind == "card" ? QrPrintOptions.PersonalCard : QrPrintOptions.VenuePoster;
            options = options with
            {
                SymbolCentimetres = parse.GetValue(size) ?? options.SymbolCentimetres,
                DotsPerInch = parse.GetValue(dpi) ?? options.DotsPerInch,
                ScanDistanceMetres = parse.GetValue(distance) ?? options.ScanDistanceMetres,
                ErrorCorrection = parse.GetValue(level) ?? options.ErrorCorrection,
            };

            var text = parse.GetRequiredValue(payload);
            Result<QrDocument> document;
            QrSymbol symbol;
            try
            {
                switch (kind)
                {
                    case "code":
                        {
                            var encoded = QrSymbol.Encode(text, options);
                            if (!encoded.TryGetValue(out symbol!))
                            {
                                return Fail(output, encoded.Error, parse.GetValue(language));
                            }

                            Write(path, extension, symbol.ToPng, symbol.ToSvg);
                            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"wrote {Path.GetFileName(path)}: code {Describe(symbol)}"));
                            return ExitCodes.Success;
                        }

                    case "card":
                        {
                            var (holderName, documentNumber) = PersonFrom(text);
                            holderName = parse.GetValue(holder) ?? holderName;
                            documentNumber = parse.GetValue(number) ?? documentNumber;
                            if (holderName is null || documentNumber is null)
                            {
                                error.WriteLine("The payload is not a personal code this tool reads: give --holder-name and --document-number.");
                                return ExitCodes.Usage;
                            }

                            var content = new PersonalCardContent { HolderName = holderName, DocumentNumber = documentNumber, Issuer = parse.GetValue(issuer) };
                            document = QrDocument.PersonalCard(text, parse.GetValue(title) is { } t ? content with { Title = t } : content, options);
                            break;
                        }

                    default:
                        {
                            var content = new VenuePosterContent
                            {
                                VenueName = parse.GetValue(name) ?? "Điểm kiểm soát ra vào",
                                Address = parse.GetValue(address) ?? string.Empty,
                            };
                            document = QrDocument.VenuePoster(text, parse.GetValue(title) is { } t ? content with { Title = t } : content, options);
                            break;
                        }
                }

                if (!document.TryGetValue(out var page))
                {
                    return Fail(output, document.Error, parse.GetValue(language));
                }

                Write(path, extension, page.ToPng, page.ToSvg);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {Path.GetFileName(path)}: {(kind == "card" ? "card" : "poster")} {page.WidthMillimetres:0} × {page.HeightMillimetres:0} mm, code {Describe(page.Symbol)}"));
                return ExitCodes.Success;
            }
            catch (InvalidOptionsException exception)
            {
                foreach (var problem in exception.Errors)
                {
                    error.WriteLine($"{problem.Code}  {problem.GetMessage(parse.GetValue(language))}");
                }

                return ExitCodes.Usage;
            }
            catch (ArgumentOutOfRangeException exception)
            {
                error.WriteLine(exception.Message);
                return ExitCodes.Usage;
            }
            catch (InvalidOperationException exception)
            {
                error.WriteLine(exception.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static string Describe(QrSymbol symbol) => string.Create(CultureInfo.InvariantCulture,
        $"version {symbol.Version}-{symbol.ErrorCorrectionLevel}, {symbol.PrintedCentimetres:0.##} cm ({symbol.Modules} modules of {symbol.ModuleMillimetres:0.##} mm, at least {symbol.Options.MinimumModuleMillimetres:0.##} mm for {symbol.Options.ScanDistanceMetres:0.##} m), {symbol.Options.DotsPerInch} dpi{(symbol.Utf8Eci ? ", UTF-8 (ECI)" : string.Empty)}");

    private static void Write(string path, string extension, Func<byte[]> png, Func<string> svg)
    {
        if (extension == ".png")
        {
            File.WriteAllBytes(path, png());
        }
        else
        {
            File.WriteAllText(path, svg());
        }
    }

    private static int Fail(TextWriter output, CheckInError error, MessageLanguage language)
    {
        var field = error.Field == CheckInError.None ? "-" : error.Field.ToString(CultureInfo.InvariantCulture);
        output.WriteLine($"{error.Code}  field {field}  position {error.Position}  {error.GetMessage(language)}");
        return ExitCodes.Invalid;
    }

    /// <summary>The holder's name and document number when the payload is a personal code with them.</summary>
    private static (string? Name, string? Number) PersonFrom(string text) =>
        PayloadReader.Read(text).TryGetValue(out var read)
            ? read switch
            {
                CitizenCardPayload card => (card.FullName, card.IdNumber.Value),
                PersonalQrPayload personal => (personal.FullName, personal.Document.Number),
                HealthInsuranceCardPayload insurance => (insurance.FullName, insurance.CardNumber.Value),
                _ => (null, null),
            }
            : (null, null);
}
