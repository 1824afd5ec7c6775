namespace CheckIn.Core.Payloads;

/// <summary>Reads the tokhaiyte.vn venue URL.</summary>
internal static class TokhaiyteVenueReader
{
    public static bool IsTokhaiyteHost(ReadOnlySpan<char> host) =>
        host.Equals("tokhaiyte.vn", StringComparison.OrdinalIgnoreCase) || host.Equals("www.tokhaiyte.vn", StringComparison.OrdinalIgnoreCase);

    public static ParseResult<TokhaiyteVenuePayload> Read(UrlParts url, int offset, PayloadQuirks quirks)
    {
        if (url.Path.IndexOfAnyExcept('/') >= 0)
        {
            return Fail(ParseErrorCodes.TokhaiyteVenue.Path, offset + url.PathStart);
        }

        if (!url.TryGetParameter("page", out var page, out var pagePosition) || !page.Equals("Group.checkin", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(ParseErrorCodes.TokhaiyteVenue.Page, offset + pagePosition);
        }

        if (!url.TryGetParameter("groupId", out var groupId, out var groupPosition) || !TokhaiyteVenuePayload.IsGroupId(groupId))
        {
            return Fail(ParseErrorCodes.TokhaiyteVenue.GroupId, offset + groupPosition);
        }

        if (groupId.IndexOfAnyInRange('A', 'F') >= 0)
        {
            quirks |= PayloadQuirks.IdentifierCaseChanged;
        }

        return ParseResult.Ok(new TokhaiyteVenuePayload(groupId.ToString()) { Quirks = quirks });
    }

    private static ParseResult<TokhaiyteVenuePayload> Fail(string code, int position) =>
        ParseResult.Fail<TokhaiyteVenuePayload>(code, ParseError.WholeInput, position);
}
