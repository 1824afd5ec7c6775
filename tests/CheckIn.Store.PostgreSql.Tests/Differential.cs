using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Tests.Support;
using CheckIn.Tracing.Visits;

namespace CheckIn.Store.PostgreSql.Tests;

/// <summary>A store tracer against the in-memory engine over the same visits, for random cases and options.</summary>
internal static class Differential
{
    /// <summary>The in-memory engine over visits.</summary>
    public static ContactTracer Memory(IEnumerable<Visit> visits)
    {
        var store = new VisitStore();
        store.AddRange(visits);
        return new ContactTracer(store.Flush());
    }

    /// <summary>
    /// Four rounds of random cases (<see cref="World.Cases"/> seeded <c>caseSeed + round</c>) and options
    /// (<see cref="World.StoreTraceOptions"/> from <paramref name="randomSeed"/>): the same contacts, in order, with the
    /// same evidence and scores, the same notices and warnings; and some contacts at all, so the comparison means
    /// something.
    /// </summary>
    public static async Task AssertSameAsInMemoryAsync(List<Visit> visits, StoreContactTracer tracer, int days, int randomSeed, int caseSeed, string context)
    {
        var memory = Memory(visits);
        var random = new Random(randomSeed);
        var compared = 0;
        for (var round = 0; round < 4; round++)
        {
            var cases = World.Cases(visits, caseSeed + round, 1 + random.Next(4), days);
            var options = World.StoreTraceOptions(random, days);
            var expected = memory.Trace(cases, options);
            var actual = await tracer.TraceAsync(cases, options);
            for (var i = 0; i < Math.Min(expected.Contacts.Count, actual.Contacts.Count); i++)
            {
                Assert.True(expected.Contacts[i] == actual.Contacts[i], $"{context} round {round}: first difference at {i}\nexpected {expected.Contacts[i]}\nactual   {actual.Contacts[i]}");
            }

            Assert.Equal(expected.Contacts.Count, actual.Contacts.Count);
            Assert.Equal(expected.Notices, actual.Notices);
            Assert.Equal(expected.Warnings, actual.Warnings);
            compared += actual.Contacts.Count;
        }

        Assert.True(compared > 0, $"{context}: the rounds found no contacts to compare");
    }
}
