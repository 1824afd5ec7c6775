using Parquet;
using Parquet.Schema;
using NodaTime;

namespace CheckIn.Parquet;

/// <summary>
/// A table of typed columns written as one Parquet file (one row group, Snappy-compressed): text, whole numbers,
/// reals, booleans, instants (timestamps in UTC, to the millisecond) and dates, each nullable or not. Build it column by
/// column with <see cref="Add(string, string?[])"/> and its overloads, then <see cref="WriteAsync"/>. Columns are kept as
/// given (the table does not copy them): do not change an array after adding it. Not thread-safe.
/// </summary>
/// <remarks>Types are those a researcher's tools read without conversion: durations as seconds, flags as booleans.</remarks>
public sealed class ParquetTable
{
    private readonly List<(DataField Field, Func<ParquetRowGroupWriter, CancellationToken, Task> Write)> _columns = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Creates a table of a number of rows.</summary>
    /// <param name="rowCount">Rows in every column (0 or more).</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public ParquetTable(int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        RowCount = rowCount;
    }

    /// <summary>Rows in every column.</summary>
    public int RowCount { get; }

    /// <summary>The columns' names, in order.</summary>
    public IReadOnlyList<string> ColumnNames => [.. _columns.Select(c => c.Field.Name)];

    /// <summary>Adds a text column (null for a missing value).</summary>
    /// <param name="name">The column's name, unique in the table.</param>
    /// <param name="values">One value a row.</param>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">The name is empty or taken, or the values are not one a row.</exception>
    public ParquetTable Add(string name, string?[] values)
    {
        var field = Field<string>(name, values);
        Func<ParquetRowGroupWriter, CancellationToken, Task> write = (rows, _) => rows.WriteAsync(field, values);
        _columns.Add((field, write));
        return this;
    }

    /// <summary>Adds a column of 32-bit whole numbers.</summary>
    /// <param name="name">The column's name, unique in the table.</param>
    /// <param name="values">One value a row.</param>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">The name is empty or taken, or the values are not one a row.</exception>
    public ParquetTable Add(string name, int[] values) => Plain(name, values);

    /// <summary>Adds a column of 32-bit whole numbers, null for a missing value.</summary>
    /// <param name="name">The column's name, unique in the table.</param>
    /// <param name="values">One value a row.</param>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">The name is empty or taken, or the values are not one a row.</exception>
    public ParquetTable Add(string name, int?[] values) => Nullable(name, values);

    /// <summary>Adds a column of 64-bit whole numbers.</summary>
    /// <param name="name">The column's name, unique in the table.</param>
    /// <param name="values">One value a row.</param>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">The name is empty or taken, or the values are not one a row.</exception>
    public ParquetTable Add(string name, long[] values) => Plain(name, values);

    /// <summary>Adds a column of reals.</summary>
    /// <param name="name">The column's name, unique in the table.</param>
    /// <param name="values">One value a row.</param>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">The name is empty or taken, or the values are not one a row.</exception>
    public ParquetTable Add(string name, double[] values) => Plain(name, values);

    /// <summary>Adds a column of reals, null for a missing value.</summary>
    /// <param name="name">The column's name, unique in the table.</param>
    /// <param name="values">One value a row.</param>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">The name is empty or taken, or the values are not one a row.</exception>
    public ParquetTable Add(string name, double?[] values) => Nullable(name, values);

    /// <summary>Adds a column of booleans.</summary>
    /// <param name="name">The column's name, unique in the table.</param>
    /// <param name="values">One value a row.</param>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">The name is empty or taken, or the values are not one a row.</exception>
    public ParquetTable Add(string name, bool[] values) => Plain(name, values);

    /// <summary>Adds a column of instants (a Parquet timestamp in UTC, to the millisecond), null for a missing value.</summary>
    /// <param name="name">The column's name, unique in the table.</param>
    /// <param name="values">One value a row.</param>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">The name is empty or taken, or the values are not one a row.</exception>
    public ParquetTable Add(string name, Instant?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Nullable(name, Array.ConvertAll(values, v => v is { } at ? (DateTime?)at.ToDateTimeUtc() : null));
    }

    /// <summary>Adds a column of dates (a Parquet date), null for a missing value.</summary>
    /// <param name="name">The column's name, unique in the table.</param>
    /// <param name="values">One value a row.</param>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">The name is empty or taken, or the values are not one a row.</exception>
    public ParquetTable Add(string name, LocalDate?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Nullable(name, Array.ConvertAll(values, v => v is { } day ? (DateOnly?)day.ToDateOnly() : null));
    }

    /// <summary>Writes the table as a Parquet file.</summary>
    /// <param name="destination">Where to write (left open).</param>
    /// <param name="cancellationToken">Stops between columns.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="InvalidOperationException">The table has no column.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (the stream then holds part of a file).</exception>
    public async Task WriteAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_columns.Count == 0)
        {
            throw new InvalidOperationException("A Parquet table needs at least one column.");
        }

        var schema = new ParquetSchema([.. _columns.Select(c => (Field)c.Field)]);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(schema, destination, options, append: false, cancellationToken).ConfigureAwait(false);
        using var rows = writer.CreateRowGroup();
        foreach (var (_, write) in _columns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await write(rows, cancellationToken).ConfigureAwait(false);
        }
    }

    private ParquetTable Plain<T>(string name, T[] values)
        where T : struct
    {
        var field = Field<T>(name, values);
        Func<ParquetRowGroupWriter, CancellationToken, Task> write = (rows, token) => rows.WriteAsync<T>(field, new ReadOnlyMemory<T>(values), cancellationToken: token);
        _columns.Add((field, write));
        return this;
    }

    private ParquetTable Nullable<T>(string name, T?[] values)
        where T : struct
    {
        var field = Field<T?>(name, values);
        Func<ParquetRowGroupWriter, CancellationToken, Task> write = (rows, token) => rows.WriteAsync<T>(field, new ReadOnlyMemory<T?>(values), cancellationToken: token);
        _columns.Add((field, write));
        return this;
    }

    private DataField<T> Field<T>(string name, Array values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != RowCount)
        {
            throw new ArgumentException($"Column '{name}' has {values.Length} values for {RowCount} rows.", nameof(values));
        }

        if (!_names.Add(name))
        {
            throw new ArgumentException($"The table already has a column '{name}'.", nameof(name));
        }

        return new DataField<T>(name);
    }
}
