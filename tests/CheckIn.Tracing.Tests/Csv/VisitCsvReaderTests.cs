using System.Text;
using CheckIn.Core;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;
using Codes = CheckIn.Tracing.TracingErrorCodes.VisitCsv;

namespace CheckIn.Tracing.Tests.Csv;

public sealed class VisitCsvReaderTests
{
    private const string Header = "person,venue,check_in,check_out\n";

    private static List<VisitCsvRecord> ReadAll(string text, out CheckInError error, VisitCsvReaderOptions? options = null)
    {
        var reader = new VisitCsvReader(new StringReader(text), options);
        var records = new List<VisitCsvRecord>();
        error = default;
        while (true)
        {
            var next = reader.Read();
            if (!next.TryGetValue(out var more))
            {
                error = next.Error;
                return records;
            }

            if (!more)
            {
                return records;
            }

            records.Add(reader.Current);
        }
    }

    [Fact]
    public void Read_ClosureColumn_AsTheRecordCommandPrintsIt()
    {
        var text = "person,venue,check_in,check_out,closure\n"
            + "A,V,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z,CheckedOut\n"
            + "B,V,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z,defaultlength\n"
            + "C,V,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z,\n"
            + "D,V,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z,NextCheckIn\n";
        var records = ReadAll(text, out var error);
        Assert.True(error.IsEmpty);
        Assert.Equal(
            [VisitClosure.CheckedOut, VisitClosure.DefaultLength, VisitClosure.CheckedOut, VisitClosure.NextCheckIn],
            records.Select(r => r.Closure));

        var store = new VisitStore();
        var persons = new PseudonymTable(new PersonPseudonymizer(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        Assert.True(new VisitCsvReader(new StringReader(text)).ReadInto(store, persons).Success);
        Assert.Equal(VisitClosure.DefaultLength, store.Flush().VisitsOf(persons.Pseudonymize("B")).Single().Closure);
    }

    [Theory]
    [InlineData("person,venue,check_in,check_out,closure\nA,V,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z,Maybe\n", Codes.Closure, 2, 4)]
    [InlineData("person,venue,check_in,check_out,closure\nA,V,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\n", Codes.FieldCount, 2, -1)]
    [InlineData("person,venue,check_in,check_out\nA,V,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z,CheckedOut\n", Codes.FieldCount, 2, -1)]
    [InlineData("person,venue,check_in,check_out,kind\n", Codes.Header, 1, -1)]
    public void Read_BadClosureColumn_Coded(string text, string code, int line, int field)
    {
        ReadAll(text, out var error);
        Assert.Equal(code, error.Code);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Read_QuotedFieldsCrlfAndBlankLines_RecordsWithTheirLines()
    {
        var text = "person,venue,check_in,check_out\r\n"
            + "An,\"Quán cơm, Lê Lợi\",2021-09-01T11:00:00Z,2021-09-01T12:00:00Z\r\n"
            + "\r\n"
            + "\"Bình \"\"B\"\"\",\"Chợ\nĐông Ba\", 2021-09-01T08:00:00Z ,2021-09-01T09:00:00Z\n"
            + "Cường,V1,2021-09-01T08:00:00Z,2021-09-01T08:00:01Z";
        var records = ReadAll(text, out var error);
        Assert.True(error.IsEmpty);
        Assert.Equal(3, records.Count);
        Assert.Equal(("An", "Quán cơm, Lê Lợi", 2), (records[0].Person, records[0].Venue, records[0].Line));
        Assert.Equal(("Bình \"B\"", "Chợ Đông Ba", 4), (records[1].Person, records[1].Venue, records[1].Line));
        Assert.Equal("Chợ\nĐông Ba", ReadAll(text, out _, new VisitCsvReaderOptions { CanonicalKeys = false })[1].Venue);
        Assert.Equal(Instant.FromUtc(2021, 9, 1, 8, 0), records[1].CheckIn);
        Assert.Equal(6, records[2].Line);
        Assert.DoesNotContain("Bình", records[1].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", Codes.Header, 1, CheckInError.None)]
    [InlineData("name,place,in,out\n", Codes.Header, 1, CheckInError.None)]
    [InlineData(Header + "An,X,2021-09-01T08:00:00Z\n", Codes.FieldCount, 2, CheckInError.None)]
    [InlineData(Header + "An,X,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z,extra\n", Codes.FieldCount, 2, CheckInError.None)]
    [InlineData(Header + "  ,X,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\n", Codes.Person, 2, 0)]
    [InlineData(Header + "An,,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\n", Codes.Venue, 2, 1)]
    [InlineData(Header + "An,X,yesterday,2021-09-01T09:00:00Z\n", Codes.Instant, 2, 2)]
    [InlineData(Header + "An,X,2021-09-01T08:00:00Z,2021-09-01 09:00\n", Codes.Instant, 2, 3)]
    [InlineData(Header + "An,X,2021-09-01T09:00:00Z,2021-09-01T09:00:00Z\n", Codes.Interval, 2, 3)]
    [InlineData(Header + "An,X,2021-09-01T00:00:00Z,2021-09-02T00:00:00Z\n", Codes.Interval, 2, 3)]
    [InlineData(Header + "An,X,1900-09-01T00:00:00Z,1900-09-01T01:00:00Z\n", Codes.Interval, 2, 3)]
    [InlineData(Header + "An,\"X,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\n", Codes.Quote, 2, 1)]
    [InlineData(Header + "\nAn,X,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\nAn,X,y,z\n", Codes.Instant, 4, 2)]
    public void Read_BadRecord_CodeLineField(string text, string code, int line, int field)
    {
        ReadAll(text, out var error);
        Assert.Equal((code, line, field), (error.Code, error.Line, error.Field));
        Assert.NotEqual(code, error.GetDescription(MessageLanguage.Vietnamese));
    }

    [Fact]
    public void Read_RecordTooLong_RefusedWithoutReadingOn()
    {
        var text = Header + "An," + new string('x', VisitCsvReader.MaxRecordLength) + ",2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\n";
        ReadAll(text, out var error);
        Assert.Equal((Codes.RecordTooLong, 2), (error.Code, error.Line));
    }

    [Fact]
    public void Read_AfterAnError_ReturnsItAgain()
    {
        var reader = new VisitCsvReader(new StringReader("nope\n" + "An,X,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\n"));
        var first = reader.Read();
        Assert.Equal(Codes.Header, first.Error.Code);
        Assert.Equal(first, reader.Read());
    }

    [Fact]
    public void ReadInto_AddsVisitsPseudonymized_LatestCheckOut()
    {
        var store = new VisitStore();
        var persons = new PseudonymTable(new PersonPseudonymizer("visit-csv-reader-test-key-of-32-bytes!"u8));
        var text = Header
            + "An,V1,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\n"
            + " an ,V2,2021-09-01T10:00:00Z,2021-09-01T12:00:00Z\n"
            + "Bình,V1,2021-09-01T08:30:00Z,2021-09-01T09:30:00Z\n";
        var summary = new VisitCsvReader(new StringReader(text)).ReadInto(store, persons).GetValueOrThrow();
        Assert.Equal(new VisitCsvSummary(3, 2, Instant.FromUtc(2021, 9, 1, 12, 0)), summary);
        var snapshot = store.Flush();
        Assert.Equal(3, snapshot.Count);
        Assert.Equal("An", persons.IdentifierOf(persons.Pseudonymize(" an ")));
    }

    [Fact]
    public void ReadInto_BadRecord_KeepsTheVisitsBeforeIt()
    {
        var store = new VisitStore();
        var persons = new PseudonymTable(new PersonPseudonymizer("visit-csv-reader-test-key-of-32-bytes!"u8));
        var text = Header + "An,V1,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\nAn,V1,x,y\n";
        var result = new VisitCsvReader(new StringReader(text)).ReadInto(store, persons);
        Assert.Equal((Codes.Instant, 3), (result.Error.Code, result.Error.Line));
        Assert.Equal(1, store.Flush().Count);
    }

    [Fact]
    public void ReadInto_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var reader = new VisitCsvReader(new StringReader(Header));
        Assert.Throws<OperationCanceledException>(() => reader.ReadInto(new VisitStore(), new PseudonymTable(new PersonPseudonymizer("visit-csv-reader-test-key-of-32-bytes!"u8)), cancellation.Token));
    }

    /// <summary>Mutated valid files: reading never throws, and every failure is coded with a line inside the file.</summary>
    [Fact]
    public void Read_MutatedValidFiles_NeverThrowsAlwaysCoded()
    {
        var valid = new StringBuilder(Header);
        for (var i = 0; i < 30; i++)
        {
            valid.Append(System.Globalization.CultureInfo.InvariantCulture, $"P{i},\"V {i % 4}, Huế\",2021-09-0{1 + (i % 9)}T0{i % 10}:00:00Z,2021-09-0{1 + (i % 9)}T1{i % 10}:30:00Z\n");
        }

        var seed = valid.ToString();
        const string Pool = ",\"\r\n:TZ-0123456789x ";
        var random = new Random(4180);
        var codes = new HashSet<string>();
        var accepted = 0;
        for (var round = 0; round < 3000; round++)
        {
            var chars = seed.ToCharArray().ToList();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0:
                        chars[at] = Pool[random.Next(Pool.Length)];
                        break;
                    case 1:
                        chars.Insert(at, Pool[random.Next(Pool.Length)]);
                        break;
                    default:
                        chars.RemoveAt(at);
                        break;
                }
            }

            var text = new string([.. chars]);
            var lines = text.Count(c => c == '\n') + 1;
            var records = ReadAll(text, out var error);
            if (error.IsEmpty)
            {
                accepted++;
                Assert.All(records, r => Assert.True(r.CheckOut > r.CheckIn));
            }
            else
            {
                Assert.StartsWith("VisitCsv.", error.Code, StringComparison.Ordinal);
                Assert.InRange(error.Line, 1, lines);
                codes.Add(error.Code);
            }
        }

        Assert.True(accepted > 100, $"only {accepted} mutated files read");
        Assert.Superset(new HashSet<string> { Codes.FieldCount, Codes.Instant, Codes.Interval }, codes);
    }

    private static PseudonymTable Persons() => new(new PersonPseudonymizer("visit-csv-reader-test-key-of-32-bytes!"u8));

    /// <summary>Regression: keys were compared raw, so spellings of one venue or one phone were different venues and people.</summary>
    [Fact]
    public void ReadInto_SpellingsOfOneVenueAndOnePhone_JoinUp()
    {
        var text = Header
            + "0912 345 678,V1,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\n"
            + "+84912345678, V1,2021-09-01T10:00:00Z,2021-09-01T11:00:00Z\n"
            + "0912.345.678,V1\u200B,2021-09-01T12:00:00Z,2021-09-01T13:00:00Z\n"
            + "\uFF10\uFF19\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18,\uFF36\uFF11,2021-09-01T14:00:00Z,2021-09-01T15:00:00Z\n";
        var store = new VisitStore();
        var persons = Persons();
        var summary = new VisitCsvReader(new StringReader(text)).ReadInto(store, persons).GetValueOrThrow();
        Assert.Equal((4L, 1), (summary.Visits, summary.Persons));
        var snapshot = store.Flush();
        Assert.Equal(1, snapshot.VenueCount);
        Assert.Equal("0912345678", persons.IdentifierOf(persons.Pseudonymize("0912345678")));

        // Exact keys, as before: four spellings, three persons (the pseudonymizer still folds case and spaces), two venues.
        var exact = new VisitStore();
        var raw = new VisitCsvReader(new StringReader(text), new VisitCsvReaderOptions { CanonicalKeys = false }).ReadInto(exact, Persons()).GetValueOrThrow();
        Assert.True(raw.Persons > 1);
        Assert.True(exact.Flush().VenueCount > 1);
    }

    /// <summary>Regression: one bad row ended the whole read.</summary>
    [Fact]
    public void ReadInto_SkipBadRecords_EveryBadRowReportedTheRestRead()
    {
        var text = Header
            + "An,V1,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\n"
            + "An,V1,x,2021-09-01T09:00:00Z\n"
            + "Bình,V1,2021-09-01T08:30:00Z,2021-09-01T09:30:00Z\n"
            + "Cường,V2\n"
            + "\u200B,V2,2021-09-01T08:30:00Z,2021-09-01T09:30:00Z\n"
            + "Dung,\"" + new string('x', VisitCsvReader.MaxRecordLength) + "\",2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\n"
            + "Em,V2,2021-09-01T10:00:00Z,2021-09-01T09:00:00Z\n"
            + "Em,V2,2021-09-01T10:00:00Z,2021-09-01T11:00:00Z\n";
        var store = new VisitStore();
        var summary = new VisitCsvReader(new StringReader(text), new VisitCsvReaderOptions { SkipBadRecords = true }).ReadInto(store, Persons()).GetValueOrThrow();
        Assert.Equal((3L, 5L), (summary.Visits, summary.Rejected));
        Assert.Equal(
            [(Codes.Instant, 3), (Codes.FieldCount, 5), (Codes.Person, 6), (Codes.RecordTooLong, 7), (Codes.Interval, 8)],
            summary.Errors.Select(e => (e.Code, e.Line)));
        Assert.Equal(3, store.Flush().Count);

        // Capped list, full count.
        var capped = new VisitCsvReader(new StringReader(text), new VisitCsvReaderOptions { SkipBadRecords = true, MaxReportedErrors = 2 }).ReadInto(new VisitStore(), Persons()).GetValueOrThrow();
        Assert.Equal((5L, 2), (capped.Rejected, capped.Errors.Count));

        // Strict (the default): the first bad row ends the read.
        var strict = new VisitCsvReader(new StringReader(text)).ReadInto(new VisitStore(), Persons());
        Assert.Equal((Codes.Instant, 3), (strict.Error.Code, strict.Error.Line));
    }

    [Fact]
    public void ReadInto_SkipBadRecords_WrongHeaderOrOpenQuoteStillEndTheRead()
    {
        var options = new VisitCsvReaderOptions { SkipBadRecords = true };
        Assert.Equal(Codes.Header, new VisitCsvReader(new StringReader("a,b\n"), options).ReadInto(new VisitStore(), Persons()).Error.Code);
        var open = Header + "An,V1,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z\nAn,\"V1,x,y\n";
        Assert.Equal(Codes.Quote, new VisitCsvReader(new StringReader(open), options).ReadInto(new VisitStore(), Persons()).Error.Code);
    }

    [Fact]
    public void Options_OutOfRange_Throw() =>
        Assert.Throws<InvalidOptionsException>(() => new VisitCsvReader(new StringReader(Header), new VisitCsvReaderOptions { MaxReportedErrors = -1 }));
}
