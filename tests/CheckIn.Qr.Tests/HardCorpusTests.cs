using System.Diagnostics;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Tests.Support;
using CheckIn.Qr.ZXing;
using Xunit.Abstractions;

namespace CheckIn.Qr.Tests;

/// <summary>
/// CheckIn's reader against two independent ones, ZXing.Net (in process) and zbarimg (Debian's zbar-tools, one
/// process per image), on the generated hard corpus: images read per category, and the worst time one image took
/// each reader (reported, never asserted: the machine is shared; zbarimg's includes starting its process).
/// </summary>
public sealed class HardCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void HardCorpus_CheckInReadsAtLeastAsManyAsZbarimg_ComparedWithZXing()
    {
        ZbarImg.Require();
        var corpus = HardCorpus.Generate().ToList();
        var managed = new ManagedQrReader();
        var (ours, oursWorst) = Timed(corpus, image => managed.Read(image));
        var zxing = new ZXingQrReader();
        var (theirs, zxingWorst) = Timed(corpus, image => zxing.Read(image));
        var (zbar, zbarWorst) = TimedZbar(corpus);

        int oursTotal = 0, zxingTotal = 0, zbarTotal = 0;
        var lines = new List<string>();
        foreach (var category in HardCorpus.Categories)
        {
            int o = 0, x = 0, z = 0;
            var missed = new List<string>();
            for (var i = 0; i < corpus.Count; i++)
            {
                if (corpus[i].Category != category)
                {
                    continue;
                }

                var oursOk = corpus[i].Texts.All(ours[i].Contains);
                var zxingOk = corpus[i].Texts.All(theirs[i].Contains);
                var zbarOk = corpus[i].Texts.All(zbar[i].Contains);
                o += oursOk ? 1 : 0;
                x += zxingOk ? 1 : 0;
                z += zbarOk ? 1 : 0;
                if (!oursOk)
                {
                    missed.Add($"{corpus[i].Severity}{(zxingOk || zbarOk ? "(others ok)" : string.Empty)}");
                }
            }

            oursTotal += o;
            zxingTotal += x;
            zbarTotal += z;
            lines.Add($"{category,-14} CheckIn {o,2}/{HardCorpus.Severities}  ZXing.Net {x,2}/{HardCorpus.Severities}  zbarimg {z,2}/{HardCorpus.Severities}  CheckIn missed severities: {string.Join(' ', missed)}");
        }

        // No false reads: whatever the reader returns is one of the texts in the image.
        var wrong = corpus.Select((c, i) => ours[i].Where(text => !c.Texts.Contains(text)).Select(text => $"{c.Name}: {text}")).SelectMany(x => x).ToList();

        lines.Add($"[corpus] hard corpus ({corpus.Count} images): CheckIn decoded {oursTotal}, ZXing.Net {zxingTotal}, zbarimg {zbarTotal}; " +
            $"worst time for one image: CheckIn {oursWorst.Milliseconds:F0} ms ({oursWorst.Name}), ZXing.Net {zxingWorst.Milliseconds:F0} ms ({zxingWorst.Name}), zbarimg {zbarWorst.Milliseconds:F0} ms ({zbarWorst.Name}, with its process start)");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        Assert.Empty(wrong);
        Assert.True(oursTotal >= zbarTotal, string.Join(Environment.NewLine, lines));

        // The katakana category is about guessing Shift_JIS: every image CheckIn finds, it must read as Japanese.
        for (var i = 0; i < corpus.Count; i++)
        {
            if (corpus[i].Category == "katakana" && ours[i].Count > 0)
            {
                Assert.Equal(corpus[i].Texts, ours[i]);
            }
        }
    }

    private static (List<List<string>> Texts, (double Milliseconds, string Name) Worst) Timed(List<CorpusImage> corpus, Func<LuminanceImage, IReadOnlyList<QrCode>> read)
    {
        read(corpus[0].Image); // warm up: the first call compiles the reader
        var texts = new List<List<string>>();
        var worst = (0.0, string.Empty);
        foreach (var image in corpus)
        {
            var stopwatch = Stopwatch.StartNew();
            texts.Add([.. read(image.Image).Select(c => c.Text)]);
            if (stopwatch.Elapsed.TotalMilliseconds > worst.Item1)
            {
                worst = (stopwatch.Elapsed.TotalMilliseconds, image.Name);
            }
        }

        return (texts, worst);
    }

    private static (List<IReadOnlyList<string>> Texts, (double Milliseconds, string Name) Worst) TimedZbar(List<CorpusImage> corpus)
    {
        var folder = Directory.CreateTempSubdirectory("checkin-zbar-");
        try
        {
            var texts = new List<IReadOnlyList<string>>();
            var worst = (0.0, string.Empty);
            foreach (var image in corpus)
            {
                var file = Path.Combine(folder.FullName, image.Name + ".png");
                File.WriteAllBytes(file, PngWriter.Write(image.Image));
                var stopwatch = Stopwatch.StartNew();
                texts.Add(ZbarImg.DecodeFiles([file])[0]);
                if (stopwatch.Elapsed.TotalMilliseconds > worst.Item1)
                {
                    worst = (stopwatch.Elapsed.TotalMilliseconds, image.Name);
                }
            }

            return (texts, worst);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
