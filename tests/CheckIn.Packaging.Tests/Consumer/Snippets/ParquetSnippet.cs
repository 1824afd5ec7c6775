using CheckIn.Parquet;
using CheckIn.Tracing;
using CheckIn.Tracing.FollowUp;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Consumer.Snippets;

internal static class ParquetSnippet
{
    public static void Run(string folder)
    {
        var pseudonymizer = new PersonPseudonymizer("a secret of the deployment, 32 bytes or more"u8.ToArray());
        var names = new PseudonymTable(pseudonymizer);
        var at = Instant.FromUtc(2021, 9, 1, 8, 0);
        var store = new VisitStore();
        store.Add(names.Pseudonymize("R0000001"), "V000042", at, at + Duration.FromHours(1));
        store.Add(names.Pseudonymize("R0000002"), "V000042", at + Duration.FromMinutes(30), at + Duration.FromHours(2));
        var result = new ContactTracer(store.Flush()).Trace([new TraceCase(names.Pseudonymize("R0000001"), at, at + Duration.FromDays(1))]);
        var book = new FollowUpBook();
        book.Open(result, _ => null, at + Duration.FromDays(1), "team-1");
        var path = Path.Combine(folder, "contacts.parquet");
        #region readme
        using (var file = File.Create(path))                             // typed columns: timestamps, seconds, booleans, scores
            ContactsParquet.WriteAsync(file, result, names.IdentifierOf, book).GetAwaiter().GetResult();

        var table = new ParquetTable(2)                                   // any table of your own: attributes to join on
            .Add("venue", ["V000042", "V000043"])
            .Add("kind", ["market", "school"])
            .Add("indoor", [true, true]);
        using (var file = File.Create(Path.ChangeExtension(path, ".venues.parquet")))
            table.WriteAsync(file).GetAwaiter().GetResult();
        #endregion
        Console.WriteLine($"contacts.parquet: {new FileInfo(path).Length} bytes, {result.Contacts.Count} contact");
    }
}
