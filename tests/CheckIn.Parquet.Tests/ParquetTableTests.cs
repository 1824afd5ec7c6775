using CheckIn.Tracing;
using CheckIn.Tracing.FollowUp;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Proximity;
using NodaTime;
using Parquet;
using Parquet.Schema;

namespace CheckIn.Parquet.Tests;

/// <summary>Files written by the table and the contacts export, read back with Parquet.Net's reader: types, nulls, values.</summary>
public sealed class ParquetTableTests
{
    private static async Task<(ParquetSchema Schema, Dictionary<string, Array> Columns, long Rows)> ReadAsync(MemoryStream file)
    {
        file.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(file, new ParquetOptions { UseDateOnlyTypeForDates = true });
        Assert.Equal(1, reader.RowGroupCount);
        using var rows = reader.OpenRowGroupReader(0);
        var columns = new Dictionary<string, Array>(StringComparer.Ordinal);
        foreach (var field in reader.Schema.DataFields)
        {
            columns[field.Name] = await ColumnAsync(rows, field, (int)rows.RowCount);
        }

        return (reader.Schema, columns, rows.RowCount);
    }

    /// <summary>Text columns: the reader reports them as characters in memory.</summary>
    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static async Task<Array> ColumnAsync(ParquetRowGroupReader rows, DataField field, int n)
    {
        async Task<Array> Plain<T>()
            where T : struct
        {
            if (field.IsNullable)
            {
                var values = new T?[n];
                await rows.ReadAsync<T>(field, values.AsMemory());
                return values;
            }
            else
            {
                var values = new T[n];
                await rows.ReadAsync<T>(field, values.AsMemory());
                return values;
            }
        }

        if (IsText(field))
        {
            var text = new string?[n];
            await rows.ReadAsync(field, text.AsMemory());
            return text;
        }

        return field.ClrType switch
        {
            var t when t == typeof(int) => await Plain<int>(),
            var t when t == typeof(long) => await Plain<long>(),
            var t when t == typeof(double) => await Plain<double>(),
            var t when t == typeof(bool) => await Plain<bool>(),
            var t when t == typeof(DateTime) => await Plain<DateTime>(),
            var t when t == typeof(DateOnly) => await Plain<DateOnly>(),
            var t => throw new InvalidOperationException($"Unexpected column type {t}."),
        };
    }

    [Fact]
    public async Task Table_EveryType_ReadsBackTypedWithNulls()
    {
        var at = Instant.FromUtc(2021, 9, 6, 1, 2, 3) + Duration.FromMilliseconds(456);
        var table = new ParquetTable(3)
            .Add("text", ["Chợ Đông Ba", null, ""])
            .Add("int", [1, -2, int.MaxValue])
            .Add("maybe_int", [1, null, 3])
            .Add("long", [1L, long.MinValue, 3L])
            .Add("real", [0.5, double.NaN, -1e300])
            .Add("maybe_real", [null, 2.5, null])
            .Add("flag", [true, false, true])
            .Add("at", [at, null, Instant.FromUtc(1970, 1, 1, 0, 0)])
            .Add("day", [new LocalDate(2021, 9, 6), null, new LocalDate(2022, 2, 28)]);
        Assert.Equal(["text", "int", "maybe_int", "long", "real", "maybe_real", "flag", "at", "day"], table.ColumnNames);
        using var file = new MemoryStream();
        await table.WriteAsync(file);

        var (schema, columns, rows) = await ReadAsync(file);
        Assert.Equal(3, rows);
        Assert.Equal(["text", "int", "maybe_int", "long", "real", "maybe_real", "flag", "at", "day"], schema.DataFields.Select(f => f.Name));
        Assert.Equal([typeof(string), typeof(int), typeof(int), typeof(long), typeof(double), typeof(double), typeof(bool), typeof(DateTime), typeof(DateOnly)],
            schema.DataFields.Select(f => IsText(f) ? typeof(string) : f.ClrType));
        Assert.Equal([true, false, true, false, false, true, false, true, true], schema.DataFields.Select(f => f.IsNullable));
        Assert.Equal(new string?[] { "Chợ Đông Ba", null, "" }, columns["text"].Cast<string?>());
        Assert.Equal(new int?[] { 1, null, 3 }, columns["maybe_int"].Cast<int?>());
        Assert.Equal(new[] { 1L, long.MinValue, 3L }, columns["long"].Cast<long>());
        Assert.True(double.IsNaN((double)columns["real"].GetValue(1)!));
        Assert.Equal(new bool[] { true, false, true }, columns["flag"].Cast<bool>());
        Assert.Equal(new DateTime?[] { at.ToDateTimeUtc(), null, DateTime.UnixEpoch }, columns["at"].Cast<DateTime?>().Select(d => d?.ToUniversalTime()));
        Assert.Equal(new DateOnly?[] { new(2021, 9, 6), null, new(2022, 2, 28) }, columns["day"].Cast<DateOnly?>());
    }

    [Fact]
    public async Task Table_ProgrammerErrors_Throw()
    {
        var table = new ParquetTable(2).Add("a", [1, 2]);
        Assert.Throws<ArgumentException>(() => table.Add("a", [1, 2]));
        Assert.Throws<ArgumentException>(() => table.Add("b", [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => table.Add(" ", [1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParquetTable(-1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => new ParquetTable(0).WriteAsync(new MemoryStream()));

        // An empty table with columns is a valid file of no rows.
        using var file = new MemoryStream();
        await new ParquetTable(0).Add("a", Array.Empty<int>()).WriteAsync(file);
        Assert.Equal(0, (await ReadAsync(file)).Rows);
    }

    [Fact]
    public async Task Contacts_WithFollowUp_OneTypedRowEach()
    {
        static PersonPseudonym P(int i) => new(0, (ulong)i);
        static Instant At(int hour, int minute = 0) => Instant.FromUtc(2021, 9, 1, hour, minute);
        var store = new VisitStore();
        store.Add(P(1), "market", At(8), At(9));
        store.Add(P(2), "market", At(8, 30), At(10));
        var encounters = EncounterIndex.Create([new Encounter(P(1), P(3), At(12), Duration.FromMinutes(40), EncounterDistance.Close)]);
        var result = new ContactTracer(store.Flush(), encounters).Trace([new TraceCase(P(1), At(0), At(23))], new ContactTracerOptions { AsOf = At(23), MaxDepth = 1 });
        Assert.Equal(2, result.Contacts.Count);
        var book = new FollowUpBook();
        book.Open(result, _ => 46001, At(23), "staff-1");
        Assert.True(book.Notify(P(2), Protection.FullyProtected, At(23, 30), "staff-1").Success);

        using var file = new MemoryStream();
        await ContactsParquet.WriteAsync(file, result, p => $"R{p.Low:D7}", book);
        var (schema, columns, rows) = await ReadAsync(file);
        Assert.Equal(2, rows);
        Assert.Equal(ContactsParquet.Columns, schema.DataFields.Select(f => f.Name));
        Assert.Equal(new string?[] { "R0000002", "R0000003" }, columns["person"].Cast<string?>());
        Assert.Equal(new string?[] { "market", null }, columns["venue"].Cast<string?>());
        Assert.Equal(new long[] { 1800, 2400 }, columns["overlap_seconds"].Cast<long>());
        Assert.Equal(new string?[] { "venue", "proximity" }, columns["evidence"].Cast<string?>());
        Assert.Equal(new string?[] { null, "close" }, columns["distance"].Cast<string?>());
        Assert.Equal(new bool[] { false, false }, columns["assumed"].Cast<bool>());
        Assert.Equal(result.Contacts.Select(c => c.Score), columns["score"].Cast<double>());
        Assert.Equal(new string?[] { "quarantined", "identified" }, columns["state"].Cast<string?>());
        Assert.Equal(new string?[] { "fully-protected", "unknown" }, columns["protection"].Cast<string?>());
        Assert.Equal(new int?[] { 46001, 46001 }, columns["commune"].Cast<int?>());
        Assert.Equal(book.Find(P(2))!.QuarantineUntil?.ToDateOnly(), columns["quarantine_until"].Cast<DateOnly?>().First());
        Assert.Null(columns["quarantine_until"].Cast<DateOnly?>().Last());

        // Without a book the follow-up columns are there, and empty.
        using var bare = new MemoryStream();
        await ContactsParquet.WriteAsync(bare, result, p => $"R{p.Low:D7}", null);
        Assert.All((await ReadAsync(bare)).Columns["state"].Cast<string?>(), Assert.Null);
    }
}
