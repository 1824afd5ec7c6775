using CheckIn.Tracing.Index;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Tests.Support;
using CheckIn.Tracing.Visits;
using NodaTime;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Notices;

public sealed class ExposureMatcherTests
{
    [Fact]
    public void Match_OverlapRules_SameAsTracer()
    {
        var notices = new[] { new ExposureNotice("A", At(8), At(9)) };
        var matcher = new ExposureMatcher(notices, Duration.FromMinutes(15));
        var own = new[]
        {
            new Visit(P(1), "A", At(8, 45), At(10)),
            new Visit(P(1), "A", At(9), At(10)),
            new Visit(P(1), "A", At(8, 46), At(10)),
            new Visit(P(1), "B", At(8), At(9)),
        };
        var match = Assert.Single(matcher.Match(own));
        Assert.Equal((At(8, 45), Duration.FromMinutes(15)), (match.ExposedAt, match.Overlap));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Match_OwnVisitsAgainstNotices_FindsExactlyTheF1(int seed)
    {
        var visits = World.Generate(seed, persons: 150, venues: 10, days: 3, visitsPerPerson: 8);
        var store = new VisitStore();
        store.AddRange(visits);
        var options = new ContactTracerOptions { AsOf = World.Start + Duration.FromDays(4), MaxDepth = 1, Linger = Duration.FromMinutes(seed * 10) };
        var cases = World.Cases(visits, seed, 3, 3);
        var result = new ContactTracer(store.Flush()).Trace(cases, options);
        // Through the published form: signed by the authority, verified on the phone.
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var ring = new CheckIn.Core.Payloads.Signed.SigningKeyRing([KeyValuePair.Create((ushort)1, key.ExportSubjectPublicKeyInfo())]);
        var published = CheckIn.Tracing.Notices.ExposureNoticePackage.Sign(key, 1, result.Notices, options.AsOf!.Value);
        var package = ExposureNoticePackage.Read(published, ring, new NodaTime.Testing.FakeClock(options.AsOf.Value)).Value;
        var matcher = new ExposureMatcher(package, options.MinOverlap);
        var caseSet = cases.Select(c => c.Person).ToHashSet();
        var f1 = result.Contacts.Select(c => c.Person).ToHashSet();
        foreach (var person in visits.Select(v => v.Person).Distinct().Where(p => !caseSet.Contains(p)))
        {
            var matches = matcher.Match(visits.Where(v => v.Person == person));
            Assert.Equal(f1.Contains(person), matches.Count > 0);
            if (matches.Count > 0)
            {
                Assert.Equal(result.Contacts.Single(c => c.Person == person).ExposedAt, matches[0].ExposedAt);
            }
        }
    }

    [Fact]
    public void Constructor_NegativeMinimum_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExposureMatcher([], Duration.FromMinutes(-1)));
}
