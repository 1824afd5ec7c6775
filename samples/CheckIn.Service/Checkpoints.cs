using CheckIn.Checkpoints;
using CheckIn.Compliance;
using CheckIn.Core;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Declarations;
using CheckIn.Hosting.Log;
using CheckIn.Tracing.Visits;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Service;

/// <summary>
/// The checkpoint's pass decision (<c>POST /passes/check</c>, recorded as a check-in at the checkpoint's venue), a vaccine
/// passport's screen (<c>POST /passes/dcc</c>), and venue compliance with the safety map (<c>GET /venues/compliance</c>),
/// all for staff with an API key.
/// </summary>
internal static class CheckpointEndpoints
{
    public static void MapCheckpoints(this WebApplication app)
    {
        app.MapPost("/passes/check", async Task<Results<Ok<PassView>, UnauthorizedHttpResult, ProblemHttpResult>> (HttpContext context, PassRequest request, ServiceStore store, ApiKeys keys, PassPolicy policy) =>
        {
            if (keys.Actor(context) is not { } actor)
            {
                return TypedResults.Unauthorized();
            }

            var at = SystemClock.Instance.GetCurrentInstant();
            if (request.At is { } atText)
            {
                var parsed = InstantPattern.ExtendedIso.Parse(atText);
                if (!parsed.Success)
                {
                    return Problems.Service(context, 400, "Service.At", "The check's time (at) is not an ISO-8601 instant", "Thời điểm kiểm tra (at) không đúng dạng ISO-8601");
                }

                at = parsed.Value;
            }

            var scans = request.Scans ?? [];
            if (scans.Length > 10)
            {
                return Problems.Service(context, 400, "Service.Scans", "At most 10 scans are decided on at once", "Tối đa 10 mã cho một lần kiểm tra");
            }

            var reading = store.Reading with { Clock = new FixedClock(at) };
            var evidence = new List<PassEvidence>();
            foreach (var scan in scans)
            {
                var read = PayloadReader.Read(scan ?? string.Empty, reading);
                if (!read.TryGetValue(out var payload))
                {
                    return Problems.Of(context, 422, read.Error);
                }

                evidence.AddRange(PassEvidence.FromPayload(payload));
            }

            foreach (var v in request.Vaccinations ?? [])
            {
                if (!LocalDatePattern.Iso.Parse(v.Date ?? string.Empty).TryGetValue(default, out var date) || v.Dose is < 1 or > 9 || v.Series is < 1 or > 9)
                {
                    return Problems.Service(context, 400, "Service.Vaccination", "A vaccination is a date and a dose and series of 1 to 9", "Mũi tiêm gồm ngày, số mũi và số mũi cơ bản từ 1 đến 9");
                }

                evidence.Add(new VaccinationEvidence(date, v.Dose, v.Series, v.Product, EvidenceSource.Registry, Verified: true));
            }

            foreach (var t in request.Tests ?? [])
            {
                if (t.Kind is not ("pcr" or "rapid") || InstantPattern.ExtendedIso.Parse(t.SampledAt ?? string.Empty) is not { Success: true } sampled)
                {
                    return Problems.Service(context, 400, "Service.Test", "A test is pcr or rapid, with its sample time", "Xét nghiệm là pcr hoặc rapid, kèm thời điểm lấy mẫu");
                }

                evidence.Add(new TestEvidence(t.Kind == "pcr" ? TestKind.Pcr : TestKind.RapidAntigen, t.Negative, sampled.Value, EvidenceSource.Registry, Verified: true));
            }

            foreach (var d in request.Declarations ?? [])
            {
                if (InstantPattern.ExtendedIso.Parse(d.At ?? string.Empty) is not { Success: true } declared)
                {
                    return Problems.Service(context, 400, "Service.Declaration", "A declaration has its time (at)", "Tờ khai phải có thời điểm (at)");
                }

                evidence.Add(new DeclarationEvidence(declared.Value, d.Symptoms, d.Exposure, EvidenceSource.Registry, Verified: true));
            }

            var decision = policy.Decide(evidence, at);
            var language = Problems.LanguageOf(context);
            long? recorded = null;

            // Recorded as a check-in at the checkpoint: the identity scanned, staff's channel, the decision in the audit.
            if (request.CheckpointId is { } checkpointId)
            {
                if (store.FindVenue(checkpointId) is not { } venue)
                {
                    return Problems.UnknownVenue(context);
                }

                var identity = scans.Select(s => ScanInterpreter.PersonCodeScanned(s ?? string.Empty, venue.VenueKey, at, CheckInEventKind.CheckIn, "checkpoint", reading, requireVerified: true))
                    .FirstOrDefault(s => s.Success);
                if (identity.Success)
                {
                    var scanned = identity.Value;
                    var pseudonymizer = store.Runtime.Pseudonymizer;
                    var appended = await Recording.AppendAsync(context, store, pseudonymizer.Pseudonymize(scanned.Person.Kind, scanned.Person.Value),
                        [.. scanned.Links.Select(l => pseudonymizer.Pseudonymize(l.Kind, l.Value))], scanned.Venue, at, CheckInEventKind.CheckIn, scanned.Channel, scanned.Device, request.RequestId);
                    if (!appended.TryGetValue(out var receipt))
                    {
                        return Problems.Of(context, 422, appended.Error);
                    }

                    recorded = receipt.Sequence;
                    store.Audit(actor, "pass", $"{decision.Outcome} at {checkpointId} (log {receipt.Sequence}): {string.Join(' ', decision.Reasons.Select(r => r.Code))}; basis {string.Join(' ', decision.Basis.Select(Describe))}");
                }
            }

            return TypedResults.Ok(new PassView(decision.Outcome.ToString(), decision.Describe(language),
                [.. decision.Reasons.Select(r => new PassReasonView(r.Code, r.Kind.ToString(), r.GetMessage(language), r.Evidence))],
                [.. decision.Basis.Select(b => new PassBasisView(b.Type.ToString(), b.Source.ToString(), b.Verified))],
                recorded));
        }).WithSummary("A checkpoint's pass decision from scanned codes and registry answers, with its reasons; recorded as a check-in at the checkpoint when it names one");

        app.MapPost("/passes/dcc", Results<Ok<PassLineView[]>, UnauthorizedHttpResult, ProblemHttpResult> (HttpContext context, DccRequest request, ServiceStore store, ApiKeys keys) =>
        {
            if (keys.Actor(context) is null)
            {
                return TypedResults.Unauthorized();
            }

            var read = PayloadReader.Read(request.Text ?? string.Empty, store.Reading);
            if (!read.TryGetValue(out var payload) || payload is not DccPayload dcc)
            {
                return read.Success ? Problems.Service(context, 422, "Service.NotAPassport", "The code is not a vaccine passport (HC1:)", "Mã này không phải hộ chiếu vắc xin (HC1:)") : Problems.Of(context, 422, read.Error);
            }

            return TypedResults.Ok(DccSummary.Lines(dcc, Problems.LanguageOf(context)).Select(l => new PassLineView(l.Name, l.Value ?? string.Empty)).ToArray());
        }).WithSummary("A vaccine passport's lines for the checkpoint screen (masked), in the caller's language");

        app.MapGet("/venues/compliance", async Task<Results<FileContentHttpResult, UnauthorizedHttpResult, ProblemHttpResult>> (HttpContext context, ServiceStore store, ApiKeys keys,
            string? from, int? days, string? format) =>
        {
            if (keys.Actor(context) is null)
            {
                return TypedResults.Unauthorized();
            }

            var today = VietnamTime.DateAt(SystemClock.Instance.GetCurrentInstant());
            var length = days ?? 14;
            LocalDate start;
            if (from is null)
            {
                start = today.PlusDays(1 - length);
            }
            else if (!LocalDatePattern.Iso.Parse(from).TryGetValue(default, out start))
            {
                return Problems.Service(context, 400, "Service.From", "from is a date such as 2021-09-06", "from là ngày, ví dụ 2021-09-06");
            }

            if (length is < 1 or > 366 || format is not (null or "json" or "csv"))
            {
                return Problems.Service(context, 400, "Service.Period", "days is 1 to 366 and format json or csv", "days từ 1 đến 366 và format là json hoặc csv");
            }

            // The log names venues by their key; reports name them by the service's id, with their commune.
            var venues = store.Venues();
            var byKey = venues.ToDictionary(v => v.VenueKey, v => v.Id, StringComparer.Ordinal);
            var engine = await store.Runtime.WhenReadyAsync(context.RequestAborted);
            var checkIns = new List<VenueCheckIn>();
            await foreach (var logged in engine.ReadLogAsync(0, context.RequestAborted))
            {
                if (logged.Entry is EventEntry { Event.Kind: CheckInEventKind.CheckIn } entry && byKey.TryGetValue(entry.Event.Venue, out var id))
                {
                    checkIns.Add(new VenueCheckIn(id, entry.Event.At, entry.Channel));
                }
            }

            var period = new DateInterval(start, start.PlusDays(length - 1));
            var profiles = venues.Select(v => new VenueProfile(v.Id, v.Name, v.Commune, v.Kind)).ToList();
            var report = VenueCompliance.Evaluate(checkIns, profiles, period, cancellationToken: context.RequestAborted);
            var checks = store.SafetyChecks().Select(json => DeclarationJson.Read(json).Document).OfType<VenueSafetyCheck>().ToList();
            var map = SafetyMap.AssessAll(report, checks, period.End);
            using var stream = new MemoryStream();
            if (format == "csv")
            {
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true))
                {
                    SafetyMap.WriteCsv(writer, map);
                }

                return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8", "safety-map.csv");
            }

            SafetyMap.WriteJson(stream, map);
            return TypedResults.File(stream.ToArray(), "application/json");
        }).WithSummary("Venues' check-ins against their history (warnings, suspension recommended after three) and their safety status, as JSON or CSV with commune codes");
    }

    private static string Describe(PassEvidence evidence) => evidence.Type + "/" + evidence.Source + (evidence.Verified ? "/verified" : "/unverified");

    private sealed class FixedClock(Instant instant) : IClock
    {
        public Instant GetCurrentInstant() => instant;
    }
}

/// <summary>A pass check: the codes scanned and what the checkpoint looked up.</summary>
public sealed record PassRequest(string?[]? Scans, VaccinationInput[]? Vaccinations, TestInput[]? Tests, DeclarationInput[]? Declarations, string? At, string? CheckpointId, string? RequestId);

/// <summary>A vaccination from the registry.</summary>
public sealed record VaccinationInput(string? Date, int Dose, int Series, string? Product);

/// <summary>A test result from the registry: <c>pcr</c> or <c>rapid</c>.</summary>
public sealed record TestInput(string? Kind, bool Negative, string? SampledAt);

/// <summary>A declaration from the declaration system.</summary>
public sealed record DeclarationInput(string? At, bool Symptoms, bool Exposure);

/// <summary>The decision.</summary>
public sealed record PassView(string Outcome, string Summary, PassReasonView[] Reasons, PassBasisView[] Basis, long? Recorded);

/// <summary>One reason.</summary>
public sealed record PassReasonView(string Code, string Kind, string Message, int? Evidence);

/// <summary>One piece of evidence the decision rests on.</summary>
public sealed record PassBasisView(string Type, string Source, bool Verified);

/// <summary>A vaccine passport's text.</summary>
public sealed record DccRequest(string? Text);

/// <summary>One line of a checkpoint screen.</summary>
public sealed record PassLineView(string Label, string Value);
