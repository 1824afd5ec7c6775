using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CheckIn.Core;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Utility;
using Codes = CheckIn.Declarations.DeclarationErrorCodes;

namespace CheckIn.Declarations;

/// <summary>
/// Documents as JSON (System.Text.Json, camelCase, enums as camelCase strings, instants as ISO-8601 UTC, dates as
/// <c>yyyy-MM-dd</c>), with a <c>kind</c> property naming the document kind. Reading never throws on any input:
/// malformed JSON, unknown properties and wrong values come back as failures with stable codes.
/// </summary>
public static class DeclarationJson
{
    /// <summary>The largest document read, in UTF-16 characters (1 MiB).</summary>
    public const int MaxDocumentLength = 1 << 20;

    private static readonly FrozenDictionary<DocumentKind, (string Name, Type Type)> Kinds = new Dictionary<DocumentKind, (string, Type)>
    {
        [DocumentKind.Domestic] = ("domestic", typeof(DomesticDeclaration)),
        [DocumentKind.Entry] = ("entry", typeof(EntryDeclaration)),
        [DocumentKind.VenueRegistration] = ("venue", typeof(VenueRegistration)),
        [DocumentKind.PaperLog] = ("paper-log", typeof(PaperLogEntry)),
        [DocumentKind.SpecimenPairing] = ("specimen", typeof(SpecimenPairing)),
        [DocumentKind.SafetyCheck] = ("safety-check", typeof(VenueSafetyCheck)),
    }.ToFrozenDictionary();

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>The serializer options (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The JSON name of a kind: <c>domestic</c>, <c>entry</c>, <c>venue</c>, <c>paper-log</c>, <c>specimen</c>, <c>safety-check</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string NameOf(DocumentKind kind) => Kinds.TryGetValue(kind, out var entry) ? entry.Name : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind.");

    /// <summary>Finds the kind with a JSON name.</summary>
    /// <param name="name">The name (case-sensitive).</param>
    /// <param name="kind">The kind when known.</param>
    /// <returns>True when known.</returns>
    public static bool TryParseKind(string? name, out DocumentKind kind)
    {
        foreach (var (k, entry) in Kinds)
        {
            if (entry.Name == name)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>
    /// Writes a document as indented JSON, <c>kind</c> first. Every document <see cref="Read"/> returns can be written
    /// (a choice it left out stays out); a choice no form has, set in code, is a programmer error.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentException">A choice holds a value that is not one of its enum's (set in code, never read).</exception>
    public static string Write(DeclarationDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonObject body;
        try
        {
            body = JsonSerializer.SerializeToNode(document, document.GetType(), Options)!.AsObject();
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The document holds a value no form has ({exception.Path}).", nameof(document), exception);
        }

        var json = new JsonObject { ["kind"] = NameOf(document.Kind) };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            json[name] = value;
        }

        return json.ToJsonString(new JsonSerializerOptions(Options) { WriteIndented = true });
    }

    /// <summary>Reads a document. Never throws on any text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="kind">The kind to read, or null to take the document's <c>kind</c> property.</param>
    /// <returns>The document, or the failures (coded <c>Json.*</c>, with the property path or the line and byte where the JSON broke).</returns>
    public static DeclarationReadResult Read(string json, DocumentKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        static DeclarationReadResult Fail(string code, string property) => new(null, [DeclarationErrors.At(code, property)]);

        if (json.Length > MaxDocumentLength)
        {
            return Fail(Codes.Json.TooLarge, string.Empty);
        }

        JsonNode? root;
        try
        {
            // Property names are matched exactly, and a name twice in one object (in any letter case) is refused:
            // System.Text.Json would otherwise keep one of them silently.
            using (var document = JsonDocument.Parse(json, DocumentOptions))
            {
                var duplicates = new List<CheckInError>();
                FindDuplicateProperties(document.RootElement, string.Empty, duplicates);
                if (duplicates.Count > 0)
                {
                    return new DeclarationReadResult(null, duplicates);
                }
            }

            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException exception)
        {
            return new DeclarationReadResult(null, [Malformed(exception)]);
        }

        if (root is not JsonObject obj)
        {
            return Fail(Codes.Json.NotAnObject, string.Empty);
        }

        DocumentKind? declared = null;
        if (obj.TryGetPropertyValue("kind", out var kindNode))
        {
            if (kindNode is not JsonValue kindValue || !kindValue.TryGetValue<string>(out var kindName) || !TryParseKind(kindName, out var parsed))
            {
                return Fail(Codes.Json.KindUnknown, "kind");
            }

            declared = parsed;
            obj.Remove("kind");
        }

        if (kind is { } asked && declared is { } found && asked != found)
        {
            return Fail(Codes.Json.KindMismatch, "kind");
        }

        if ((kind ?? declared) is not { } chosen || !Kinds.TryGetValue(chosen, out var target))
        {
            return Fail(Codes.Json.KindMissing, "kind");
        }

        var failures = new List<CheckInError>();
        FindUnknownProperties(obj, Options.GetTypeInfo(target.Type), string.Empty, failures);
        if (failures.Count > 0)
        {
            return new DeclarationReadResult(null, failures);
        }

        try
        {
            var document = (DeclarationDocument?)obj.Deserialize(target.Type, Options);
            return document is null ? Fail(Codes.Json.NotAnObject, string.Empty) : new DeclarationReadResult(document, []);
        }
        catch (JsonException exception)
        {
            return Fail(Codes.Json.InvalidValue, exception.Path is { } path ? path.TrimStart('$').TrimStart('.') : string.Empty);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            return Fail(Codes.Json.InvalidValue, string.Empty);
        }
    }

    /// <summary>Malformed JSON: the line (1-based) and the byte in that line (0-based) where the reader stopped.</summary>
    private static CheckInError Malformed(JsonException exception) =>
        new(Codes.Json.Malformed, DeclarationErrorCodes.Messages)
        {
            Line = exception.LineNumber is { } line ? (int)Math.Min(int.MaxValue, line + 1) : 0,
            Position = exception.BytePositionInLine ?? CheckInError.None,
        };

    /// <summary>Every property name that appears twice in one object (letter case ignored), at any depth.</summary>
    private static void FindDuplicateProperties(JsonElement element, string path, List<CheckInError> failures)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                FindDuplicateProperties(item, $"{path}[{i++}]", failures);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                failures.Add(DeclarationErrors.At(Codes.Json.DuplicateProperty, propertyPath));
                continue;
            }

            FindDuplicateProperties(property.Value, propertyPath, failures);
        }
    }

    /// <summary>Every property the type does not have, at any depth, so all are reported at once.</summary>
    private static void FindUnknownProperties(JsonNode? node, JsonTypeInfo info, string path, List<CheckInError> failures)
    {
        if (node is JsonArray array && ElementTypeOf(info.Type) is { } elementType)
        {
            var elementInfo = Options.GetTypeInfo(elementType);
            for (var i = 0; i < array.Count; i++)
            {
                FindUnknownProperties(array[i], elementInfo, $"{path}[{i}]", failures);
            }

            return;
        }

        if (node is not JsonObject obj || info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            var propertyPath = path.Length == 0 ? name : $"{path}.{name}";
            if (!properties.TryGetValue(name, out var property))
            {
                failures.Add(DeclarationErrors.At(Codes.Json.UnknownProperty, propertyPath));
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            FindUnknownProperties(value, Options.GetTypeInfo(type), propertyPath, failures);
        }
    }

    private static Type? ElementTypeOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>) ? type.GetGenericArguments()[0] : null;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 32,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers = { IgnoreKindProperty, OmitMissingChoices },
            },
            Converters =
            {
                new PathKeepingConverter<Instant>(NodaConverters.InstantConverter),
                new PathKeepingConverter<LocalDate>(NodaConverters.LocalDateConverter),
                new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
                new EquatableArrayJsonConverterFactory(),
            },
        };
        options.MakeReadOnly();
        return options;
    }

    // A choice the document left out reads as the enum's 0, which no form defines (the validator reports it): Write
    // leaves it out again, so every document Read returns can be written and reads back the same.
    private static void OmitMissingChoices(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var zero = type.IsEnum ? Enum.ToObject(type, 0) : null;
            if (zero is not null && !Enum.IsDefined(type, zero))
            {
                property.ShouldSerialize = (_, value) => value is not null && !value.Equals(zero);
            }
        }
    }

    // The document's kind is written by Write as the first property; the computed Kind property itself is not.
    private static void IgnoreKindProperty(JsonTypeInfo info)
    {
        if (typeof(DeclarationDocument).IsAssignableFrom(info.Type))
        {
            var kind = info.Properties.FirstOrDefault(p => p.Name == "kind");
            if (kind is not null)
            {
                info.Properties.Remove(kind);
            }
        }
    }

    /// <summary>
    /// NodaTime's converter (ISO patterns), with its parse failures turned into <see cref="JsonException"/> so the
    /// serializer reports where in the document the bad value is.
    /// </summary>
    private sealed class PathKeepingConverter<T>(JsonConverter<T> inner) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return inner.Read(ref reader, typeToConvert, options)!;
            }
            catch (Exception exception) when (exception is FormatException or InvalidNodaDataException or InvalidOperationException)
            {
                throw new JsonException($"Expected {typeof(T).Name} in its ISO-8601 form.");
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);
    }

    private sealed class EquatableArrayJsonConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableArray<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EquatableArrayJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class EquatableArrayJsonConverter<T> : JsonConverter<EquatableArray<T>>
    {
        public override EquatableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return default;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("Expected an array.");
            }

            try
            {
                return new(JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? []);
            }
            catch (JsonException exception)
            {
                // Rethrown without a path, so the serializer reports the path of the list in the document.
                throw new JsonException(exception.Message);
            }
        }

        public override void Write(Utf8JsonWriter writer, EquatableArray<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Items.AsEnumerable(), options);
    }
}

/// <summary>The outcome of reading a document from JSON.</summary>
/// <param name="Document">The document, or null when reading failed.</param>
/// <param name="Failures">Why reading failed; empty on success.</param>
public sealed record DeclarationReadResult(DeclarationDocument? Document, IReadOnlyList<CheckInError> Failures)
{
    /// <summary>True when a document was read.</summary>
    public bool Success => Document is not null;
}
