using CheckIn.Store.PostgreSql;
using CheckIn.Tracing;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Consumer.Snippets;

internal static class PostgreSqlSnippet
{
    public static async Task RunAsync(string connectionString)
    {
        var deploymentKey = "a secret of the deployment, 32 bytes or more"u8.ToArray();
        #region readme
        var pseudonymizer = new PersonPseudonymizer(deploymentKey);      // ID numbers never enter the store
        var an = pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, "079301000456");
        var binh = pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, "001090123456");
        var at = Instant.FromUtc(2021, 9, 1, 8, 0);

        await using var store = await PostgresVisitStore.ConnectAsync(connectionString);    // applies the schema
        await store.IngestAsync([                                         // binary COPY; the same batch again adds nothing
            new Visit(an, "Chợ Đông Ba", at, at + Duration.FromHours(1)),
            new Visit(binh, "Chợ Đông Ba", at + Duration.FromMinutes(30), at + Duration.FromHours(2)),
        ]);
        var tracer = new StoreContactTracer(store);                       // one SQL query a hop, run by the server
        var result = await tracer.TraceAsync([TraceCase.FromOnset(an, at + Duration.FromDays(1), at + Duration.FromDays(5))]);
        foreach (var contact in result.Contacts)                          // F1 at Chợ Đông Ba from 2021-09-01T08:30:00Z, traced in PostgreSQL
            Console.WriteLine($"F{contact.Level} at {contact.Venue} from {contact.ExposedAt}, traced in PostgreSQL");
        #endregion
    }
}
