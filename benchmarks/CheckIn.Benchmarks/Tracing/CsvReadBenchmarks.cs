using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CheckIn.Tracing.Csv;
using nietras.SeparatedValues;
using Sylvan.Data.Csv;

namespace CheckIn.Benchmarks.Tracing;

/// <summary>
/// Reading the fields of a visits CSV (200,000 rows as <c>checkin simulate</c> writes them), without interpreting them:
/// CheckIn's own block tokenizer (baseline; RFC 4180 quoting, bounded records, line numbers for coded errors) against
/// the two fast CSV readers the registry serves, Sep and Sylvan.Data.Csv, each handing out its fields as spans.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class CsvReadBenchmarks
{
    private const int Rows = 200_000;
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("person,venue,check_in,check_out,closure\n");
        var random = new Random(3);
        var start = new DateTime(2021, 9, 6, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Rows; i++)
        {
            var at = start.AddMinutes(random.Next(14 * 24 * 60));
            text.Append(CultureInfo.InvariantCulture, $"R{i / 16:D7},V{random.Next(30_000):D6},{at:yyyy-MM-ddTHH:mm:ssZ},{at.AddMinutes(15 + random.Next(120)):yyyy-MM-ddTHH:mm:ssZ},\n");
        }

        _text = text.ToString();
        Console.WriteLine($"// {Tokenizer()} / {Sep()} / {Sylvan()} characters in fields (must agree)");
    }

    [Benchmark(Baseline = true)]
    public long Tokenizer()
    {
        var tokenizer = new CsvRecordTokenizer(new StringReader(_text), VisitCsvReader.MaxRecordLength);
        long characters = 0;
        tokenizer.Read(out _);
        while (tokenizer.Read(out _) == CsvRecordProblem.None && tokenizer.FieldCount > 0)
        {
            for (var f = 0; f < tokenizer.FieldCount; f++)
            {
                characters += tokenizer[f].Length;
            }
        }

        return characters;
    }

    [Benchmark]
    public long Sep()
    {
        using var reader = nietras.SeparatedValues.Sep.New(',').Reader(o => o with { Unescape = true }).From(new StringReader(_text));
        long characters = 0;
        foreach (var row in reader)
        {
            for (var f = 0; f < row.ColCount; f++)
            {
                characters += row[f].Span.Length;
            }
        }

        return characters;
    }

    [Benchmark]
    public long Sylvan()
    {
        using var reader = CsvDataReader.Create(new StringReader(_text));
        long characters = 0;
        while (reader.Read())
        {
            for (var f = 0; f < reader.FieldCount; f++)
            {
                characters += reader.GetFieldSpan(f).Length;
            }
        }

        return characters;
    }
}
