using CheckIn.Core;
using CheckIn.Core.Identity;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using CheckIn.Declarations;
using CheckIn.Qr;
using CheckIn.Tracing;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Service;

/// <summary>Parsing of the small values requests carry.</summary>
internal static class Requests
{
    /// <summary>The request body as UTF-8 text (read through the body limit).</summary>
    public static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    /// <summary>
    /// When and which way a scan went: <c>at</c> (ISO-8601; now when absent, but required with a request id, so a retry
    /// is the same request) and <c>event</c> (<c>in</c>, the default, or <c>out</c>); a coded 400 otherwise.
    /// </summary>
    public static bool TryScanOf(HttpContext context, string? requestId, string? at, string? direction, out Instant instant, out CheckInEventKind kind, out ProblemHttpResult? problem)
    {
        instant = SystemClock.Instance.GetCurrentInstant();
        kind = direction == "out" ? CheckInEventKind.CheckOut : CheckInEventKind.CheckIn;
        problem = null;
        if (requestId is not null && at is null)
        {
            problem = Problems.Service(context, 400, "Service.At", "A request with a request id gives the scan's time (at), so a retry is the same request",
                "Yêu cầu có mã yêu cầu phải ghi thời điểm quét (at) để gửi lại vẫn là cùng một yêu cầu");
        }
        else if (at is not null && InstantPattern.ExtendedIso.Parse(at) is not { Success: true } parsed)
        {
            problem = Problems.Service(context, 400, "Service.At", "The scan's time (at) is not an ISO-8601 instant such as 2026-12-01T02:00:00Z",
                "Thời điểm quét (at) không đúng dạng ISO-8601, ví dụ 2026-12-01T02:00:00Z");
        }
        else if (direction is not (null or "in" or "out"))
        {
            problem = Problems.Service(context, 400, "Service.Event", "The event is in or out", "Sự kiện phải là in (vào) hoặc out (ra)");
        }
        else if (at is not null)
        {
            instant = InstantPattern.ExtendedIso.Parse(at).Value;
        }

        return problem is null;
    }
}

/// <summary>
/// What the web pages need beyond the JSON API: venue lists and place names for the owner's form, decoding a camera
/// frame for the check-in desk, the web check-in page a phone camera opens from a signed venue code, paper-log entries
/// typed in later, and follow-up notes from tracers.
/// </summary>
internal static class WebEndpoints
{
    /// <summary>The largest camera frame or photo <c>POST /scan</c> accepts.</summary>
    public const long MaxImageBytes = 2 * 1024 * 1024;

    public static void MapWeb(this WebApplication app)
    {
        app.MapGet("/venues", (ServiceStore store) => TypedResults.Ok(store.Venues().Select(VenueView.Of).ToArray()))
            .WithSummary("Registered venues (public: what a poster shows)");

        app.MapGet("/places/provinces", () =>
        {
            var era = CurrentEra();
            return TypedResults.Ok(AdministrativeUnits.Default.Provinces(era).Select(p => new PlaceView(p.Code, p.Name)).ToArray());
        }).WithSummary("Provinces in force today, for address forms");

        app.MapGet("/places/provinces/{code:int}/communes", Results<Ok<PlaceView[]>, NotFound> (int code) =>
        {
            var era = CurrentEra();
            if (AdministrativeUnits.Default.FindProvince(code, era) is null)
            {
                return TypedResults.NotFound();
            }

            return TypedResults.Ok(AdministrativeUnits.Default.Communes(era).Where(c => ProvinceOf(c)?.Code == code).Select(c => new PlaceView(c.Code, c.Name)).ToArray());
        }).WithSummary("The communes of a province in force today");

        // The desk's camera: a frame (PNG, PGM or PPM) decoded here, so the page needs no QR library of its own.
        app.MapPost("/scan", async Task<Results<Ok<ScanView[]>, ProblemHttpResult>> (HttpContext context, ServiceStore store) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var read = new ManagedQrReader().ReadFile(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), cancellationToken: context.RequestAborted);
            if (!read.TryGetValue(out var codes))
            {
                return Problems.Of(context, 422, read.Error);
            }

            var reading = store.Reading;
            return TypedResults.Ok(codes.Select(c => new ScanView(c.Text, Redaction.MaskScannedText(c.Text, reading), WhatItIs(c.Text, reading))).ToArray());
        }).WithSummary("Decode the QR codes in an image (a camera frame): their text, masked for display, and what each is (venue, person, passport, other)");

        // The web check-in page: the URL a signed venue code carries opens this page on a phone with no app.
        app.MapGet("/c/{**body}", (IWebHostEnvironment environment) =>
            TypedResults.PhysicalFile(Path.Combine(environment.WebRootPath, "checkin.html"), "text/html; charset=utf-8"));

        app.MapGet("/web/venue-code/{**body}", Results<Ok<VenueView>, ProblemHttpResult> (HttpContext context, string body, ServiceStore store) =>
            VenueOfCode(context, store, body, out var venue, out var problem) ? TypedResults.Ok(VenueView.Of(venue!)) : problem!)
            .WithSummary("Check a signed venue code's body as the web check-in page opened it");

        app.MapPost("/web/checkins", async Task<Results<Ok<Receipt>, Created<Receipt>, ProblemHttpResult>> (HttpContext context, WebCheckInRequest request, ServiceStore store) =>
        {
            if (!VenueOfCode(context, store, request.Body ?? string.Empty, out var venue, out var problem))
            {
                return problem!;
            }

            if (!Requests.TryScanOf(context, request.RequestId, request.At, request.Event, out var at, out var kind, out var invalid))
            {
                return invalid!;
            }

            if (!string.IsNullOrWhiteSpace(request.PersonCode))
            {
                // The visitor showed their own 1405 (or chip card) code to their own browser: read as staff would.
                var scan = ScanInterpreter.PersonCodeScanned(request.PersonCode, venue!.VenueKey, at, kind, request.Device, store.Reading, requireVerified: true);
                return scan.TryGetValue(out var scanned)
                    ? await Recording.RecordAsync(context, store, scanned with { Channel = EventChannel.App }, request.RequestId)
                    : Problems.Of(context, 422, scan.Error);
            }

            if (!PhoneNumber.TryParse(request.Phone ?? string.Empty, out var phone))
            {
                return Problems.Service(context, 400, "Service.Phone", "Give your 1405 code, or a Vietnamese phone number and your name", "Hãy nhập mã 1405, hoặc số điện thoại Việt Nam và họ tên");
            }

            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
            {
                return Problems.Service(context, 400, "Service.Name", "Give your full name (at most 100 characters) with your phone", "Hãy nhập họ tên (tối đa 100 ký tự) cùng số điện thoại");
            }

            // Whom tracers call: the phone's holder, by the name they gave (the directory is the service's own record).
            var pseudonymizer = store.Runtime.Pseudonymizer;
            var person = pseudonymizer.Pseudonymize(IdentifierKind.Phone, phone.National);
            if (kind == CheckInEventKind.CheckIn)
            {
                store.AddContact(person, new ContactCard(request.Name.Trim(), phone));
            }

            return await Recording.RecordAsync(context, store, person, [], venue!.VenueKey, at, kind, EventChannel.App, request.Device, request.RequestId,
                Recording.Shown(new PersonIdentifier(IdentifierKind.Phone, phone.National)));
        }).WithSummary("Check in (or out) from the web check-in page: by 1405 code, or by phone and name");

        // Paper logs: an entry typed in later, matched to a registered person by phone and name, else its own person.
        app.MapPost("/paper-logs", async Task<Results<Ok<PaperLogView>, Created<PaperLogView>, ProblemHttpResult>> (HttpContext context, ServiceStore store, DeclarationValidator validator, string? requestId) =>
        {
            var read = DeclarationJson.Read(await Requests.ReadBodyAsync(context), DocumentKind.PaperLog);
            if (read.Document is not PaperLogEntry entry)
            {
                return Problems.Of(context, 400, read.Failures);
            }

            var validation = validator.Validate(entry);
            if (validation.Failures.Count > 0)
            {
                return Problems.Of(context, 400, validation.Failures);
            }

            if (store.FindVenue(entry.VenueId!) is not { } venue)
            {
                return Problems.UnknownVenue(context);
            }

            var pseudonymizer = store.Runtime.Pseudonymizer;
            PersonPseudonym person;
            string match;
            double confidence;
            string shown;
            if (entry.DocumentNumber is { Length: > 0 } number)
            {
                person = pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, number);
                (match, confidence, shown) = ("document", 1, Recording.Shown(new PersonIdentifier(IdentifierKind.CitizenId, number)));
            }
            else
            {
                var matched = await new PaperLogMatcher(pseudonymizer, store.Directory_).MatchAsync(entry.FullName ?? string.Empty, entry.Phone ?? string.Empty, context.RequestAborted);
                if (!matched.TryGetValue(out var found))
                {
                    return Problems.Of(context, 422, matched.Error);
                }

                person = found.Person;
                (match, confidence, shown) = (found.Kind.ToString(), found.Confidence, "paper " + Redaction.MaskName(entry.FullName ?? string.Empty));
            }

            var receipts = new List<Receipt>();
            var created = false;
            foreach (var (at, kind, suffix) in new[] { (entry.CheckIn, CheckInEventKind.CheckIn, ":in"), (entry.CheckOut, CheckInEventKind.CheckOut, ":out") })
            {
                if (at is not { } instant)
                {
                    continue;
                }

                var recorded = await Recording.RecordAsync(context, store, person, [], venue.VenueKey, instant, kind, EventChannel.Paper, null, requestId is null ? null : requestId + suffix, shown);
                switch (recorded.Result)
                {
                    case Created<Receipt> c:
                        receipts.Add(c.Value!);
                        created = true;
                        break;
                    case Ok<Receipt> o:
                        receipts.Add(o.Value!);
                        break;
                    case ProblemHttpResult p:
                        return p;
                }
            }

            var view = new PaperLogView(match, confidence, receipts);
            return created ? TypedResults.Created($"/log/{receipts[0].Sequence}", view) : TypedResults.Ok(view);
        }).WithSummary("Record a paper-log entry typed in later: matched to a registered person by phone and name, or by its ID number");

        // Follow-up by tracers: who was called and how it went, in the audit log (the person by pseudonym only).
        app.MapPost("/follow-ups", Results<NoContent, UnauthorizedHttpResult, ProblemHttpResult> (HttpContext context, FollowUpRequest request, ServiceStore store, ApiKeys keys) =>
        {
            if (keys.Actor(context) is not { } actor)
            {
                return TypedResults.Unauthorized();
            }

            if (request.Person is not { Length: 32 } person || !person.All(char.IsAsciiHexDigit) || request.Outcome is not ("reached" or "no-answer" or "wrong-number" or "refused"))
            {
                return Problems.Service(context, 400, "Service.FollowUp", "A follow-up needs the contact's pseudonym (32 hex digits) and an outcome: reached, no-answer, wrong-number or refused",
                    "Ghi nhận liên hệ cần mã giả danh của người tiếp xúc (32 chữ số hex) và kết quả: reached, no-answer, wrong-number hoặc refused");
            }

            store.Audit(actor, "follow-up", $"{person} {request.Outcome}");
            return TypedResults.NoContent();
        }).WithSummary("Record the outcome of a call to a contact (staff; audited)");
    }

    private static AdministrativeEra CurrentEra() => AdministrativeUnits.EraOn(VietnamTime.DateAt(SystemClock.Instance.GetCurrentInstant()));

    private static AdministrativeUnit? ProvinceOf(AdministrativeUnit unit)
    {
        var current = unit.Parent;
        while (current is not null && current.Level != AdministrativeLevel.Province)
        {
            current = current.Parent;
        }

        return current;
    }

    private static string WhatItIs(string text, PayloadReaderOptions reading) => PayloadReader.Read(text, reading).TryGetValue(out var payload)
        ? payload switch
        {
            SignedVenuePayload or TokhaiyteVenuePayload => "venue",
            SignedPersonPayload or PersonalQrPayload or CitizenCardPayload or HealthInsuranceCardPayload => "person",
            CheckIn.Core.Payloads.Dcc.DccPayload => "passport",
            _ => "other",
        }
        : "unreadable";

    /// <summary>The registered venue a signed venue code names: the body as the page's URL carried it, after the service's own base URL.</summary>
    private static bool VenueOfCode(HttpContext context, ServiceStore store, string body, out ServiceVenue? venue, out ProblemHttpResult? problem)
    {
        venue = null;
        problem = null;
        var text = store.Signer.BaseUrl + body;
        var read = PayloadReader.Read(text, store.Reading);
        if (!read.TryGetValue(out var payload))
        {
            problem = Problems.Of(context, 422, read.Error);
            return false;
        }

        if (payload is not SignedVenuePayload { IsVerified: true } signed || ScanInterpreter.VenueKeyOf(signed) is not { } key)
        {
            problem = Problems.Of(context, 422, new CheckInError(payload is SignedPayload { IsVerified: false } ? TracingErrorCodes.Scan.Unverified : TracingErrorCodes.Scan.NotAVenueCode, TracingErrorCodes.Messages));
            return false;
        }

        venue = store.FindVenueByKey(key);
        if (venue is null)
        {
            problem = Problems.UnknownVenue(context);
            return false;
        }

        return true;
    }
}

public sealed record PlaceView(int Code, string Name);

public sealed record ScanView(string Text, string Shown, string Kind);

public sealed record WebCheckInRequest(string? Body, string? PersonCode, string? Phone, string? Name, string? Event, string? At, string? Device, string? RequestId);

public sealed record PaperLogView(string Match, double Confidence, IReadOnlyList<Receipt> Receipts);

public sealed record FollowUpRequest(string? Person, string? Outcome);
