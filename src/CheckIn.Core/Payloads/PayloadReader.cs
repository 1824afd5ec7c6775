using System.Diagnostics.CodeAnalysis;
using CheckIn.Core.Identity;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Core.Payloads.Signed;

namespace CheckIn.Core.Payloads;

/// <summary>
/// The one entry point for scanned text: detects which national code it is and reads it into a typed
/// payload, or returns a precise error (stable code, field index, character position). Never throws on
/// any input.
/// </summary>
/// <example>
/// <code>
/// var result = PayloadReader.Read(scannedText);
/// if (result.TryGetValue(out var payload) &amp;&amp; payload is CitizenCardPayload card)
///     Console.WriteLine(card.IdNumber); // masked: 001*******56
/// else if (!result.Success)
///     Console.WriteLine(result.Error.Code); // e.g. CitizenCard.DateOfBirth
/// </code>
/// </example>
public static class PayloadReader
{
    /// <summary>Detects the format of scanned text and reads it.</summary>
    /// <param name="text">The text a scanner or camera read.</param>
    /// <param name="options">Reading options, or null for the defaults.</param>
    /// <returns>The payload (a <see cref="CitizenCardPayload"/>, <see cref="HealthInsuranceCardPayload"/>,
    /// <see cref="PersonalQrPayload"/>, <see cref="TokhaiyteVenuePayload"/>, <see cref="SignedVenuePayload"/>,
    /// <see cref="SignedPersonPayload"/> or <see cref="DccPayload"/>), or an error.</returns>
    /// <exception cref="InvalidOptionsException">An option is out of range (<see cref="PayloadReaderOptions.Validate"/>).</exception>
    public static Result<CheckInPayload> Read(ReadOnlySpan<char> text, PayloadReaderOptions? options = null)
    {
        options ??= PayloadReaderOptions.Default;
        if (!options.IsValid())
        {
            InvalidOptionsException.ThrowIfAny(options.Validate(), nameof(options));
        }

        if (!PayloadText.TryPrepare(text, out var prepared, out var offset, out var quirks, out var error))
        {
            return Result.Fail<CheckInPayload>(error);
        }

        if (DccReader.Claims(prepared))
        {
            return DccReader.Read(prepared, offset, quirks, options);
        }

        var url = new UrlParts(prepared);
        if (url.IsHttp)
        {
            if (TokhaiyteVenueReader.IsTokhaiyteHost(url.Host))
            {
                return Widen(TokhaiyteVenueReader.Read(url, offset, quirks));
            }

            return SignedPayloadReader.Claims(prepared, options)
                ? SignedPayloadReader.Read(prepared, offset, quirks, options)
                : CoreErrors.Fail<CheckInPayload>(CoreErrorCodes.Payload.UnknownUrl, CheckInError.None, offset);
        }

        return DetectSeparated(prepared) switch
        {
            PayloadKind.CitizenCard => Widen(CitizenCardReader.Read(prepared, offset, quirks, options)),
            PayloadKind.HealthInsuranceCard => Widen(HealthInsuranceCardReader.Read(prepared, offset, quirks)),
            PayloadKind.PersonalQr => Widen(PersonalQrReader.Read(prepared, offset, quirks)),
            _ => CoreErrors.Fail<CheckInPayload>(CoreErrorCodes.Payload.UnknownFormat, CheckInError.None, offset),
        };
    }

    /// <summary>Reads scanned text without building an error.</summary>
    /// <param name="text">The text.</param>
    /// <param name="payload">The payload when the text is valid.</param>
    /// <param name="options">Reading options, or null for the defaults.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<char> text, [NotNullWhen(true)] out CheckInPayload? payload, PayloadReaderOptions? options = null) =>
        Read(text, options).TryGetValue(out payload);

    /// <summary>
    /// Guesses which format a <c>|</c>-separated text is meant to be, so a broken code is reported against
    /// the format it was meant to be: <c>$</c> last means a health-insurance card; 6 fields a personal QR;
    /// 7 or 11 a citizen card; otherwise the field count and a 12-digit first field decide.
    /// </summary>
    private static PayloadKind? DetectSeparated(ReadOnlySpan<char> text)
    {
        var separators = text.Count('|');
        if (separators == 0)
        {
            return null;
        }

        var fieldCount = separators + 1;
        if (text.EndsWith("|$"))
        {
            return PayloadKind.HealthInsuranceCard;
        }

        var first = text[..text.IndexOf('|')];
        return fieldCount switch
        {
            PersonalQrReader.FieldCount => PayloadKind.PersonalQr,
            (int)CitizenCardLayout.ChipCard2021 or (int)CitizenCardLayout.IdentityCard2024 => PayloadKind.CitizenCard,
            >= 13 and <= 19 => PayloadKind.HealthInsuranceCard,
            >= 5 and <= 12 when first.Length == CitizenId.Length && Fields.IsDigits(first) => PayloadKind.CitizenCard,
            _ => null,
        };
    }

    private static Result<CheckInPayload> Widen<T>(Result<T> result)
        where T : CheckInPayload =>
        result.TryGetValue(out var value) ? Result.Ok<CheckInPayload>(value) : Result.Fail<CheckInPayload>(result.Error);
}
