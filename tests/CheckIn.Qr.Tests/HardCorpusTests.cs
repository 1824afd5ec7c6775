using CheckIn.Qr.Tests.Support;
using Xunit.Abstractions;

namespace CheckIn.Qr.Tests;

/// <summary>The managed reader against zbarimg on the generated hard corpus.</summary>
public sealed class HardCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void HardCorpus_DecodesAtLeastAsManyImagesAsZbarimg()
    {
        ZbarImg.Require();
        var corpus = HardCorpus.Generate().ToList();
        var reader = new ManagedQrReader();
        var ours = corpus.Select(c => reader.Read(c.Image).Select(code => code.Text).ToList()).ToList();
        var theirs = ZbarImg.Decode([.. corpus.Select(c => c.Image)]);

        int oursTotal = 0, theirsTotal = 0;
        var lines = new List<string>();
        foreach (var category in HardCorpus.Categories)
        {
            int o = 0, t = 0;
            var missed = new List<string>();
            for (var i = 0; i < corpus.Count; i++)
            {
                if (corpus[i].Category != category)
                {
                    continue;
                }

                var oursOk = corpus[i].Texts.All(ours[i].Contains);
                var theirsOk = corpus[i].Texts.All(theirs[i].Contains);
                o += oursOk ? 1 : 0;
                t += theirsOk ? 1 : 0;
                if (!oursOk)
                {
                    missed.Add($"{corpus[i].Severity}{(theirsOk ? "(zbar ok)" : string.Empty)}");
                }
            }

            oursTotal += o;
            theirsTotal += t;
            lines.Add($"{category,-14} CheckIn {o,2}/{HardCorpus.Severities}  zbarimg {t,2}/{HardCorpus.Severities}  missed severities: {string.Join(' ', missed)}");
        }

        // No false reads: whatever the reader returns is one of the texts in the image.
        var wrong = corpus.Select((c, i) => ours[i].Where(text => !c.Texts.Contains(text)).Select(text => $"{c.Name}: {text}")).SelectMany(x => x).ToList();

        lines.Add($"[corpus] hard corpus ({corpus.Count} images): CheckIn decoded {oursTotal}, zbarimg decoded {theirsTotal}");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        Assert.Empty(wrong);
        Assert.True(oursTotal >= theirsTotal, string.Join(Environment.NewLine, lines));
    }
}
