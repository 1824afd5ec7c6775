using System.Xml.Linq;
using CheckIn.Qr.Imaging;

namespace CheckIn.Qr.Tests.Support;

/// <summary>
/// Runs <c>zbarimg</c> (Debian's zbar-tools, an independent QR decoder) over many images in one process and
/// returns the texts it found in each.
/// </summary>
internal static class ZbarImg
{
    public const string Program = "zbarimg";

    /// <summary>Fails the test with instructions when zbarimg is not installed.</summary>
    public static void Require() => ExternalTool.Require(Program, "zbar-tools");

    /// <summary>Writes the images as PNG into a temporary folder and decodes them all with one zbarimg run.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Decode(IReadOnlyList<LuminanceImage> images)
    {
        var folder = Directory.CreateTempSubdirectory("checkin-zbar-");
        try
        {
            var files = new List<string>();
            for (var i = 0; i < images.Count; i++)
            {
                var file = Path.Combine(folder.FullName, $"{i:D4}.png");
                File.WriteAllBytes(file, PngWriter.Write(images[i]));
                files.Add(file);
            }

            return DecodeFiles(files);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Decodes files with one zbarimg run (QR only, XML output).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> DecodeFiles(IReadOnlyList<string> files)
    {
        var (_, output) = ExternalTool.Run(Program, ["--xml", "-q", "-Sdisable", "-Sqrcode.enable", .. files]);

        // Exit code 4 means "no symbol found in some image"; the XML still lists the rest.
        var found = files.ToDictionary(f => f, _ => new List<string>());
        if (output.Length == 0)
        {
            return [.. files.Select(f => (IReadOnlyList<string>)found[f])];
        }

        XNamespace ns = "http://zbar.sourceforge.net/2008/barcode";
        foreach (var source in XDocument.Parse(output).Root!.Elements(ns + "source"))
        {
            var href = (string)source.Attribute("href")!;
            if (!found.TryGetValue(href, out var texts))
            {
                continue;
            }

            var data = source.Descendants(ns + "data").ToList();
            if (data.Any(d => (string?)d.Attribute("format") == "base64"))
            {
                // zbarimg's XML output garbles non-ASCII text into base64 of other bytes; its plain output is right.
                var (_, plain) = ExternalTool.Run(Program, ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", href]);
                texts.AddRange(plain.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }

            texts.AddRange(data.Select(d => d.Value));
        }

        return [.. files.Select(f => (IReadOnlyList<string>)found[f])];
    }
}
