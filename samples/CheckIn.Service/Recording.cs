using CheckIn.Core;
using CheckIn.Hosting;
using CheckIn.Hosting.Log;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CheckIn.Service;

/// <summary>
/// One way every endpoint records a scan (the app's, staff's, the web check-in page's, a paper log's): pseudonymize the
/// person and the identifiers the code linked to them, append to the durable log, answer with a receipt that shows the
/// person masked (what a desk may show of whom it checked in).
/// </summary>
internal static class Recording
{
    public static Task<Results<Ok<Receipt>, Created<Receipt>, ProblemHttpResult>> RecordAsync(HttpContext context, ServiceStore store, ScannedEvent scanned, string? requestId)
    {
        var pseudonymizer = store.Runtime.Pseudonymizer;
        return RecordAsync(context, store, pseudonymizer.Pseudonymize(scanned.Person.Kind, scanned.Person.Value), [.. scanned.Links.Select(l => pseudonymizer.Pseudonymize(l.Kind, l.Value))],
            scanned.Venue, scanned.At, scanned.Kind, scanned.Channel, scanned.Device, requestId, Shown(scanned.Person));
    }

    public static async Task<Results<Ok<Receipt>, Created<Receipt>, ProblemHttpResult>> RecordAsync(HttpContext context, ServiceStore store, PersonPseudonym person,
        IReadOnlyList<PersonPseudonym> links, string venue, NodaTime.Instant at, CheckInEventKind kind, EventChannel channel, string? device, string? requestId, string shown)
    {
        var recorded = await AppendAsync(context, store, person, links, venue, at, kind, channel, device, requestId);
        if (!recorded.TryGetValue(out var receipt))
        {
            return Problems.Of(context, recorded.Error.Code == HostingErrorCodes.Record.RequestIdReused ? 409 : 422, recorded.Error);
        }

        var body = new Receipt(receipt.Sequence, receipt.Repeated, venue, shown, kind == CheckInEventKind.CheckOut ? "out" : "in");
        return receipt.Repeated ? TypedResults.Ok(body) : TypedResults.Created($"/log/{receipt.Sequence}", body);
    }

    /// <summary>Appends the event to the durable log: the receipt, or the engine's coded refusal.</summary>
    public static async Task<Result<CheckIn.Hosting.RecordReceipt>> AppendAsync(HttpContext context, ServiceStore store, PersonPseudonym person,
        IReadOnlyList<PersonPseudonym> links, string venue, NodaTime.Instant at, CheckInEventKind kind, EventChannel channel, string? device, string? requestId)
    {
        var engine = await store.Runtime.WhenReadyAsync(context.RequestAborted);
        var e = new CheckInEvent(person, venue, store.Runtime.Venues.KindOf(venue), at, kind);
        return await engine.RecordAsync(new EventEntry(e, channel, device, links, requestId), context.RequestAborted);
    }

    /// <summary>The identifier's kind and its last characters only: enough for a desk to tell two visitors apart, not to know them.</summary>
    public static string Shown(PersonIdentifier person) => person.Kind switch
    {
        IdentifierKind.Phone => "phone " + Redaction.MaskPhone(person.Value),
        IdentifierKind.CitizenId => "cccd " + Redaction.MaskDocumentNumber(person.Value),
        IdentifierKind.HealthInsurance => "bhyt " + Redaction.MaskDocumentNumber(person.Value),
        IdentifierKind.Passport => "passport " + Redaction.MaskDocumentNumber(person.Value),
        IdentifierKind.PlatformId => "qid " + Redaction.MaskDocumentNumber(person.Value),
        _ => "paper",
    };
}
