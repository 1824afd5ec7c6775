using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Tracing.Tests.Index;

public sealed class OpenInternerTests
{
    [Fact]
    public void Intern_ManyKeys_DenseIdsFoundAgain()
    {
        var interner = new OpenInterner<PersonPseudonym, PseudonymKey>();
        var keys = Enumerable.Range(0, 100_000).Select(i => new PersonPseudonym((ulong)i % 7, (ulong)i * 3)).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i, interner.Intern(keys[i]));
        }

        Assert.Equal(keys.Length, interner.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i, interner.Intern(keys[i]));
            Assert.True(interner.TryGetId(keys[i], keys.Length, out var id));
            Assert.Equal(i, id);
            Assert.Equal(keys[i], interner.View().Span[i]);
        }

        Assert.False(interner.TryGetId(new PersonPseudonym(99, 1), keys.Length, out _));
    }

    [Fact]
    public void TryGetId_IdNewerThanTheSnapshot_NotFound()
    {
        var interner = new OpenInterner<PersonPseudonym, PseudonymKey>();
        interner.Intern(new PersonPseudonym(1, 1));
        var known = interner.Count;
        interner.Intern(new PersonPseudonym(2, 2));
        Assert.True(interner.TryGetId(new PersonPseudonym(1, 1), known, out _));
        Assert.False(interner.TryGetId(new PersonPseudonym(2, 2), known, out _));
    }

    [Fact]
    public void Copy_ForgottenKeys_NotFoundThenNewIds_GrowthKeepsThemForgotten()
    {
        var interner = new OpenInterner<PersonPseudonym, PseudonymKey>();
        for (var i = 0; i < 10; i++)
        {
            interner.Intern(new PersonPseudonym(0, (ulong)i));
        }

        var copy = interner.Copy((id, key) => id % 2 == 0 ? (default, false) : (key, true));
        Assert.False(copy.TryGetId(new PersonPseudonym(0, 4), copy.Count, out _));
        Assert.False(copy.IsLive(4));
        Assert.True(copy.IsLive(5));

        // Growing the table many times over must not bring forgotten ids back.
        for (var i = 100; i < 5_000; i++)
        {
            copy.Intern(new PersonPseudonym(1, (ulong)i));
        }

        Assert.False(copy.TryGetId(new PersonPseudonym(0, 4), copy.Count, out _));
        Assert.True(copy.TryGetId(new PersonPseudonym(0, 5), copy.Count, out var five));
        Assert.Equal(5, five);
        var count = copy.Count;
        Assert.Equal(count, copy.Intern(new PersonPseudonym(0, 4))); // a forgotten key named again is a new person

        // The original is unchanged.
        Assert.True(interner.TryGetId(new PersonPseudonym(0, 4), interner.Count, out var four));
        Assert.Equal(4, four);
    }

    [Fact]
    public async Task TryGetId_WhileTheWriterGrows_ReadersFindEveryPublishedKey()
    {
        var interner = new OpenInterner<PersonPseudonym, PseudonymKey>();
        var published = 0;
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var checks = 0L;
            while (!stop.IsCancellationRequested && checks < 50_000_000)
            {
                var known = Volatile.Read(ref published);
                for (var i = Math.Max(0, known - 64); i < known; i++, checks++)
                {
                    if (!interner.TryGetId(new PersonPseudonym((ulong)i, 7), known, out var id) || id != i)
                    {
                        return false;
                    }
                }
            }

            return true;
        });

        for (var i = 0; i < 300_000; i++)
        {
            interner.Intern(new PersonPseudonym((ulong)i, 7));
            Volatile.Write(ref published, i + 1);
        }

        await stop.CancelAsync();
        Assert.True(await reader);
    }

    [Fact]
    public void Intern_Venues_OrdinalAndDense()
    {
        var interner = new OpenInterner<string, VenueKey>();
        var venues = Enumerable.Range(0, 50_000).Select(i => "V" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < venues.Length; i++)
        {
            Assert.Equal(i, interner.Intern(venues[i]));
        }

        for (var i = 0; i < venues.Length; i++)
        {
            // Another string instance of the same text is the same venue; another case is another.
            Assert.Equal(i, interner.Intern(new string(venues[i].AsSpan())));
            Assert.True(interner.TryGetId(venues[i], venues.Length, out var id) && id == i);
        }

        Assert.False(interner.TryGetId("v1", venues.Length, out _));
        Assert.False(interner.TryGetId(venues[^1], venues.Length - 1, out _));
        Assert.Equal(venues.Length, interner.Count);
    }
}
