namespace CheckIn.Core.Payloads;

/// <summary>Reads the tokhaiyte.vn venue URL.</summary>
internal static class TokhaiyteVenueReader
{
    public static bool IsTokhaiyteHost(ReadOnlySpan<char> host) =>
        host.Equals("tokhaiyte.vn", StringComparison.OrdinalIgnoreCase) || host.Equals("www.tokhaiyte.vn", StringComparison.OrdinalIgnoreCase);

    public static Result<TokhaiyteVenuePayload> Read(UrlParts url, int offset, PayloadQuirks quirks)
    {
        if (url.Path.IndexOfAnyExcept('/') >= 0)
        {
            return Fail(CoreErrorCodes.TokhaiyteVenue.Path, offset + url.PathStart);
        }

        if (!url.TryGetParameter("page", out var page, out var pagePosition) || !page.Equals("Group.checkin", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(CoreErrorCodes.TokhaiyteVenue.Page, offset + pagePosition);
        }

        if (!url.TryGetParameter("groupId", out var groupId, out var groupPosition) || !TokhaiyteVenuePayload.IsGroupId(groupId))
        {
            return Fail(CoreErrorCodes.TokhaiyteVenue.GroupId, offset + groupPosition);
        }

        if (groupId.IndexOfAnyInRange('A', 'F') >= 0)
        {
            quirks |= PayloadQuirks.IdentifierCaseChanged;
        }

        return Result.Ok(new TokhaiyteVenuePayload(groupId.ToString()) { Quirks = quirks });
    }

    private static Result<TokhaiyteVenuePayload> Fail(string code, int position) =>
        CoreErrors.Fail<TokhaiyteVenuePayload>(code, CheckInError.None, position);
}
