namespace CheckIn.Core.Payloads;

/// <summary>
/// The parts of an http(s) URL as scanned from a code, split without allocating: scheme, host, path,
/// query (fragment dropped). Only what venue codes need; not a general URL parser.
/// </summary>
internal readonly ref struct UrlParts
{
    public UrlParts(ReadOnlySpan<char> text)
    {
        Text = text;
        var schemeLength = text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : 0;
        IsHttp = schemeLength > 0;
        if (!IsHttp)
        {
            return;
        }

        var rest = text[schemeLength..];
        var fragment = rest.IndexOf('#');
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        var hostEnd = rest.IndexOfAny('/', '?');
        Host = hostEnd < 0 ? rest : rest[..hostEnd];
        HostStart = schemeLength;
        rest = hostEnd < 0 ? [] : rest[hostEnd..];
        var queryStart = rest.IndexOf('?');
        Path = queryStart < 0 ? rest : rest[..queryStart];
        PathStart = schemeLength + Host.Length;
        Query = queryStart < 0 ? [] : rest[(queryStart + 1)..];
        QueryStart = queryStart < 0 ? text.Length : PathStart + Path.Length + 1;
    }

    public ReadOnlySpan<char> Text { get; }

    public bool IsHttp { get; }

    public ReadOnlySpan<char> Host { get; }

    public int HostStart { get; }

    public ReadOnlySpan<char> Path { get; }

    public int PathStart { get; }

    public ReadOnlySpan<char> Query { get; }

    public int QueryStart { get; }

    /// <summary>Finds a query parameter by name (case-insensitive); trailing slashes of the value are dropped.</summary>
    public bool TryGetParameter(ReadOnlySpan<char> name, out ReadOnlySpan<char> value, out int position)
    {
        var query = Query;
        var start = 0;
        while (start <= query.Length)
        {
            var end = query[start..].IndexOf('&');
            var pair = end < 0 ? query[start..] : query.Slice(start, end);
            var equals = pair.IndexOf('=');
            if (equals > 0 && pair[..equals].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = pair[(equals + 1)..].TrimEnd('/');
                position = QueryStart + start + equals + 1;
                return true;
            }

            if (end < 0)
            {
                break;
            }

            start += end + 1;
        }

        value = default;
        position = QueryStart;
        return false;
    }
}
