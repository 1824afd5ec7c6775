using System.Buffers;

namespace CheckIn.Core.Payloads;

/// <summary>
/// A venue code made at qr.tokhaiyte.vn (2021–2022): the URL
/// <c>https://tokhaiyte.vn/?page=Group.checkin&amp;groupId=&lt;24 lower-case hex&gt;</c>.
/// </summary>
/// <remarks>
/// The reader tolerates what printing and re-typing do to the URL: parameters in any order or with extra
/// parameters, any case of scheme and host, <c>http</c>, a <c>www.</c> host, trailing slashes, a fragment,
/// and an upper-case group id (normalized, flagged <see cref="PayloadQuirks.IdentifierCaseChanged"/>).
/// </remarks>
public sealed record TokhaiyteVenuePayload : CheckInPayload
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The length of a group id.</summary>
    public const int GroupIdLength = 24;

    /// <summary>Creates a payload.</summary>
    /// <param name="groupId">24 hex digits; upper case is lower-cased.</param>
    /// <exception cref="ArgumentException">The group id is not 24 hex digits.</exception>
    public TokhaiyteVenuePayload(string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        if (!IsGroupId(groupId))
        {
            throw new ArgumentException($"A group id is {GroupIdLength} hex digits.", nameof(groupId));
        }

        GroupId = groupId.ToLowerInvariant();
    }

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.TokhaiyteVenue;

    /// <summary>The venue's group id: 24 lower-case hex digits.</summary>
    public string GroupId { get; }

    /// <summary>Reads a tokhaiyte.vn venue URL.</summary>
    /// <param name="text">The scanned text.</param>
    /// <param name="options">Reading options, or null for the defaults.</param>
    /// <returns>The payload, or an error coded <c>Payload.*</c> or <c>TokhaiyteVenue.*</c>. Never throws.</returns>
    public static Result<TokhaiyteVenuePayload> Read(ReadOnlySpan<char> text, PayloadReaderOptions? options = null)
    {
        if (!PayloadText.TryPrepare(text, out var prepared, out var offset, out var quirks, out var error))
        {
            return Result.Fail<TokhaiyteVenuePayload>(error);
        }

        var url = new UrlParts(prepared);
        return url.IsHttp && TokhaiyteVenueReader.IsTokhaiyteHost(url.Host)
            ? TokhaiyteVenueReader.Read(url, offset, quirks)
            : CoreErrors.Fail<TokhaiyteVenuePayload>(CoreErrorCodes.Payload.UnknownUrl, CheckInError.None, offset);
    }

    /// <inheritdoc />
    public override string ToText() => "https://tokhaiyte.vn/?page=Group.checkin&groupId=" + GroupId;

    /// <inheritdoc />
    public override IReadOnlyList<PayloadField> GetFields(bool reveal = false) => [new("groupId", GroupId)];

    internal static bool IsGroupId(ReadOnlySpan<char> text) =>
        text.Length == GroupIdLength && text.IndexOfAnyExcept(HexDigits) < 0;
}
