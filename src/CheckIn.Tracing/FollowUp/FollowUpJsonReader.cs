using System.Text.Json;
using CheckIn.Core;
using CheckIn.Tracing.Privacy;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Tracing.FollowUp;

/// <summary>
/// Reads back the JSON that <see cref="FollowUpWriter.WriteJson"/> writes, so a follow-up book can live in a file between
/// a team's sessions (<c>checkin followup</c>): an array of records, each with its person as written, level, last
/// exposure, commune, state, protection, quarantine, tests due and history. Never throws on content: a file that is not
/// such an array is <c>FollowUpJson.Syntax</c>, a record with a missing or invalid field <c>FollowUpJson.Record</c> (the
/// record's index in <see cref="CheckInError.Field"/>, the field in <see cref="CheckInError.Property"/>), a person twice
/// <c>FollowUpJson.Duplicate</c>, a file over <see cref="MaxBytes"/> <c>FollowUpJson.TooLarge</c>.
/// </summary>
public static class FollowUpJsonReader
{
    /// <summary>The largest file read: 256 MiB (about a million records with their histories).</summary>
    public const int MaxBytes = 256 << 20;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    /// <summary>Reads a book from the file's bytes.</summary>
    /// <param name="utf8">The JSON, UTF-8.</param>
    /// <param name="personOf">The pseudonym of a person as the file writes them (the same mapping the writer's <c>nameOf</c> inverts).</param>
    /// <param name="policy">The policy of the book, or null for <see cref="QuarantinePolicy.Moh2022"/>.</param>
    /// <returns>The book, or a coded error.</returns>
    public static Result<FollowUpBook> Read(ReadOnlySpan<byte> utf8, Func<string, PersonPseudonym> personOf, QuarantinePolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(personOf);
        if (utf8.Length > MaxBytes)
        {
            return Result.Fail<FollowUpBook>(TracingErrors.Of(TracingErrorCodes.FollowUpJson.TooLarge));
        }

        // Strings are decoded lazily by the parser: text that is not UTF-8 is refused before any is read.
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return Result.Fail<FollowUpBook>(TracingErrors.Of(TracingErrorCodes.FollowUpJson.Syntax));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), Options);
        }
        catch (JsonException)
        {
            return Result.Fail<FollowUpBook>(TracingErrors.Of(TracingErrorCodes.FollowUpJson.Syntax));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Result.Fail<FollowUpBook>(TracingErrors.Of(TracingErrorCodes.FollowUpJson.Syntax));
            }

            var book = new FollowUpBook(policy);
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var record = ReadRecord(element, personOf, out var field);
                if (record is null)
                {
                    return Result.Fail<FollowUpBook>(TracingErrors.Of(TracingErrorCodes.FollowUpJson.Record) with { Field = index, Property = field });
                }

                if (!book.Restore(record))
                {
                    return Result.Fail<FollowUpBook>(TracingErrors.Of(TracingErrorCodes.FollowUpJson.Duplicate) with { Field = index, Property = "person" });
                }

                index++;
            }

            return Result.Ok(book);
        }
    }

    /// <summary>Reads a book from a stream (at most <see cref="MaxBytes"/>).</summary>
    /// <param name="source">The file.</param>
    /// <param name="personOf">The pseudonym of a person as the file writes them.</param>
    /// <param name="policy">The policy of the book, or null for <see cref="QuarantinePolicy.Moh2022"/>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The book, or a coded error.</returns>
    /// <exception cref="IOException">The stream fails.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<Result<FollowUpBook>> ReadAsync(Stream source, Func<string, PersonPseudonym> personOf, QuarantinePolicy? policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return Result.Fail<FollowUpBook>(TracingErrors.Of(TracingErrorCodes.FollowUpJson.TooLarge));
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), personOf, policy);
    }

    private static FollowUpRecord? ReadRecord(JsonElement element, Func<string, PersonPseudonym> personOf, out string field)
    {
        field = "record";
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        field = "person";
        if (Text(element, "person") is not { } name || name.AsSpan().Trim().IsEmpty)
        {
            return null;
        }

        PersonPseudonym person;
        try
        {
            person = personOf(name);
        }
        catch (ArgumentException)
        {
            return null;
        }

        field = "level";
        if (!element.TryGetProperty("level", out var levelElement) || levelElement.ValueKind != JsonValueKind.Number || !levelElement.TryGetInt32(out var level) || level is < 1 or > 32)
        {
            return null;
        }

        field = "lastExposure";
        if (Date(element, "lastExposure") is not { } lastExposure)
        {
            return null;
        }

        field = "commune";
        int? commune = null;
        if (element.TryGetProperty("commune", out var communeElement))
        {
            if (communeElement.ValueKind != JsonValueKind.Number || !communeElement.TryGetInt32(out var code) || code < 0)
            {
                return null;
            }

            commune = code;
        }

        field = "state";
        if (!FollowUpNames.TryParse(Text(element, "state"), out FollowUpState state))
        {
            return null;
        }

        field = "protection";
        if (!FollowUpNames.TryParse(Text(element, "protection"), out Protection protection))
        {
            return null;
        }

        field = "quarantineUntil";
        LocalDate? quarantineUntil = null;
        if (element.TryGetProperty("quarantineUntil", out _))
        {
            if (Date(element, "quarantineUntil") is not { } until)
            {
                return null;
            }

            quarantineUntil = until;
        }

        field = "testsDue";
        if (!element.TryGetProperty("testsDue", out var testsElement) || testsElement.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var tests = new List<LocalDate>();
        foreach (var test in testsElement.EnumerateArray())
        {
            if (test.ValueKind != JsonValueKind.String || !LocalDatePattern.Iso.Parse(test.GetString()!).TryGetValue(default, out var day) || (tests.Count > 0 && day <= tests[^1]))
            {
                return null;
            }

            tests.Add(day);
        }

        field = "history";
        if (!element.TryGetProperty("history", out var historyElement) || historyElement.ValueKind != JsonValueKind.Array || historyElement.GetArrayLength() == 0)
        {
            return null;
        }

        var history = new List<FollowUpChange>();
        foreach (var change in historyElement.EnumerateArray())
        {
            if (change.ValueKind != JsonValueKind.Object
                || Text(change, "at") is not { } atText || !InstantPattern.ExtendedIso.Parse(atText).TryGetValue(default, out var at)
                || Text(change, "by") is not { } actor || actor.AsSpan().Trim().IsEmpty
                || !FollowUpNames.TryParse(Text(change, "from"), out FollowUpState from)
                || !FollowUpNames.TryParse(Text(change, "to"), out FollowUpState to)
                || (change.TryGetProperty("note", out var noteElement) && noteElement.ValueKind != JsonValueKind.String))
            {
                return null;
            }

            history.Add(new FollowUpChange(at, actor, from, to, change.TryGetProperty("note", out var note) ? note.GetString() : null));
        }

        // The history ends where the record stands.
        if (history[^1].To != state)
        {
            return null;
        }

        field = string.Empty;
        return new FollowUpRecord(person, level, lastExposure, commune, state, protection, quarantineUntil, tests, history);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static LocalDate? Date(JsonElement element, string name) =>
        Text(element, name) is { } text && LocalDatePattern.Iso.Parse(text).TryGetValue(default, out var day) ? day : null;
}
