using CheckIn.Tracing;
using CheckIn.Tracing.Tests.Support;
using NodaTime;

namespace CheckIn.Store.PostgreSql.Tests;

/// <summary>
/// The server-side tracer on PostgreSQL against the in-memory engine, on the random worlds and options the engine is
/// tested on: identical contacts, evidence, scores and notices, with either overlap index.
/// </summary>
[Collection("postgres")]
public sealed class StoreTracingDifferentialTests(StorePostgresFixture postgres)
{
    public static TheoryData<int, OverlapIndex> Worlds()
    {
        var data = new TheoryData<int, OverlapIndex>();
        for (var seed = 1; seed <= 12; seed++)
        {
            data.Add(seed, seed % 3 == 0 ? OverlapIndex.Gist : OverlapIndex.BTree);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public async Task TraceAsync_RandomWorld_SameAsInMemoryEngine(int seed, OverlapIndex index)
    {
        const int Days = 3;
        var visits = World.Generate(seed, seed % 4 == 0 ? 300 : 60, seed % 2 == 0 ? 20 : 6, Days, seed % 4 == 0 ? 10 : 6);
        await using var store = await postgres.NewStoreAsync(new PostgresStoreOptions { OverlapIndex = index });
        await store.IngestAsync(visits);
        await Differential.AssertSameAsInMemoryAsync(visits, new StoreContactTracer(store), Days, randomSeed: seed * 131, caseSeed: seed * 1000, $"seed {seed} {index}");
    }

    [Fact]
    public async Task TraceAsync_EveryIndex_UsesItsIndex()
    {
        foreach (var index in Enum.GetValues<OverlapIndex>())
        {
            await using var store = await postgres.NewStoreAsync(new PostgresStoreOptions { OverlapIndex = index });
            await using var connection = new Npgsql.NpgsqlConnection(postgres.LastDatabase);
            await connection.OpenAsync();
            await using var indexes = new Npgsql.NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE schemaname = 'checkin' AND tablename = 'visits' ORDER BY 1", connection);
            var names = new List<string>();
            await using (var reader = await indexes.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            Assert.Equal(["visits_key", index == OverlapIndex.Gist ? "visits_venue_span" : "visits_venue_start", "visits_xid"], names);
        }
    }

    [Fact]
    public async Task TraceAsync_CaseNotInStore_IsReportedAsInMemory()
    {
        await using var store = await postgres.NewStoreAsync();
        var visits = World.Generate(7, 30, 4, 2, 4);
        await store.IngestAsync(visits);
        var stranger = new CheckIn.Tracing.Privacy.PersonPseudonym(42, 42);
        var result = await new StoreContactTracer(store).TraceAsync([new TraceCase(stranger, World.Start, World.Start + Duration.FromDays(2))], new ContactTracerOptions { AsOf = World.Start + Duration.FromDays(2) });

        Assert.Equal(CheckIn.Tracing.TracingErrorCodes.Trace.UnknownCase, Assert.Single(result.Warnings).Code);
    }
}
