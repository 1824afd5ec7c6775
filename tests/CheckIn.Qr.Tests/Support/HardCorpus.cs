using CheckIn.Qr.Imaging;

namespace CheckIn.Qr.Tests.Support;

/// <summary>One generated test image and the texts of the codes in it.</summary>
internal sealed record CorpusImage(string Name, string Category, int Severity, LuminanceImage Image, IReadOnlyList<string> Texts);

/// <summary>
/// Generates the hard corpus: QR codes put through what cameras and printers do to them, each distortion in
/// twelve growing severities, so the hardest cases defeat every reader. Deterministic for a seed. Texts are
/// ASCII (national payloads as their apps fold them) so that readers which guess text encodings differently
/// are compared on finding and decoding codes, not on guessing; except the katakana category, which is about
/// guessing Shift_JIS from bytes without an ECI.
/// </summary>
internal static class HardCorpus
{
    public const int Severities = 12;

    private static readonly System.Text.Encoding ShiftJis = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(932)!;

    public static readonly string[] Categories =
        ["rotation", "perspective", "blur", "noise", "uneven-light", "low-contrast", "small-modules", "several-codes", "katakana"];

    /// <summary>Japanese texts in Shift_JIS byte mode without an ECI: half-width katakana (single bytes that are also Latin-1 letters) and full-width kana and kanji.</summary>
    public static readonly string[] JapaneseTexts =
    [
        "ｶﾀｶﾅ", "ﾁｪｯｸｲﾝ ｺｰﾄﾞ 2021", "ｺﾝﾋﾞﾆ ﾌｧﾐﾘｰﾏｰﾄ", "ﾀﾞｲﾁｮｳ ｺｳｴﾝ ﾅﾝﾊﾞｰ 46", "受付 チェックイン", "ﾎﾃﾙ ｻｲｺﾞﾝ 東京",
    ];

    public static IEnumerable<CorpusImage> Generate(int seed = 2021)
    {
        foreach (var category in Categories)
        {
            for (var severity = 0; severity < Severities; severity++)
            {
                yield return Make(category, severity, seed);
            }
        }
    }

    public static CorpusImage Make(string category, int severity, int seed)
    {
        // string.GetHashCode is randomized per process: derive the stream from stable values only.
        var random = new Random((seed * 1000) + (Array.IndexOf(Categories, category) * 100) + severity);
        var s = severity / (double)(Severities - 1); // 0 … 1
        var text = Payload(random);
        LuminanceImage image;
        List<string> texts = [text];
        switch (category)
        {
            case "rotation":
                image = Canvas(480, 480);
                QrImages.Place(image, Symbol(text, 4), QrImages.Rotated(240, 240, 260 - (severity * 10), 7 + (severity * 29.3)), supersample: 2);
                QrImages.Noise(image, 4, random.Next());
                break;
            case "perspective":
                {
                    image = Canvas(640, 480);
                    // The camera tilts more and more: one side of the code shrinks, the corners wander.
                    var k = 0.05 + (s * 0.6);
                    double J() => (random.NextDouble() - 0.5) * 30 * s;
                    (double X, double Y)[] corners =
                        [(180 + J(), 90 + (k * 60) + J()), (460 + J(), 90 + J()), (470 + J(), 400 + J()), (170 + J(), 400 - (k * 60) + J())];
                    if (random.Next(2) == 0)
                    {
                        corners = [.. corners.Select(c => (640 - c.X, c.Y)).Reverse()];
                        corners = [corners[3], corners[0], corners[1], corners[2]];
                    }

                    // Foreshortening: shrink the far side towards the middle.
                    var shrink = k * 0.8;
                    corners[0] = (corners[0].X + ((corners[1].X - corners[0].X) * shrink / 2), corners[0].Y);
                    corners[3] = (corners[3].X + ((corners[2].X - corners[3].X) * shrink / 2), corners[3].Y);
                    QrImages.Place(image, Symbol(text, 6), corners, supersample: 2);
                    QrImages.Noise(image, 4, random.Next());
                    break;
                }

            case "blur":
                image = Canvas(480, 480);
                QrImages.Place(image, Symbol(text, 5), QrImages.Rotated(240, 240, 300, random.Next(360)), supersample: 2);
                image = QrImages.Blur(QrImages.Blur(image, 1 + (severity / 2)), severity / 3);
                QrImages.Noise(image, 3, random.Next());
                break;
            case "noise":
                image = Canvas(480, 480);
                QrImages.Place(image, Symbol(text, 5), QrImages.Rotated(240, 240, 300, random.Next(360)), supersample: 2);
                QrImages.Noise(image, 10 + (severity * 12), random.Next());
                break;
            case "uneven-light":
                image = Canvas(480, 480);
                QrImages.Place(image, Symbol(text, 5), QrImages.Rotated(240, 240, 300, random.Next(360)), supersample: 2);
                Shade(image, 0.3 + (s * 0.68), random);
                QrImages.Noise(image, 3, random.Next());
                break;
            case "low-contrast":
                {
                    image = Canvas(480, 480);
                    QrImages.Place(image, Symbol(text, 5), QrImages.Rotated(240, 240, 300, random.Next(360)), supersample: 2);
                    var range = (int)Math.Round(70 - (s * 64)); // 70 grey levels down to 6
                    var low = (byte)random.Next(40, 150);
                    QrImages.Contrast(image, low, (byte)(low + range));
                    QrImages.Noise(image, 1.5, random.Next());
                    break;
                }

            case "small-modules":
                {
                    // From 3 pixels a module down to 1.
                    var symbol = Symbol(text, 8);
                    var modules = symbol.Width / 8.0;
                    var pixelsPerModule = 3.0 - (s * 2.0);
                    image = Canvas(320, 240);
                    QrImages.Place(image, symbol, QrImages.Rotated(160, 120, modules * pixelsPerModule, random.Next(-15, 15)), supersample: 4);
                    QrImages.Noise(image, 3, random.Next());
                    break;
                }

            case "several-codes":
                {
                    var count = 2 + (severity / 2); // 2 … 7 codes
                    image = Canvas(1024, 768);
                    texts = [];
                    var columns = (int)Math.Ceiling(Math.Sqrt(count * 4 / 3.0));
                    var rows = (int)Math.Ceiling(count / (double)columns);
                    var cell = Math.Min(1024 / columns, 768 / rows);
                    for (var i = 0; i < count; i++)
                    {
                        var t = i == 0 ? text : Payload(random);
                        texts.Add(t);
                        var cx = (cell / 2.0) + (i % columns * cell) + random.Next(-10, 10);
                        var cy = (cell / 2.0) + (i / columns * cell) + random.Next(-10, 10);
                        QrImages.Place(image, Symbol(t, 4), QrImages.Rotated(cx, cy, cell * 0.7, random.Next(360)), supersample: 2);
                    }

                    QrImages.Noise(image, 4 + (severity * 2), random.Next());
                    break;
                }

            case "katakana":
                {
                    // Growing rotation and noise, as the other categories, on codes whose text only reads right if the
                    // reader guesses Shift_JIS from the bytes.
                    text = JapaneseTexts[severity % JapaneseTexts.Length];
                    texts = [text];
                    image = Canvas(480, 480);
                    using var data = QrImages.EncodeBytes(ShiftJis.GetBytes(text));
                    QrImages.Place(image, QrImages.Render(data, 6), QrImages.Rotated(240, 240, 280, severity * 23.0), supersample: 2);
                    QrImages.Noise(image, 3 + (severity * 3), random.Next());
                    break;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(category));
        }

        return new CorpusImage($"{category}-{severity:D2}", category, severity, image, texts);
    }

    /// <summary>Payload-like ASCII texts of several lengths (versions 2 to about 10).</summary>
    public static string Payload(Random random)
    {
        const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + random.Next(10))));
        string Hex(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => "0123456789abcdef"[random.Next(16)]));
        string[] names = ["NGUYEN VAN AN", "TRAN THI BINH", "LE HOANG LONG", "PHAM THI MAI", "HOANG VAN NAM", "VO THI HOA"];
        return random.Next(5) switch
        {
            0 => $"0{Digits(11)}|{Digits(9)}|{names[random.Next(names.Length)]}|{Digits(8)}|Nam|{random.Next(1, 300)} Le Loi, Phuong Phu Hoi, Hue|{Digits(8)}",
            1 => $"https://tokhaiyte.vn/?page=Group.checkin&groupId={Hex(24)}",
            2 => $"HTTPS://CHECKIN.EXAMPLE.VN/C/{string.Concat(Enumerable.Range(0, 30 + random.Next(40)).Select(_ => Base32[random.Next(32)]))}",
            3 => $"DN{Digits(13)}|{names[random.Next(names.Length)]}|{Digits(2)}/{Digits(2)}/19{Digits(2)}|1|{Digits(5)}",
            _ => $"QID{Digits(9)}|{names[random.Next(names.Length)]}|{Digits(10)}",
        };
    }

    private static LuminanceImage Symbol(string text, int modulePixels)
    {
        using var data = QrImages.Encode(text);
        return QrImages.Render(data, modulePixels);
    }

    /// <summary>A light grey background, as paper under room light.</summary>
    private static LuminanceImage Canvas(int width, int height)
    {
        var image = LuminanceImage.White(width, height);
        image.Pixels.AsSpan().Fill(232);
        return image;
    }

    /// <summary>Light falling off from a lamp at a random point, by up to <paramref name="strength"/>.</summary>
    private static void Shade(LuminanceImage image, double strength, Random random)
    {
        var lx = random.NextDouble() * image.Width;
        var ly = random.NextDouble() * image.Height;
        var reach = Math.Sqrt((image.Width * image.Width) + (image.Height * image.Height));
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var d = Math.Sqrt(((x - lx) * (x - lx)) + ((y - ly) * (y - ly))) / reach;
                var factor = 1 - (strength * Math.Min(1, d * 1.4));
                image.Pixels[(y * image.Stride) + x] = (byte)(image[x, y] * factor);
            }
        }
    }
}
