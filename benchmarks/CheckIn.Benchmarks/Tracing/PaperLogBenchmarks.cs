using BenchmarkDotNet.Attributes;
using CheckIn.Core.Identity;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// Matching a paper-log entry to its writer in a directory of 200,000 residents (<see cref="PaperLogMatcher"/>): a
/// right phone and a misspelt name, and a phone with one wrong digit (the slip search), against the one HMAC of
/// pseudonymizing the phone that any lookup costs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class PaperLogBenchmarks
{
    private PersonPseudonymizer _pseudonymizer = null!;
    private PaperLogMatcher _matcher = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pseudonymizer = new PersonPseudonymizer(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var directory = new InMemoryContactDirectory(_pseudonymizer);
        for (var i = 0; i < 200_000; i++)
        {
            directory.Add(new PersonPseudonym(2, (ulong)i), new ContactCard(i == 4242 ? "Nguyễn Thị Mỹ Hạnh" : $"Trần Văn {i}", PhoneNumber.Parse($"09{10_000_000 + i:D8}")));
        }

        _matcher = new PaperLogMatcher(_pseudonymizer, directory);
    }

    [Benchmark(Baseline = true)]
    public PersonPseudonym PseudonymizeThePhone() => _pseudonymizer.Pseudonymize(IdentifierKind.Phone, "0910004242");

    [Benchmark]
    public bool RightPhoneMisspeltName() => _matcher.MatchAsync("nguyen thi my hanh", "0910004242").AsTask().Result.Value.IsMatched;

    [Benchmark]
    public bool PhoneWithOneWrongDigit() => _matcher.MatchAsync("Nguyen Thi My Hanh", "0910004243").AsTask().Result.Value.IsMatched;
}
