namespace CheckIn.Tracing.Tests.Tracing;

/// <summary>The trace's person map against a dictionary, over random operations with clears between rounds.</summary>
public sealed class PersonMapTests
{
    [Fact]
    public void RandomOperations_SameAsADictionary_ClearKeepsWorking()
    {
        var random = new Random(7);
        var map = new PersonMap<long>();
        for (var round = 0; round < 20; round++)
        {
            var expected = new Dictionary<int, long>();
            var keys = round % 2 == 0 ? 50 : 200_000;
            for (var i = 0; i < 20_000; i++)
            {
                var key = random.Next(keys);
                var value = random.NextInt64();
                ref var slot = ref map.GetValueRefOrAddDefault(key, out var exists);
                Assert.Equal(expected.ContainsKey(key), exists);
                slot = value;
                expected[key] = value;
                var probe = random.Next(keys);
                Assert.Equal(expected.ContainsKey(probe), map.ContainsKey(probe));
            }

            Assert.Equal(expected.Count, map.Count);
            Assert.Equal(expected.ToList(), [.. EnumerateAll(map)]);
            foreach (var (key, value) in expected)
            {
                Assert.Equal(value, map.GetValueRefOrAddDefault(key, out var exists));
                Assert.True(exists);
            }

            Assert.False(map.ContainsKey(-1));
            map.Clear();
            Assert.Equal(0, map.Count);
            Assert.False(map.ContainsKey(expected.Keys.First()));
        }
    }

    [Fact]
    public void Add_KeyAlreadyThere_Throws()
    {
        var map = new PersonMap<int>();
        map.Add(3, 0);
        Assert.Throws<ArgumentException>(() => map.Add(3, 1));
    }

    [Fact]
    public void Rent_AfterReturn_TheSameMapCleared()
    {
        var map = PersonMap<double>.Rent();
        map.Set(1, 2.0);
        PersonMap<double>.Return(map);
        var again = PersonMap<double>.Rent();
        Assert.Same(map, again);
        Assert.Equal(0, again.Count);
    }

    private static IEnumerable<KeyValuePair<int, long>> EnumerateAll(PersonMap<long> map)
    {
        var list = new List<KeyValuePair<int, long>>();
        foreach (var entry in map)
        {
            list.Add(entry);
        }

        return list;
    }
}
