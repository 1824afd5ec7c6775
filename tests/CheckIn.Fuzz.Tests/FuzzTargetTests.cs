using System.Text.RegularExpressions;
using CheckIn.Testing;

namespace CheckIn.Fuzz.Tests;

/// <summary>
/// The fuzz targets in-process: every seed and every past finding replays cleanly, and seeded random mutations
/// (a bounded, uninstrumented cousin of the AFL++ campaign that <c>fuzz.sh</c> runs) never crash a parser.
/// </summary>
public sealed partial class FuzzTargetTests
{
    public static TheoryData<string> Targets => [.. FuzzTargets.All.Keys];

    private static string[] Files(string folder, string target)
    {
        var directory = RepositoryRoot.Combine("tests", "CheckIn.Fuzz", folder, target);
        return Directory.Exists(directory) ? [.. Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal)] : [];
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void SeedsAndRegressions_ReplayCleanly(string target)
    {
        var seeds = Files("corpus", target);
        Assert.NotEmpty(seeds);
        foreach (var file in seeds.Concat(Files("regressions", target)))
        {
            var exception = Record.Exception(() => FuzzTargets.All[target](File.ReadAllBytes(file)));
            Assert.True(exception is null, $"{Path.GetFileName(file)}: {exception}");
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task RandomMutations_NeverCrash(string target)
    {
        var run = Task.Run(() =>
        {
            // The same seed in every process (string hashes are not), so a failure here reproduces.
            var random = new Random(target.Aggregate(20261202, (h, c) => (h * 31) + c) & 0x7FFF_FFFF);
            var rounds = target == "qr" ? 40 : 600;
            foreach (var seed in Files("corpus", target).Select(File.ReadAllBytes))
            {
                for (var i = 0; i < rounds; i++)
                {
                    var input = Mutate(seed, random);
                    var exception = Record.Exception(() => FuzzTargets.All[target](input));
                    Assert.True(exception is null, $"mutation {i}: {Convert.ToBase64String(input)}: {exception}");
                }
            }
        });
        await run.WaitAsync(TimeSpan.FromMinutes(3));
    }

    [Fact]
    public void Canary_CrashesOnItsInput()
    {
        // The campaign's self-check relies on this: the canary fails exactly on a first byte of 0xFF.
        Assert.Throws<FuzzInvariantException>(() => FuzzTargets.Canary([0xFF, 1]));
        FuzzTargets.Canary([0x41]);
    }

    [Fact]
    public void Script_FuzzesEveryTarget()
    {
        var script = File.ReadAllText(RepositoryRoot.Combine("tests", "CheckIn.Fuzz", "fuzz.sh"));
        var listed = DefaultTargets().Match(script).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(FuzzTargets.All.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        for (var m = random.Next(1, 5); m > 0; m--)
        {
            switch (random.Next(5))
            {
                case 0 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveAt(random.Next(bytes.Count));
                    break;
                case 2:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 3 when bytes.Count > 1:
                    bytes.RemoveRange(random.Next(bytes.Count / 2), random.Next(1, bytes.Count / 2 + 1));
                    break;
                case 4 when bytes.Count > 0:
                    var at = random.Next(bytes.Count);
                    bytes[at] = (byte)(bytes[at] ^ (1 << random.Next(8)));
                    break;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"targets=\(([a-z0-9 ]+)\)")]
    private static partial Regex DefaultTargets();
}
