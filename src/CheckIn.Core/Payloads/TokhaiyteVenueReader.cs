namespace CheckIn.Core.Payloads;

/// <summary>Reads the tokhaiyte.vn venue URL.</summary>
internal static class TokhaiyteVenueReader
{
    /// <summary>
    /// The hosts a tokhaiyte venue URL may carry: <c>tokhaiyte.vn</c> (what the codes generated at qr.tokhaiyte.vn
    /// encode), <c>www.tokhaiyte.vn</c>, and the registration site's own <c>qr.tokhaiyte.vn</c> and
    /// <c>www.qr.tokhaiyte.vn</c> (as provincial notices spelled it), which a re-made code may carry.
    /// </summary>
    public static bool IsTokhaiyteHost(ReadOnlySpan<char> host) =>
        host.Equals("tokhaiyte.vn", StringComparison.OrdinalIgnoreCase) || host.Equals("www.tokhaiyte.vn", StringComparison.OrdinalIgnoreCase)
        || IsRegistrationHost(host);

    private static bool IsRegistrationHost(ReadOnlySpan<char> host) =>
        host.Equals("qr.tokhaiyte.vn", StringComparison.OrdinalIgnoreCase) || host.Equals("www.qr.tokhaiyte.vn", StringComparison.OrdinalIgnoreCase);

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

        if (IsRegistrationHost(url.Host))
        {
            quirks |= PayloadQuirks.RegistrationHost;
        }

        return Result.Ok(new TokhaiyteVenuePayload(groupId.ToString()) { Quirks = quirks });
    }

    private static Result<TokhaiyteVenuePayload> Fail(string code, int position) =>
        CoreErrors.Fail<TokhaiyteVenuePayload>(code, CheckInError.None, position);
}
