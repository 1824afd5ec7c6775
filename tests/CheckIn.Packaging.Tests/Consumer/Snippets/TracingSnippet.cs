using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Consumer.Snippets;

internal static class TracingSnippet
{
    public static void Run()
    {
        var deploymentKey = "a secret of the deployment, 32 bytes or more"u8.ToArray();
        #region readme
        var pseudonymizer = new PersonPseudonymizer(deploymentKey);      // ID numbers never enter the index
        var an = pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, "079301000456");
        var binh = pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, "001090123456");
        var at = Instant.FromUtc(2021, 9, 1, 8, 0);

        var store = new VisitStore();
        store.Add(an, "Chợ Đông Ba", at, at + Duration.FromHours(1));
        store.Add(binh, "Chợ Đông Ba", at + Duration.FromMinutes(30), at + Duration.FromHours(2));
        var tracer = new ContactTracer(store.Flush());
        var result = tracer.Trace([TraceCase.FromOnset(an, at + Duration.FromDays(1), at + Duration.FromDays(5))]);
        foreach (var contact in result.Contacts)                         // F1 at Chợ Đông Ba from 2021-09-01T08:30:00Z for 30 min
            Console.WriteLine($"F{contact.Level} at {contact.Venue} from {contact.ExposedAt} for {contact.Overlap.TotalMinutes} min");
        #endregion
    }
}
