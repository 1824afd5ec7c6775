using CheckIn.Core;
using CheckIn.Core.Identity;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing.Visits;

/// <summary>
/// One identifier of a person, with its kind: what to pseudonymize (<see cref="PersonPseudonymizer.Pseudonymize(IdentifierKind, string)"/>).
/// <see cref="ToString"/> masks the value.
/// </summary>
/// <param name="Kind">What the identifier is.</param>
/// <param name="Value">The identifier, canonical (digits of an ID number, a phone's national form).</param>
public sealed record PersonIdentifier(IdentifierKind Kind, string Value)
{
    /// <summary>The kind and the masked value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind} {Redaction.MaskDocumentNumber(Value)}";
}

/// <summary>
/// A scan turned into an event: the venue, the person (by the identifier scanned), the other identifiers the code
/// showed belong to the same person (links for a person registry), the time, the channel and the device.
/// </summary>
/// <param name="Venue">The canonical venue key (<see cref="ScanInterpreter.VenueKeyOf"/>).</param>
/// <param name="Person">The identifier the event is recorded under.</param>
/// <param name="Links">Other identifiers of the same person the code carried (a chip card's old number, a 1405 code's QID, insurance number and phone).</param>
/// <param name="Kind">Check-in or check-out.</param>
/// <param name="At">When.</param>
/// <param name="Channel">Who scanned: the visitor's app, venue staff, or a paper log.</param>
/// <param name="Device">The scanning device's id, when known.</param>
public sealed record ScannedEvent(string Venue, PersonIdentifier Person, IReadOnlyList<PersonIdentifier> Links, CheckInEventKind Kind, Instant At, EventChannel Channel, string? Device);

/// <summary>A scan ready to record: the event under the person's representative, and the merges its links caused.</summary>
/// <param name="Event">The event, for <see cref="VisitRecorder.Record(CheckInEvent)"/>.</param>
/// <param name="Merges">People the scan showed to be one; apply each to the index before the next trace.</param>
public sealed record RecordableScan(CheckInEvent Event, IReadOnlyList<PersonMerge> Merges);

/// <summary>
/// Turns what a phone or a venue's scanner read into check-in events, the same way in every app: a visitor's app
/// that scanned a venue code (tokhaiyte venue URL or CheckIn signed venue code), and venue staff who scanned a
/// visitor's chip ID card, health-insurance card, 1405 personal code or CheckIn signed personal code. A code that
/// cannot make an event is a coded refusal (<c>Scan.*</c>, or the payload's own error): a masked personal code is not
/// an identity, and an unverified signed code is refused when signatures are required.
/// </summary>
public static class ScanInterpreter
{
    /// <summary>A visitor's app scanned a venue's code.</summary>
    /// <param name="scannedText">What the camera read.</param>
    /// <param name="visitor">The app user's own identifier.</param>
    /// <param name="at">When.</param>
    /// <param name="kind">Check-in or check-out.</param>
    /// <param name="device">The phone's id, or null.</param>
    /// <param name="options">Reading options (verification keys, trusted hosts), or null.</param>
    /// <param name="requireVerified">Refuse CheckIn signed codes that were not verified (<c>Scan.Unverified</c>).</param>
    /// <returns>The event, or a coded refusal.</returns>
    public static Result<ScannedEvent> VenueCodeScanned(string scannedText, PersonIdentifier visitor, Instant at, CheckInEventKind kind, string? device = null,
        PayloadReaderOptions? options = null, bool requireVerified = false)
    {
        ArgumentNullException.ThrowIfNull(scannedText);
        ArgumentNullException.ThrowIfNull(visitor);
        var read = PayloadReader.Read(scannedText, options);
        if (!read.TryGetValue(out var payload))
        {
            return read.ConvertError<ScannedEvent>();
        }

        if (payload is SignedPayload { IsVerified: false } && requireVerified)
        {
            return Fail(TracingErrorCodes.Scan.Unverified);
        }

        return VenueKeyOf(payload) is { } venue
            ? Result.Ok(new ScannedEvent(venue, visitor, [], kind, at, EventChannel.App, device))
            : Fail(TracingErrorCodes.Scan.NotAVenueCode);
    }

    /// <summary>Venue staff scanned a visitor's code or card.</summary>
    /// <param name="scannedText">What the scanner read.</param>
    /// <param name="venue">The venue's key.</param>
    /// <param name="at">When.</param>
    /// <param name="kind">Check-in or check-out.</param>
    /// <param name="device">The scanner's id, or null.</param>
    /// <param name="options">Reading options, or null.</param>
    /// <param name="requireVerified">Refuse CheckIn signed personal codes that were not verified.</param>
    /// <returns>The event with every identifier the code carried, or a coded refusal.</returns>
    public static Result<ScannedEvent> PersonCodeScanned(string scannedText, string venue, Instant at, CheckInEventKind kind, string? device = null,
        PayloadReaderOptions? options = null, bool requireVerified = false)
    {
        ArgumentNullException.ThrowIfNull(scannedText);
        ArgumentException.ThrowIfNullOrWhiteSpace(venue);
        var read = PayloadReader.Read(scannedText, options);
        if (!read.TryGetValue(out var payload))
        {
            return read.ConvertError<ScannedEvent>();
        }

        var links = new List<PersonIdentifier>();
        PersonIdentifier person;
        switch (payload)
        {
            case CitizenCardPayload card:
                person = new PersonIdentifier(IdentifierKind.CitizenId, card.IdNumber.Value);
                if (card.OldIdNumber is { } old)
                {
                    links.Add(new PersonIdentifier(IdentifierKind.CitizenId, old.Value));
                }

                break;
            case HealthInsuranceCardPayload insurance:
                person = new PersonIdentifier(IdentifierKind.HealthInsurance, insurance.CardNumber.Value);
                break;
            case PersonalQrPayload personal:
                if (personal.Document.IsMasked)
                {
                    // A masked code shows six hidden digits: it cannot tell two people apart.
                    return Fail(TracingErrorCodes.Scan.MaskedCode);
                }

                person = new PersonIdentifier(personal.Document.Kind == IdentityDocumentKind.Passport ? IdentifierKind.Passport : IdentifierKind.CitizenId,
                    personal.Document.Number);
                if (personal.Qid.Length > 0)
                {
                    links.Add(new PersonIdentifier(IdentifierKind.PlatformId, personal.Qid));
                }

                // EXT's order is not documented: values are recognized by their shape, masked ones skipped.
                foreach (var value in personal.Extensions)
                {
                    if (value.Contains('*', StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // A 15-character card code is insurance; ten digits that read as a phone are the phone (a 10-digit
                    // social-insurance code can look the same: a wrong kind only leaves a link unmatched, never merges).
                    if (HealthInsuranceNumber.TryParse(value, out var number) && number.IsCardCode)
                    {
                        links.Add(new PersonIdentifier(IdentifierKind.HealthInsurance, number.Value));
                    }
                    else if (value.Length >= 9 && PhoneNumber.TryParse(value, out var phone))
                    {
                        links.Add(new PersonIdentifier(IdentifierKind.Phone, phone.National));
                    }
                    else if (HealthInsuranceNumber.TryParse(value, out var code))
                    {
                        links.Add(new PersonIdentifier(IdentifierKind.HealthInsurance, code.Value));
                    }
                }

                break;
            case SignedPersonPayload signed:
                if (requireVerified && !signed.IsVerified)
                {
                    return Fail(TracingErrorCodes.Scan.Unverified);
                }

                person = new PersonIdentifier(IdentifierKind.Opaque, "checkin-person:" + signed.SubjectKeyText);
                break;
            default:
                return Fail(TracingErrorCodes.Scan.NotAPersonCode);
        }

        return Result.Ok(new ScannedEvent(venue, person, links, kind, at, EventChannel.StaffScan, device));
    }

    /// <summary>
    /// The canonical key of a venue code: a tokhaiyte group id in lower case whatever host spelling or letter case the
    /// poster had (<c>tokhaiyte:5f8a…</c>), a CheckIn signed venue code by its issuer's host and venue key
    /// (<c>checkin:checkin.example.vn/0123456789abcdef</c>); null for codes that are not venue codes.
    /// </summary>
    /// <param name="payload">A read payload.</param>
    /// <returns>The key, or null.</returns>
    public static string? VenueKeyOf(CheckInPayload payload) => payload switch
    {
        TokhaiyteVenuePayload tokhaiyte => "tokhaiyte:" + tokhaiyte.GroupId.ToLowerInvariant(),
        SignedVenuePayload signed => "checkin:" + new Uri(signed.BaseUrl).Authority.ToLowerInvariant() + "/" + signed.SubjectKeyText,
        _ => null,
    };

    /// <summary>
    /// Turns an interpreted scan into the event to record: the scanned identifier and its links pseudonymized, linked in
    /// the registry (so the person is whole from this scan on), the event recorded under the person's representative,
    /// with the venue's kind from the venue registry.
    /// </summary>
    /// <param name="scan">The scan.</param>
    /// <param name="pseudonymizer">The deployment's pseudonymizer.</param>
    /// <param name="registry">Who is who; null to record under the scanned identifier only (no linking).</param>
    /// <param name="venues">The venues, for the kind; null for <see cref="Core.Places.VenueKind.Unspecified"/>.</param>
    /// <returns>The event, and the merges the scan's links caused (apply each with <see cref="Index.VisitStore.Merge(PersonPseudonym, PersonPseudonym)"/>).</returns>
    public static RecordableScan ToEvent(ScannedEvent scan, PersonPseudonymizer pseudonymizer, PersonRegistry? registry = null, Venues.VenueRegistry? venues = null)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        var person = pseudonymizer.Pseudonymize(scan.Person.Kind, scan.Person.Value);
        var merges = (IReadOnlyList<PersonMerge>)[];
        if (registry is not null)
        {
            var observed = registry.Observe(person, scan.Links.Select(l => pseudonymizer.Pseudonymize(l.Kind, l.Value)));
            (person, merges) = (observed.Representative, observed.Merges);
        }

        var kind = venues?.KindOf(scan.Venue) ?? Core.Places.VenueKind.Unspecified;
        return new RecordableScan(new CheckInEvent(person, scan.Venue, kind, scan.At, scan.Kind), merges);
    }

    private static Result<ScannedEvent> Fail(string code) => Result.Fail<ScannedEvent>(TracingErrors.Of(code));
}
