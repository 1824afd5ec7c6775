using System.Formats.Cbor;
using System.Globalization;
using NodaTime;

namespace CheckIn.Core.Payloads.Dcc;

/// <summary>
/// Reads the health certificate (CBOR, the JSON schema 1.3.x in CBOR form) into a <see cref="DigitalCovidCertificate"/>.
/// Every failure is <c>Dcc.Schema</c> with the member's path in <see cref="CheckInError.Property"/> (<c>v[0].dt</c>), or
/// <c>Dcc.Version</c> for a schema version other than 1.x.y.
/// </summary>
internal static class DccSchema
{
    /// <summary>The longest text member of schema 1.3.0 (names, issuer, identifier, testing centre).</summary>
    public const int MaxTextLength = 80;

    private const int MaxDepth = 8;

    private static readonly string[] Groups = ["v", "t", "r"];

    public static Result<DigitalCovidCertificate> Read(ReadOnlyMemory<byte> cbor)
    {
        object? root;
        try
        {
            var reader = new CborReader(cbor, CborConformanceMode.Lax);
            root = ReadValue(reader, 0);
            if (reader.BytesRemaining != 0)
            {
                return Fail(string.Empty);
            }
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or FormatException or SchemaException)
        {
            return Fail(e is SchemaException schema ? schema.Path : string.Empty);
        }

        if (root is not Dictionary<string, object?> map)
        {
            return Fail(string.Empty);
        }

        try
        {
            return Result.Ok(ReadCertificate(map));
        }
        catch (SchemaException e)
        {
            return e.Code == CoreErrorCodes.Dcc.Version ? CoreErrors.Fail<DigitalCovidCertificate>(e.Code, CheckInError.None, CheckInError.None) : Fail(e.Path);
        }
    }

    private static Result<DigitalCovidCertificate> Fail(string path) =>
        Result.Fail<DigitalCovidCertificate>(CoreErrors.At(CoreErrorCodes.Dcc.Schema, CheckInError.None, CheckInError.None) with { Property = path.Length == 0 ? null : path });

    private static DigitalCovidCertificate ReadCertificate(Dictionary<string, object?> map)
    {
        var version = RequiredText(map, "ver", string.Empty, 16);
        var parts = version.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length is 0 or > 4 || p.Any(c => !char.IsAsciiDigit(c))))
        {
            throw new SchemaException("ver");
        }

        if (parts[0] != "1")
        {
            throw new SchemaException("ver", CoreErrorCodes.Dcc.Version);
        }

        if (!map.TryGetValue("nam", out var namValue) || namValue is not Dictionary<string, object?> nam)
        {
            throw new SchemaException("nam");
        }

        var name = new DccName(
            OptionalText(nam, "fn", "nam."),
            OptionalStandardName(nam, "fnt"),
            OptionalText(nam, "gn", "nam."),
            OptionalStandardName(nam, "gnt"));
        if (name.FamilyNameTransliterated is null && name.GivenNameTransliterated is null)
        {
            throw new SchemaException("nam.fnt");
        }

        if (!DccDateOfBirth.TryParse(RequiredText(map, "dob", string.Empty, 10), out var dob))
        {
            throw new SchemaException("dob");
        }

        var groups = Groups.Where(map.ContainsKey).ToArray();
        if (groups.Length != 1)
        {
            throw new SchemaException(groups.Length == 0 ? "v" : groups[1]);
        }

        var group = groups[0];
        if (map[group] is not List<object?> { Count: 1 } list || list[0] is not Dictionary<string, object?> entry)
        {
            throw new SchemaException(group);
        }

        var at = group + "[0].";
        DccEntry read = group switch
        {
            "v" => new DccVaccination(
                RequiredText(entry, "tg", at), RequiredText(entry, "vp", at), RequiredText(entry, "mp", at), RequiredText(entry, "ma", at),
                Dose(entry, "dn", at), Dose(entry, "sd", at), RequiredDate(entry, "dt", at),
                Country(entry, at), RequiredText(entry, "is", at), RequiredText(entry, "ci", at)),
            "t" => new DccTest(
                RequiredText(entry, "tg", at), RequiredText(entry, "tt", at), OptionalText(entry, "nm", at), OptionalText(entry, "ma", at),
                RequiredDateTime(entry, "sc", at), RequiredText(entry, "tr", at), OptionalText(entry, "tc", at),
                Country(entry, at), RequiredText(entry, "is", at), RequiredText(entry, "ci", at)),
            _ => Recovery(entry, at),
        };

        return new DigitalCovidCertificate(version, name, dob, read);
    }

    private static DccRecovery Recovery(Dictionary<string, object?> entry, string at)
    {
        var recovery = new DccRecovery(
            RequiredText(entry, "tg", at), RequiredDate(entry, "fr", at), Country(entry, at), RequiredText(entry, "is", at),
            RequiredDate(entry, "df", at), RequiredDate(entry, "du", at), RequiredText(entry, "ci", at));
        return recovery.ValidUntil < recovery.ValidFrom ? throw new SchemaException(at + "du") : recovery;
    }

    private static string RequiredText(Dictionary<string, object?> map, string key, string at, int maxLength = MaxTextLength) =>
        OptionalText(map, key, at, maxLength) is { Length: > 0 } text ? text : throw new SchemaException(at + key);

    private static string? OptionalText(Dictionary<string, object?> map, string key, string at, int maxLength = MaxTextLength)
    {
        if (!map.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        return value is string text && text.Length <= maxLength && !text.Any(PayloadText.IsControl) ? text : throw new SchemaException(at + key);
    }

    private static string? OptionalStandardName(Dictionary<string, object?> nam, string key)
    {
        var text = OptionalText(nam, key, "nam.");
        return text is null || text.All(c => c is (>= 'A' and <= 'Z') or '<') ? text : throw new SchemaException("nam." + key);
    }

    private static string Country(Dictionary<string, object?> map, string at)
    {
        var country = RequiredText(map, "co", at, 10);
        return country.All(c => c is >= 'A' and <= 'Z') ? country : throw new SchemaException(at + "co");
    }

    private static int Dose(Dictionary<string, object?> map, string key, string at) =>
        map.TryGetValue(key, out var value) && value is long number && number is >= 1 and <= 9 ? (int)number : throw new SchemaException(at + key);

    private static LocalDate RequiredDate(Dictionary<string, object?> map, string key, string at)
    {
        var text = RequiredText(map, key, at, 40).AsSpan();

        // A full date; some early issuers wrote a date-time, whose date is taken.
        var date = text.Length > 10 && text[10] == 'T' ? text[..10] : text;
        return date.Length == 10 && DccDateOfBirth.TryParse(date, out var parsed) && parsed.Date is { } day ? day : throw new SchemaException(at + key);
    }

    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:sszz"];

    private static Instant RequiredDateTime(Dictionary<string, object?> map, string key, string at)
    {
        var text = RequiredText(map, key, at, 40);

        // RFC 3339 with an offset or Z; a time without either names no instant.
        var zone = text.Length > 19 ? text.AsSpan(19) : default;
        var hasOffset = zone.EndsWith("Z") || zone.IndexOfAny('+', '-') >= 0;
        return hasOffset && DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? Instant.FromDateTimeOffset(value)
            : throw new SchemaException(at + key);
    }

    /// <summary>Reads one CBOR value into maps with text keys, lists, text, integers, floats, booleans and null.</summary>
    private static object? ReadValue(CborReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new SchemaException(string.Empty);
        }

        DccReader.SkipTags(reader);
        switch (reader.PeekState())
        {
            case CborReaderState.StartMap:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                reader.ReadStartMap();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    if (reader.PeekState() != CborReaderState.TextString)
                    {
                        throw new SchemaException(string.Empty);
                    }

                    var key = reader.ReadTextString();
                    if (!map.TryAdd(key, ReadValue(reader, depth + 1)))
                    {
                        throw new SchemaException(key);
                    }
                }

                reader.ReadEndMap();
                return map;
            case CborReaderState.StartArray:
                var list = new List<object?>();
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    list.Add(ReadValue(reader, depth + 1));
                }

                reader.ReadEndArray();
                return list;
            case CborReaderState.TextString:
                return reader.ReadTextString();
            case CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger:
                return reader.ReadInt64();
            case CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat:
                // dn and sd are integers; a float with no fraction (some encoders wrote 1.0) is read as one.
                var number = reader.ReadDouble();
                return double.IsFinite(number) && Math.Floor(number) == number && Math.Abs(number) < 1e15 ? (long)number : number;
            case CborReaderState.Boolean:
                return reader.ReadBoolean();
            case CborReaderState.Null:
                reader.ReadNull();
                return null;
            default:
                reader.SkipValue();
                return new object();
        }
    }

    private sealed class SchemaException(string path, string code = CoreErrorCodes.Dcc.Schema) : Exception(code)
    {
        public string Path { get; } = path;

        public string Code { get; } = code;
    }
}
