using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Privacy;

public sealed class PersonRegistryTests
{
    [Fact]
    public void Link_JoinsGroups_RepresentativeIsTheFirstSeen()
    {
        var registry = new PersonRegistry();
        Assert.Equal(P(5), registry.Resolve(P(5)));
        Assert.Equal(new PersonMerge(P(1), P(2)), registry.Link(P(1), P(2)));
        Assert.Equal(new PersonMerge(P(3), P(4)), registry.Link(P(3), P(4)));
        Assert.Null(registry.Link(P(2), P(1)));
        // Joining the groups keeps the earliest seen, whichever side the link names first.
        Assert.Equal(new PersonMerge(P(1), P(3)), registry.Link(P(4), P(2)));
        Assert.All(new[] { P(1), P(2), P(3), P(4) }, p => Assert.Equal(P(1), registry.Resolve(p)));
        Assert.Equal(4, registry.Count);
    }

    [Fact]
    public void Observe_LinksEverythingSeenTogether_ReportsMergesAndRepresentative()
    {
        var registry = new PersonRegistry();
        Assert.Equal(new PersonObservation(P(1), []), registry.Observe(P(1), []));
        var second = registry.Observe(P(2), [P(3)]);
        Assert.Equal(P(2), second.Representative);
        Assert.Equal([new PersonMerge(P(2), P(3))], second.Merges);

        // A 1405 code that carries the chip card (P1) and the insurance number (P3): the two people become one.
        var third = registry.Observe(P(4), [P(1), P(3)]);
        Assert.Equal(P(1), third.Representative);
        Assert.Equal([new PersonMerge(P(1), P(4)), new PersonMerge(P(1), P(2))], third.Merges);
        Assert.Equal([P(1), P(2), P(3), P(4)], registry.Members(P(3)));
        Assert.Equal([P(9)], registry.Members(P(9)));
        Assert.Empty(registry.Observe(P(3), [P(4), P(1)]).Merges);
    }

    [Fact]
    public void Members_ManyLinks_EveryGroupComplete()
    {
        var random = new Random(11);
        var registry = new PersonRegistry();
        for (var i = 0; i < 400; i++)
        {
            registry.Link(P(random.Next(150)), P(random.Next(150)));
        }

        for (var p = 0; p < 150; p++)
        {
            var members = registry.Members(P(p));
            Assert.Equal(registry.Resolve(P(p)), members[0]);
            Assert.Contains(P(p), members);
            Assert.Equal(members.Count, members.Distinct().Count());
            Assert.All(members, m => Assert.Equal(members[0], registry.Resolve(m)));
            Assert.Equal(Enumerable.Range(0, 150).Count(q => registry.Resolve(P(q)) == members[0]), members.Count);
        }
    }

    [Fact]
    public void Link_ManyInAnyOrder_SameGroupsAsBruteForce()
    {
        var random = new Random(7);
        var registry = new PersonRegistry();
        var groups = Enumerable.Range(0, 200).ToDictionary(i => i, i => new HashSet<int> { i });
        for (var i = 0; i < 300; i++)
        {
            var (a, b) = (random.Next(200), random.Next(200));
            registry.Link(P(a), P(b));
            var merged = groups[a].Union(groups[b]).ToHashSet();
            foreach (var member in merged)
            {
                groups[member] = merged;
            }
        }

        for (var a = 0; a < 200; a++)
        {
            for (var b = a + 1; b < 200; b += 7)
            {
                Assert.Equal(groups[a].Contains(b), registry.Resolve(P(a)) == registry.Resolve(P(b)));
            }
        }
    }

    [Fact]
    public void LateLink_MergesTwoPeopleBeforeATrace_ContactAcrossCardsFound()
    {
        // The case was scanned by chip ID card at the market and by health-insurance card at the clinic: two
        // pseudonyms. Bình sat next to them at the clinic. Only once a 1405 code links the two cards is Bình found.
        var chip = P(1);
        var insurance = P(2);
        var binh = P(3);
        var store = new VisitStore();
        store.AddRange([
            new Visit(chip, "market", At(8), At(9)),
            new Visit(insurance, "clinic", At(10), At(11)),
            new Visit(binh, "clinic", At(10), At(11)),
        ]);
        store.Flush();
        var options = new ContactTracerOptions { AsOf = At(20), MaxDepth = 1 };
        var @case = new TraceCase(chip, At(0), At(20));
        Assert.Empty(new ContactTracer(store.Snapshot).Trace([@case], options).Contacts);

        var registry = new PersonRegistry();
        var merge = registry.Link(chip, insurance)!;
        Assert.Equal(1, store.Merge(merge.Into, merge.From));
        var contact = Assert.Single(new ContactTracer(store.Snapshot).Trace([@case], options).Contacts);
        Assert.Equal((binh, At(10)), (contact.Person, contact.ExposedAt));
        Assert.Empty(store.Snapshot.VisitsOf(insurance));
        Assert.Equal(2, store.Snapshot.VisitsOf(chip).Count);
    }

    [Fact]
    public void Merge_BufferedAndIndexed_PublishedWhole()
    {
        var store = new VisitStore();
        store.Add(new Visit(P(2), "A", At(8), At(9)));
        store.Flush();
        store.Add(new Visit(P(2), "B", At(10), At(11)));
        var before = store.Snapshot;
        Assert.Equal(2, store.Merge(P(1), P(2)));
        Assert.Single(before.VisitsOf(P(2))); // an earlier snapshot is unchanged
        store.Flush();
        Assert.Equal(["A", "B"], store.Snapshot.VisitsOf(P(1)).Select(v => v.Venue));
        Assert.Equal(0, store.Merge(P(1), P(9)));
        Assert.Equal(0, store.Merge(P(1), P(1)));
    }
}
