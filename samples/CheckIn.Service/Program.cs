using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using CheckIn.Core;
using CheckIn.Core.Identity;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Declarations;
using CheckIn.Hosting;
using CheckIn.Hosting.Log;
using CheckIn.Hosting.PostgreSql;
using CheckIn.Qr.Printing;
using CheckIn.Service;
using CheckIn.Tracing;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCheckIn(builder.Configuration.GetSection(CheckInHostingOptions.SectionName));

// The event log: the embedded SQLite file in the data directory by default, or PostgreSQL with
// "CheckIn:Store": "postgresql" and the connection string "ConnectionStrings:CheckIn".
switch (builder.Configuration["CheckIn:Store"]?.ToUpperInvariant())
{
    case null or "" or "SQLITE":
        break;
    case "POSTGRESQL":
        builder.Services.AddCheckInPostgreSql(builder.Configuration.GetConnectionString("CheckIn")
            ?? throw new InvalidOperationException("CheckIn:Store is postgresql: set the connection string ConnectionStrings:CheckIn."));
        break;
    default:
        throw new InvalidOperationException($"CheckIn:Store is sqlite or postgresql, not {builder.Configuration["CheckIn:Store"]}.");
}

builder.Services.AddOptions<ServiceOptions>().Bind(builder.Configuration.GetSection("Service"));
builder.Services.AddSingleton<ServiceStore>();
builder.Services.AddSingleton(new DeclarationValidator());
builder.Services.AddSingleton<ApiKeys>();
builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<ServiceOptions>>().Value.Pass.ToPolicy());
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails();
var serviceOptions = builder.Configuration.GetSection("Service").Get<ServiceOptions>() ?? new ServiceOptions();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Math.Max(serviceOptions.MaxRequestBodyBytes, WebEndpoints.MaxImageBytes));
builder.Services.AddRateLimiter(limiter =>
{
    limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "local",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = serviceOptions.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
});

var app = builder.Build();

// The staff key is made (when none is configured) at start, so an operator can read it before the first staff request.
app.Services.GetRequiredService<ApiKeys>();

// The checkpoint's policy is checked at start: a setting out of range stops the service with its code.
app.Services.GetRequiredService<CheckIn.Checkpoints.PassPolicy>();

// Bodies over the limit are refused with 413 whatever the server (Kestrel enforces the same limit on the wire).
app.Use(async (context, next) =>
{
    // A camera frame is larger than any JSON request: POST /scan alone takes images up to its own limit.
    var limit = context.Request.Path.StartsWithSegments("/scan", StringComparison.OrdinalIgnoreCase) ? WebEndpoints.MaxImageBytes : serviceOptions.MaxRequestBodyBytes;
    if (context.Request.ContentLength > limit)
    {
        await TooLarge(context, limit);
        return;
    }

    context.Request.Body = new LimitedStream(context.Request.Body, limit);
    try
    {
        await next(context);
    }
    catch (BodyTooLargeException) when (!context.Response.HasStarted)
    {
        context.Response.Clear();
        await TooLarge(context, limit);
    }
});
app.UseRateLimiter();

// The pages (wwwroot): plain HTML and JavaScript, Vietnamese first with an English switch, no front-end build.
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapWeb();
app.MapCheckpoints();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthChecks("/health");

// Venues: a validated registration becomes a signed venue code and its poster.
app.MapPost("/venues", async Task<Results<Created<VenueView>, ProblemHttpResult>> (HttpContext context, ServiceStore store, DeclarationValidator validator) =>
{
    var json = await Requests.ReadBodyAsync(context);
    var read = DeclarationJson.Read(json, DocumentKind.VenueRegistration);
    if (read.Document is not VenueRegistration registration)
    {
        return Problems.Of(context, 400, read.Failures);
    }

    var validation = validator.Validate(registration);
    if (validation.Failures.Count > 0)
    {
        return Problems.Of(context, 400, validation.Failures);
    }

    var now = SystemClock.Instance.GetCurrentInstant();
    var province = registration.Address?.ProvinceCode ?? 46;
    var code = store.Signer.SignVenue(CheckInSigner.NewSubjectKey(), province, registration.VenueKind, now);
    var venueKey = ScanInterpreter.VenueKeyOf(code)!;
    var venue = new ServiceVenue(code.SubjectKeyText, venueKey, registration.Name!, registration.VenueKind, registration.Address?.CommuneCode, VenueAddress(registration.Address, registration.RegisteredAt ?? now), code.ToText(), now);
    store.AddVenue(venue);
    return TypedResults.Created($"/venues/{venue.Id}", VenueView.Of(venue));
}).WithSummary("Register a venue: a signed venue code and its poster");

app.MapGet("/venues/{id}", Results<Ok<VenueView>, NotFound> (string id, ServiceStore store) =>
    store.FindVenue(id) is { } venue ? TypedResults.Ok(VenueView.Of(venue)) : TypedResults.NotFound());

app.MapGet("/venues/{id}/poster.{format}", Results<FileContentHttpResult, NotFound, ProblemHttpResult> (HttpContext context, string id, string format, ServiceStore store) =>
{
    if (store.FindVenue(id) is not { } venue || format is not ("png" or "svg"))
    {
        return TypedResults.NotFound();
    }

    var poster = QrDocument.VenuePoster(venue.Code, new VenuePosterContent { VenueName = venue.Name, Address = venue.Address.Length > 0 ? venue.Address : venue.Name });
    if (!poster.TryGetValue(out var page))
    {
        return Problems.Of(context, 500, poster.Error);
    }

    return format == "png"
        ? TypedResults.File(page.ToPng(), "image/png", $"{venue.Id}.png")
        : TypedResults.File(Encoding.UTF8.GetBytes(page.ToSvg()), "image/svg+xml", $"{venue.Id}.svg");
});

// Check-ins, both directions, and check-outs: idempotent by the client's request id.
app.MapPost("/checkins", async Task<Results<Ok<Receipt>, Created<Receipt>, ProblemHttpResult>> (HttpContext context, CheckInRequest request, ServiceStore store) =>
{
    if (!Requests.TryScanOf(context, request.RequestId, request.At, request.Event, out var at, out var kind, out var invalid))
    {
        return invalid!;
    }

    Result<ScannedEvent> scan;
    if (request.Direction == "staff")
    {
        if (request.VenueId is not { } venueId || store.FindVenue(venueId) is not { } venue)
        {
            return Problems.UnknownVenue(context);
        }

        scan = ScanInterpreter.PersonCodeScanned(request.Code ?? string.Empty, venue.VenueKey, at, kind, request.Device, store.Reading, requireVerified: true);
    }
    else
    {
        if (request.Visitor is not { } visitor || CheckInEventCsvReader.KindOf(visitor.Kind ?? string.Empty) is not { } idKind || string.IsNullOrWhiteSpace(visitor.Id))
        {
            return Problems.Service(context, 400, "Service.Visitor", "The visitor's identifier is missing or of no known kind", "Thiếu định danh của khách hoặc loại định danh không hợp lệ");
        }

        scan = ScanInterpreter.VenueCodeScanned(request.Code ?? string.Empty, new PersonIdentifier(idKind, visitor.Id), at, kind, request.Device, store.Reading, requireVerified: true);
    }

    return scan.TryGetValue(out var scanned) ? await Recording.RecordAsync(context, store, scanned, request.RequestId) : Problems.Of(context, 422, scan.Error);
}).WithSummary("Record a scan: a visitor's app scanned a venue code, or staff scanned a visitor's code or card");

// Declarations: 201, or 400 with every failure and its code in the caller's language. A domestic declaration also
// tells the service whom to call, and links the ID number to the phone.
app.MapPost("/declarations/{kind}", async Task<Results<Created, ProblemHttpResult>> (HttpContext context, string kind, ServiceStore store, DeclarationValidator validator) =>
{
    if (!DeclarationJson.TryParseKind(kind, out var documentKind))
    {
        return Problems.Service(context, 404, "Service.UnknownKind", "There is no declaration of that kind", "Không có loại tờ khai này");
    }

    var body = await Requests.ReadBodyAsync(context);
    var read = DeclarationJson.Read(body, documentKind);
    if (read.Document is not { } document)
    {
        return Problems.Of(context, 400, read.Failures);
    }

    var validation = validator.Validate(document);
    if (validation.Failures.Count > 0)
    {
        return Problems.Of(context, 400, validation.Failures);
    }

    if (document is DomesticDeclaration { DocumentNumber: { } number, FullName: { } name } domestic)
    {
        var pseudonymizer = store.Runtime.Pseudonymizer;
        var person = pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, number);
        PhoneNumber? phone = domestic.Phone is { } p && PhoneNumber.TryParse(p, out var parsed) ? parsed : null;
        store.AddContact(person, new ContactCard(name, phone));
        if (phone is { } known)
        {
            var engine = await store.Runtime.WhenReadyAsync(context.RequestAborted);
            await engine.RecordAsync(new LinkEntry(person, pseudonymizer.Pseudonymize(IdentifierKind.Phone, known.National)), context.RequestAborted);
        }
    }

    // A venue's safety check is kept for the safety map (GET /venues/compliance).
    if (document is VenueSafetyCheck { VenueId: { } safetyVenue })
    {
        store.AddSafetyCheck(safetyVenue, body);
    }

    return TypedResults.Created();
}).WithSummary("Submit a declaration (domestic, entry, venue registration, paper log, specimen pairing, safety check)");

// Tracing, for health staff with an API key; every trace and every view of contact details is audited.
app.MapPost("/traces", async Task<Results<Ok<TraceView>, UnauthorizedHttpResult, ProblemHttpResult>> (HttpContext context, TraceRequest request, ServiceStore store, ApiKeys keys) =>
{
    if (keys.Actor(context) is not { } actor)
    {
        return TypedResults.Unauthorized();
    }

    var engine = await store.Runtime.WhenReadyAsync(context.RequestAborted);
    var pseudonymizer = store.Runtime.Pseudonymizer;
    var cases = new List<TraceCase>();
    foreach (var c in request.Cases ?? [])
    {
        var colon = c.Person?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || CheckInEventCsvReader.KindOf(c.Person![..colon]) is not { } kind || c.Person.Length == colon + 1
            || InstantPattern.ExtendedIso.Parse(c.From ?? string.Empty) is not { Success: true } from || InstantPattern.ExtendedIso.Parse(c.Until ?? string.Empty) is not { Success: true } until
            || until.Value <= from.Value)
        {
            return Problems.Service(context, 400, "Service.Case", "A case needs person as id_kind:id and an ISO-8601 window from < until", "Mỗi ca cần person dạng id_kind:id và khoảng thời gian ISO-8601 từ trước đến sau");
        }

        cases.Add(new TraceCase(engine.Registry.Resolve(pseudonymizer.Pseudonymize(kind, c.Person[(colon + 1)..])), from.Value, until.Value));
    }

    // Scores weigh venue kinds from the registry; the page calls the riskiest first (docs/tracing-risk.md).
    var options = new ContactTracerOptions { MinOverlap = Duration.FromMinutes(request.MinOverlapMinutes ?? 15), MaxDepth = request.Depth ?? 2, VenueKindOf = store.Runtime.Venues.KindOf };
    if (options.Validate() is { Count: > 0 } invalid)
    {
        return Problems.Of(context, 400, invalid);
    }

    var result = engine.Trace(cases, options, context.RequestAborted);
    var calls = await store.Directory_.CallListAsync(result, engine.Registry, context.RequestAborted);
    var package = ExposureNoticePackage.Sign(store.SigningKey, 1, result.Notices, SystemClock.Instance.GetCurrentInstant());
    store.PublishNotices(package);
    store.Audit(actor, "trace", $"{cases.Count} cases, {result.Contacts.Count} contacts, {calls.Count(c => c.Card is not null)} contact details shown: {string.Join(' ', result.Contacts.Select(c => c.Person))}");
    return TypedResults.Ok(new TraceView(
        [.. cases.Select(c => c.Person.ToString()).Distinct()],
        [.. calls.Select(c => new ContactView(c.Contact.Person.ToString(), c.Contact.Level, InstantPattern.ExtendedIso.Format(c.Contact.ExposedAt), c.Contact.Venue ?? string.Empty,
            c.Contact.Venue is { } venue ? store.Runtime.Venues.Find(venue)?.Name : null, c.Contact.Overlap.TotalMinutes, c.Contact.InAssumedTail, c.Contact.Source.ToString(), Math.Round(c.Contact.Score, 6), c.Card?.Name, c.Card?.Phone?.National))],
        [.. result.Warnings.Select(w => w.Code)]));
}).WithSummary("Trace cases (staff): contacts with levels, evidence and whom to call");

// Citizens' apps: the signed notice package, and matching one's own visits against it.
app.MapGet("/notices", Results<FileContentHttpResult, NoContent> (ServiceStore store) =>
    store.Notices() is { } package ? TypedResults.File(package, "application/octet-stream", "notices.cknote") : TypedResults.NoContent());

app.MapGet("/trust-list.json", (ServiceStore store) => TypedResults.Text(TrustList.Write(store.Keys), "application/json"));

app.MapPost("/exposures/match", Results<Ok<MatchView[]>, NoContent, ProblemHttpResult> (HttpContext context, MatchRequest request, ServiceStore store) =>
{
    if (store.Notices() is not { } bytes)
    {
        return TypedResults.NoContent();
    }

    var read = ExposureNoticePackage.Read(bytes, store.Keys, SystemClock.Instance);
    if (!read.TryGetValue(out var package))
    {
        return Problems.Of(context, 500, read.Error);
    }

    var visits = new List<Visit>();
    foreach (var v in request.Visits ?? [])
    {
        if (InstantPattern.ExtendedIso.Parse(v.CheckIn ?? string.Empty) is not { Success: true } checkIn || InstantPattern.ExtendedIso.Parse(v.CheckOut ?? string.Empty) is not { Success: true } checkOut
            || checkOut.Value <= checkIn.Value || string.IsNullOrWhiteSpace(v.Venue))
        {
            return Problems.Service(context, 400, "Service.Visit", "A visit needs a venue and an ISO-8601 check-in before its check-out", "Mỗi lượt ghé cần địa điểm và giờ vào trước giờ ra dạng ISO-8601");
        }

        visits.Add(new Visit(default, v.Venue, checkIn.Value, checkOut.Value));
    }

    var matches = new ExposureMatcher(package, Duration.FromMinutes(15)).Match(visits);
    return TypedResults.Ok(matches.Select(m => new MatchView(m.Notice.Venue, InstantPattern.ExtendedIso.Format(m.ExposedAt), m.Overlap.TotalMinutes)).ToArray());
}).WithSummary("Match a device's own visits against the published notices (nothing is stored)");

app.MapGet("/audit", Results<Ok<AuditView[]>, UnauthorizedHttpResult> (HttpContext context, ServiceStore store, ApiKeys keys) =>
    keys.Actor(context) is null ? TypedResults.Unauthorized() : TypedResults.Ok(store.AuditLog().Select(a => new AuditView(a.Seq, a.Actor, a.Action, a.Detail)).ToArray()));

app.Run();

// A venue's address is not personal data: printed in full on its poster (street, commune, province).
static string VenueAddress(Address? address, Instant registeredAt)
{
    if (address is null)
    {
        return string.Empty;
    }

    var units = CheckIn.Core.Places.AdministrativeUnits.Default;
    var era = CheckIn.Core.Places.AdministrativeUnits.EraOn(CheckIn.Core.VietnamTime.DateAt(registeredAt));
    var commune = address.CommuneCode is { } c ? units.FindCommune(c, era) : null;
    var province = commune?.Province ?? (address.ProvinceCode is { } p ? units.FindProvince(p, era) : null);
    return string.Join(", ", new[] { address.Street, commune?.Name, province?.Name }.Where(part => !string.IsNullOrWhiteSpace(part)));
}

static Task TooLarge(HttpContext context, long limit) =>
    Problems.Service(context, StatusCodes.Status413PayloadTooLarge, "Service.BodyTooLarge", $"The request body is larger than {limit} bytes", $"Nội dung yêu cầu lớn hơn {limit} byte").ExecuteAsync(context);

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;

namespace CheckIn.Service
{
    public sealed record VenueView(string Id, string VenueKey, string Name, string Kind, string Address, string Code, string PosterPng, string PosterSvg)
    {
        public static VenueView Of(ServiceVenue venue) => new(venue.Id, venue.VenueKey, venue.Name, venue.Kind.ToString(), venue.Address, venue.Code, $"/venues/{venue.Id}/poster.png", $"/venues/{venue.Id}/poster.svg");
    }

    public sealed record Visitor(string? Kind, string? Id);

    public sealed record CheckInRequest(string? Direction, string? Code, string? VenueId, Visitor? Visitor, string? Event, string? At, string? Device, string? RequestId);

    public sealed record Receipt(long Sequence, bool Repeated, string Venue, string Shown, string Event);

    public sealed record TraceCaseRequest(string? Person, string? From, string? Until);

    public sealed record TraceRequest(IReadOnlyList<TraceCaseRequest>? Cases, int? MinOverlapMinutes, int? Depth);

    public sealed record ContactView(string Person, int Level, string ExposedAt, string Venue, string? VenueName, double OverlapMinutes, bool InAssumedTail, string Source, double Score, string? Name, string? Phone);

    public sealed record TraceView(IReadOnlyList<string> Cases, IReadOnlyList<ContactView> Contacts, IReadOnlyList<string> Warnings);

    public sealed record VisitRequest(string? Venue, string? CheckIn, string? CheckOut);

    public sealed record MatchRequest(IReadOnlyList<VisitRequest>? Visits);

    public sealed record MatchView(string Venue, string ExposedAt, double OverlapMinutes);

    public sealed record AuditView(long Sequence, string Actor, string Action, string Detail);

    /// <summary>Staff API keys: compared in constant time; the audit names a key by a short fingerprint, never the key.</summary>
    public sealed class ApiKeys
    {
        private readonly byte[][] _keys;

        public ApiKeys(IOptions<ServiceOptions> options, CheckInRuntime runtime)
        {
            var keys = options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
            if (keys.Count == 0)
            {
                keys.Add(SecretFile.ReadOrCreate(Path.Combine(runtime.DataDirectory, "api-key.txt"), () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))).Trim());
            }

            _keys = [.. keys.Select(k => Encoding.UTF8.GetBytes(k))];
        }

        /// <summary>The caller's key fingerprint when it presented a valid key; null otherwise.</summary>
        public string? Actor(HttpContext context)
        {
            var presented = context.Request.Headers["X-Api-Key"].ToString();
            var authorization = context.Request.Headers.Authorization.ToString();
            if (presented.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                presented = authorization["Bearer ".Length..].Trim();
            }

            var bytes = Encoding.UTF8.GetBytes(presented);
            foreach (var key in _keys)
            {
                if (bytes.Length > 0 && CryptographicOperations.FixedTimeEquals(bytes, key))
                {
                    return "key:" + Convert.ToHexStringLower(SHA256.HashData(key))[..12];
                }
            }

            return null;
        }
    }
}
