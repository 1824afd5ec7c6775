using System.Diagnostics;
using System.Text.RegularExpressions;
using CheckIn.Qr;
using CheckIn.Qr.Imaging;
using CheckIn.Simulation;

namespace CheckIn.Cli.Tests;

/// <summary>One small demo run, shared by the tests that only read what it wrote.</summary>
public sealed class SmallDemo : IDisposable
{
    public SmallDemo()
    {
        Folder = Directory.CreateTempSubdirectory("checkin-demo-");
        Result = CliRunner.Run("demo", "--residents", Residents.ToString(System.Globalization.CultureInfo.InvariantCulture), "--days", "7", "--seed", "11", "--out", Folder.FullName);
    }

    public const int Residents = 2500;

    public DirectoryInfo Folder { get; }

    public CliRunner.Result Result { get; }

    public void Dispose() => Folder.Delete(recursive: true);
}

public sealed class DemoCommandTests(SmallDemo demo) : IClassFixture<SmallDemo>
{
    [Fact]
    public void Demo_RunsEveryStepAndPrintsCountsTimingsAndRecall()
    {
        Assert.Equal(ExitCodes.Success, demo.Result.ExitCode);
        var output = demo.Result.Output;
        foreach (var package in new[] { "Core", "Declarations", "Qr", "Tracing", "Simulation" })
        {
            Assert.Matches($@"CheckIn\.{package}\s+\d+\.\d+\.\d+", output);
        }

        Assert.Matches(@"Thành phố Huế: 2,500 residents \([\d,]+ with a smartphone\), \d+ venues in \d+ communes, 7 days from 2021-09-06 \(seed 11\)", output);
        Assert.Matches(@"Declarations: (\d+) of \1 venue registrations valid; [\d,]+ of 2,000 sample health declarations valid \(rejected: .*Text\.NotUpperCase", output);
        Assert.Contains("read back from the PNGs and parsed: 6 of 6 (TokhaiyteVenue ×4, CitizenCard ×2)", output, StringComparison.Ordinal);
        Assert.Matches(@"Visits: [\d,]+ happened; app [\d.]+%, card scan [\d.]+%, paper log [\d.]+%, unrecorded [\d.]+%", output);
        Assert.Matches(@"paper entries matched by phone and name: [\d,]+ of [\d,]+ \(0 to the wrong person\)", output);
        Assert.Matches(@"Tracing: \d+ cases \(symptoms by 2021-09-12\) traced to F2 in [\d,]+ ms: [\d,]+ F1, [\d,]+ F2", output);
        Assert.Matches(@"F1 recall [\d.]+%, precision [\d.]+%; F2 recall [\d.]+%, precision [\d.]+%", output);
        Assert.Equal(7, Regex.Count(output, @"^  done in [\d.]+ s$", RegexOptions.Multiline));
    }

    [Fact]
    public void Demo_WritesTheReportFolder()
    {
        var html = File.ReadAllText(Path.Combine(demo.Folder.FullName, "index.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Matches("index case R\\d{7} and the \\d+ infections", html);
        Assert.Equal(6, Regex.Count(html, "<img src=\"posters/[^\"]+\\.png\""));
        Assert.DoesNotContain("NOT read back", html, StringComparison.Ordinal);

        var posters = demo.Folder.GetDirectories("posters").Single().GetFiles();
        Assert.Equal(12, posters.Length);
        Assert.All(posters.Where(p => p.Extension == ".svg"), p => Assert.StartsWith("<svg", File.ReadAllText(p.FullName).TrimStart().Split('\n').First(l => l.StartsWith("<svg", StringComparison.Ordinal)), StringComparison.Ordinal));

        var contacts = File.ReadAllLines(Path.Combine(demo.Folder.FullName, "contacts.csv"));
        Assert.Equal("person,resident,level,exposed_at,venue,venue_name,overlap_minutes,source,source_resident,infected,in_ground_truth_trace", contacts[0]);
        Assert.True(contacts.Length > 10);
        // A contact without a resident is a paper-log entry that matched nobody registered: traced as a person of its own.
        Assert.All(contacts.Skip(1), l => Assert.Matches(@"^[0-9a-f]{32},(R\d{7})?,[12],2021-09-\d\dT\d\d:\d\d:\d\dZ,V\d{6},.+,\d+,[0-9a-f]{32},(R\d{7})?,(yes|no),(yes|no)$", l));
        Assert.Contains("One person behind many cards", html, StringComparison.Ordinal);
        Assert.Matches("cards apart \\(no linking\\)</span></td><td class=\"n\">[\\d,]+</td><td class=\"n\">\\d+\\.\\d%", html);

        // Vietnamese first, English behind the switch; the sections a health official reads, with their charts.
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"to-en\" href=\"#en\">English</a>", html, StringComparison.Ordinal);
        foreach (var heading in new[] { "Diễn biến theo ngày", "Người tiếp xúc theo xã, phường", "Các địa điểm có nhiều người phơi nhiễm nhất", "Danh sách cần theo dõi hôm nay", "Một chuỗi lây nhiễm", "Cách tính", "Số liệu kỹ thuật" })
        {
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }

        Assert.True(html.IndexOf("Số liệu kỹ thuật", StringComparison.Ordinal) > html.IndexOf("Cách tính", StringComparison.Ordinal), "engineering figures come last");
        Assert.True(Regex.Count(html, "<svg ") >= 7, "two charts a language for the curve, two for communes and kinds, and the chain");
        Assert.Matches(@"<td>R\d{7}</td><td>F[12]</td><td>\d\d/09/2021</td>", html);

        // The cluster's labels never overlap one another (each key's box: 6.2 px a character at 10.5 px, 11 px tall).
        var chain = html[html.IndexOf("aria-label=\"Infection chain of one cluster\"", StringComparison.Ordinal)..];
        chain = chain[..chain.IndexOf("</svg>", StringComparison.Ordinal)];
        var boxes = Regex.Matches(chain, "<text x=\"(\\d+)\" y=\"(-?\\d+)\" font-size=\"10.5\" text-anchor=\"middle\"[^>]*>(R\\d{7})</text>")
            .Select(m => (X: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Width: m.Groups[3].Value.Length * 6.2))
            .ToList();
        Assert.True(boxes.Count > 1, "the chain has labelled nodes");
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var overlap = Math.Abs(a.X - b.X) < (a.Width + b.Width) / 2 && Math.Abs(a.Y - b.Y) < 11;
                Assert.False(overlap, $"labels at ({a.X}, {a.Y}) and ({b.X}, {b.Y}) overlap");
            }
        }
    }

    [Fact]
    public async Task Demo_WritesParquetForResearchers()
    {
        async Task<(Dictionary<string, Type> Types, long Rows)> Read(string name)
        {
            using var file = File.OpenRead(Path.Combine(demo.Folder.FullName, name));
            await using var reader = await global::Parquet.ParquetReader.CreateAsync(file);
            using var rows = reader.OpenRowGroupReader(0);
            return (reader.Schema.DataFields.ToDictionary(f => f.Name, f => f.ClrType), rows.RowCount);
        }

        var contacts = await Read("contacts.parquet");
        Assert.Equal(File.ReadAllLines(Path.Combine(demo.Folder.FullName, "contacts.csv")).Length - 1, contacts.Rows);
        Assert.Equal(typeof(DateTime), contacts.Types["exposed_at"]);
        Assert.Equal(typeof(long), contacts.Types["overlap_seconds"]);
        Assert.Equal(typeof(bool), contacts.Types["assumed"]);
        Assert.Equal(typeof(double), contacts.Types["score"]);
        Assert.Contains("state", contacts.Types.Keys);
        var residents = await Read("residents.parquet");
        Assert.Equal(SmallDemo.Residents, residents.Rows);
        Assert.Equal(["resident", "sex", "age", "age_band", "role", "home_commune", "household", "smartphone", "bluezone"], residents.Types.Keys);
        Assert.Equal(typeof(bool), residents.Types["bluezone"]);
        var venues = await Read("venues.parquet");
        Assert.True(venues.Rows > 10);
        Assert.Equal(typeof(int), venues.Types["commune"]);
    }

    [Fact]
    public void Demo_NeverWritesANameIdNumberOrPhone()
    {
        var province = SyntheticProvince.Generate(SimulationOptions.Default with { Residents = SmallDemo.Residents, Days = 7, Seed = 11 });
        var written = demo.Result.Output + demo.Result.Error
            + File.ReadAllText(Path.Combine(demo.Folder.FullName, "index.html"))
            + File.ReadAllText(Path.Combine(demo.Folder.FullName, "contacts.csv"));
        foreach (var resident in province.Residents)
        {
            Assert.DoesNotContain(resident.Id.Value, written, StringComparison.Ordinal);
            Assert.DoesNotContain(resident.Phone.National, written, StringComparison.Ordinal);
            Assert.DoesNotContain(resident.FullName, written, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Demo_SameSeed_SameCounts()
    {
        static string Counts(string output) => string.Join('\n', output.Split('\n')
            .Where(l => !l.Contains("done in", StringComparison.Ordinal) && !l.StartsWith("Done in", StringComparison.Ordinal) && !l.StartsWith("Report:", StringComparison.Ordinal))
            .Select(l => Regex.Replace(l, @"in [\d.,]+ ms", "in _ ms")));
        var folder = Directory.CreateTempSubdirectory("checkin-demo-again-");
        try
        {
            var again = CliRunner.Run("demo", "--residents", "2500", "--days", "7", "--seed", "11", "--out", folder.FullName);
            Assert.Equal(Counts(demo.Result.Output), Counts(again.Output));
            Assert.Contains("F1 recall", Counts(again.Output), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--residents", "3")]
    [InlineData("--days", "1")]
    [InlineData("--days", "61")]
    public void Demo_OutOfRange_UsageError(string option, string value) =>
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("demo", option, value).ExitCode);

    [Fact]
    public void Demo_OutIsAFile_InvalidWithAMessage()
    {
        var file = Path.GetTempFileName();
        try
        {
            var result = CliRunner.Run("demo", "--residents", "200", "--days", "3", "--out", file);
            Assert.Equal(ExitCodes.Invalid, result.ExitCode);
            Assert.Contains("Cannot write the report", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The report opens in a browser: headless Chromium screenshots the page, and the screenshot shows the page's
    /// text and graph (not a blank or an error page) and the posters, whose codes our reader finds in it.
    /// </summary>
    [Fact]
    public async Task Demo_ReportOpensInABrowser()
    {
        const string Chromium = "chromium";
        var installed = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, Chromium)));
        Assert.True(installed, "chromium is missing: the test command (./test.sh) installs the Debian package chromium; elsewhere run `apt-get install chromium`.");

        async Task<LuminanceImage> Screenshot(string name, string fragment, int height = 2400)
        {
            var screenshot = Path.Combine(demo.Folder.FullName, name);
            var start = new ProcessStartInfo(Chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--hide-scrollbars", "--disable-dev-shm-usage", $"--window-size=1280,{height}", $"--user-data-dir={Path.Combine(demo.Folder.FullName, "chromium-profile")}",
                $"--screenshot={screenshot}", new Uri(Path.Combine(demo.Folder.FullName, "index.html")).AbsoluteUri + fragment,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish in two minutes.");
            }

            Assert.True(File.Exists(screenshot), $"chromium wrote no screenshot: {await errors}");
            return ImageReader.Read(File.ReadAllBytes(screenshot)).Value;
        }

        var image = await Screenshot("screenshot.png", string.Empty);
        Assert.Equal(1280, image.Width);
        Assert.Equal(2400, image.Height);
        var pixels = image.Pixels.ToArray();
        var dark = pixels.Count(p => p < 96) / (double)pixels.Length;
        Assert.InRange(dark, 0.01, 0.5);
        Assert.True(pixels.Distinct().Count() > 32, "text and graph drawn with anti-aliasing, not a flat page");

        // The English switch (no script: the #en fragment) changes what is drawn.
        var english = await Screenshot("screenshot-en.png", "#en");
        var changed = pixels.Zip(english.Pixels.ToArray()).Count(p => Math.Abs(p.First - p.Second) > 64) / (double)pixels.Length;
        Assert.True(changed > 0.005, $"the English page looks like the Vietnamese one ({changed:P2} of pixels differ)");

        // The posters and cards are in the page, below the report: the QR reader finds their codes in a screenshot of the
        // whole page, read in overlapping strips.
        var page = await Screenshot("screenshot-page.png", string.Empty, 12000);
        var codes = new List<QrCode>();
        for (var top = 0; top < page.Height && codes.Count == 0; top += 2000)
        {
            var rows = Math.Min(2400, page.Height - top);
            var strip = new LuminanceImage(page.Width, rows, page.Pixels.AsSpan(top * page.Stride, rows * page.Stride).ToArray(), page.Stride);
            codes.AddRange(new ManagedQrReader().Read(strip));
        }

        Assert.Contains(codes, c => c.Text.StartsWith("https://tokhaiyte.vn/", StringComparison.Ordinal));
    }
}
