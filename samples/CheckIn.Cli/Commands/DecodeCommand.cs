using System.CommandLine;
using System.Text;
using System.Text.Json;
using CheckIn.Cli.Io;
using CheckIn.Core;
using CheckIn.Core.Payloads;
using CheckIn.Qr;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Skia;
using CheckIn.Qr.ZXing;

namespace CheckIn.Cli.Commands;

/// <summary><c>checkin decode IMAGE</c>: find and decode every QR code in a photo or scan (JPEG, PNG, WebP, PGM, PPM, …).</summary>
public static class DecodeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var image = new Argument<FileInfo>("image") { Description = "A photo or scan: JPEG, PNG, WebP, GIF, BMP, PGM or PPM." };
        var json = new Option<bool>("--json") { Description = "Print JSON: each code's text, version, level, corners, corrections, and the national payload it holds (kind and fields)." };
        var reveal = new Option<bool>("--reveal") { Description = "Print personal codes (ID cards, health-insurance cards, personal QR) in full; masked by default." };
        var language = PayloadCommand.LanguageOption();
        var readerName = new Option<string>("--reader") { Description = "checkin (CheckIn's own reader, bounded work per image; the default) or zxing (ZXing.Net).", DefaultValueFactory = _ => "checkin" };
        readerName.AcceptOnlyFromAmong("checkin", "zxing");
        var command = new Command("decode", "Print the text of each QR code in an image, one per line (exit 0), or nothing with exit 3 when there is none; exit 1 when the file is not a readable image.")
        {
            image, json, reveal, language, readerName,
        };
        command.SetAction(parse =>
        {
            var bytes = CliFiles.ReadBytes(parse.GetRequiredValue(image));
            var picture = ImageReader.Read(bytes);
            if (!picture.Success && picture.Error.Code == QrErrorCodes.Image.UnknownFormat)
            {
                // Not PNG or PNM: camera formats (JPEG, WebP, …) through SkiaSharp, at a size the reader bounds.
                picture = SkiaImageReader.Read(bytes);
            }

            if (!picture.TryGetValue(out var pixels))
            {
                var problem = picture.Error;
                output.WriteLine($"{problem.Code}  {problem.GetMessage(parse.GetValue(language))}");
                return ExitCodes.Invalid;
            }

            IQrImageReader reader = parse.GetValue(readerName) == "zxing" ? new ZXingQrReader() : new ManagedQrReader();
            var codes = reader.Read(pixels);

            if (codes.Count == 0)
            {
                return ExitCodes.NotFound;
            }

            var show = parse.GetValue(reveal);
            if (parse.GetValue(json))
            {
                WriteJson(output, codes, show, parse.GetValue(language));
            }
            else
            {
                foreach (var code in codes)
                {
                    output.WriteLine(Printable(code.Text, show));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The text as printed: in full when revealed, otherwise through CheckIn's one masking policy.</summary>
    internal static string Printable(string text, bool reveal) => reveal ? text : Redaction.MaskScannedText(text);

    private static void WriteJson(TextWriter output, IReadOnlyList<QrCode> codes, bool reveal, MessageLanguage language)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, PayloadCommand.JsonOptions))
        {
            json.WriteStartArray();
            foreach (var code in codes)
            {
                json.WriteStartObject();
                json.WriteString("text", Printable(code.Text, reveal));
                json.WriteNumber("version", code.Version);
                json.WriteString("level", code.ErrorCorrectionLevel.ToString());
                json.WriteNumber("correctedCodewords", code.CorrectedCodewords);
                json.WriteBoolean("mirrored", code.Mirrored);
                json.WriteBoolean("inverted", code.Inverted);
                json.WriteStartArray("corners");
                foreach (var corner in code.Corners)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(Math.Round(corner.X, 1));
                    json.WriteNumberValue(Math.Round(corner.Y, 1));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                if (code.StructuredAppend is { } part)
                {
                    json.WriteStartObject("structuredAppend");
                    json.WriteNumber("index", part.Index);
                    json.WriteNumber("count", part.Count);
                    json.WriteNumber("parity", part.Parity);
                    json.WriteEndObject();
                }

                var payload = PayloadReader.Read(code.Text);
                if (payload.TryGetValue(out var read))
                {
                    json.WritePropertyName("payload");
                    PayloadJson.Write(json, read, reveal);
                }
                else
                {
                    json.WritePropertyName("payloadError");
                    CheckInErrorJson.Write(json, payload.Error, language);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
