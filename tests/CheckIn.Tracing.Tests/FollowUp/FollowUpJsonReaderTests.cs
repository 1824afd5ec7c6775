using System.Text;
using CheckIn.Tracing.FollowUp;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using static CheckIn.Tracing.Tests.Support.People;
using Codes = CheckIn.Tracing.TracingErrorCodes.FollowUpJson;

namespace CheckIn.Tracing.Tests.FollowUp;

/// <summary>The follow-up store read back: what the writer wrote, exactly, or a coded refusal.</summary>
public sealed class FollowUpJsonReaderTests
{
    private static (FollowUpBook Book, Func<PersonPseudonym, string> NameOf) Worked()
    {
        var store = new VisitStore();
        store.AddRange([new Visit(P(0), "market", At(8), At(9)), new Visit(P(1), "market", At(8), At(9)), new Visit(P(2), "market", At(8), At(9)), new Visit(P(3), "market", At(8), At(9))]);
        var trace = new ContactTracer(store.Flush()).Trace([new TraceCase(P(0), At(0), At(24))], new ContactTracerOptions { AsOf = At(48) });
        var book = new FollowUpBook();
        book.Open(trace, c => c.Person == P(1) ? 19753 : null, At(20), "tracer-1");
        Assert.True(book.Notify(P(1), Protection.FullyProtected, At(22), "tracer-1").Success);
        Assert.True(book.RecordTest(P(1), positive: false, At(30), "lab").Success);
        Assert.True(book.Close(P(3), At(23), "tracer-2", "moved away, \"quoted\" note").Success);
        return (book, p => $"person {p.Low}");
    }

    private static byte[] Json(FollowUpBook book, Func<PersonPseudonym, string> nameOf)
    {
        using var stream = new MemoryStream();
        FollowUpWriter.WriteJson(stream, book.Records, nameOf);
        return stream.ToArray();
    }

    private static PersonPseudonym PersonOf(string name) => P(int.Parse(name["person ".Length..], System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Read_WhatTheWriterWrote_RecordsAndHistoriesEqual()
    {
        var (book, nameOf) = Worked();
        var json = Json(book, nameOf);
        var read = FollowUpJsonReader.Read(json, PersonOf, null).Value;
        Assert.Equal(json, Json(read, nameOf));
        foreach (var record in book.Records)
        {
            var back = read.Find(record.Person)!;
            Assert.Equal((record.Level, record.LastExposure, record.Commune, record.State, record.Protection, record.QuarantineUntil), (back.Level, back.LastExposure, back.Commune, back.State, back.Protection, back.QuarantineUntil));
            Assert.Equal(record.TestsDue, back.TestsDue);
            Assert.Equal(record.History, back.History);
        }

        // The book read back works on: the next test meets the next day due.
        Assert.True(read.RecordTest(P(1), positive: true, At(40), "lab").Success);
        Assert.True(read.CaseOf(P(1)).Success);

        var streamed = await FollowUpJsonReader.ReadAsync(new MemoryStream(json), PersonOf, QuarantinePolicy.Moh2021);
        Assert.Equal(QuarantinePolicy.Moh2021, streamed.Value.Policy);
        Assert.Equal(book.Records.Count, streamed.Value.Records.Count);
    }

    [Theory]
    [InlineData("", Codes.Syntax, -1, null)]
    [InlineData("{}", Codes.Syntax, -1, null)]
    [InlineData("[1,", Codes.Syntax, -1, null)]
    [InlineData("[]", null, -1, null)]
    [InlineData("[5]", Codes.Record, 0, "record")]
    [InlineData("""[{"level":1}]""", Codes.Record, 0, "person")]
    [InlineData("""[{"person":" ","level":1}]""", Codes.Record, 0, "person")]
    [InlineData("""[{"person":"person 1","level":0}]""", Codes.Record, 0, "level")]
    [InlineData("""[{"person":"person 1","level":1,"lastExposure":"2021-02-30"}]""", Codes.Record, 0, "lastExposure")]
    [InlineData("""[{"person":"person 1","level":1,"lastExposure":"2021-09-01","commune":"x"}]""", Codes.Record, 0, "commune")]
    [InlineData("""[{"person":"person 1","level":1,"lastExposure":"2021-09-01","state":"Quarantined"}]""", Codes.Record, 0, "state")]
    [InlineData("""[{"person":"person 1","level":1,"lastExposure":"2021-09-01","state":"identified","protection":"full"}]""", Codes.Record, 0, "protection")]
    [InlineData("""[{"person":"person 1","level":1,"lastExposure":"2021-09-01","state":"identified","protection":"unknown","testsDue":["2021-09-05","2021-09-03"],"history":[]}]""", Codes.Record, 0, "testsDue")]
    [InlineData("""[{"person":"person 1","level":1,"lastExposure":"2021-09-01","state":"identified","protection":"unknown","testsDue":[],"history":[]}]""", Codes.Record, 0, "history")]
    [InlineData("""[{"person":"person 1","level":1,"lastExposure":"2021-09-01","state":"closed","protection":"unknown","testsDue":[],"history":[{"at":"2021-09-01T00:00:00Z","by":"a","from":"identified","to":"identified"}]}]""", Codes.Record, 0, "history")]
    [InlineData("""[{"person":"person 1","level":1,"lastExposure":"2021-09-01","state":"identified","protection":"unknown","testsDue":[],"history":[{"at":"2021-09-01T00:00:00Z","by":"a","from":"identified","to":"identified"}]},{"person":"person 1","level":1,"lastExposure":"2021-09-01","state":"identified","protection":"unknown","testsDue":[],"history":[{"at":"2021-09-01T00:00:00Z","by":"a","from":"identified","to":"identified"}]}]""", Codes.Duplicate, 1, "person")]
    public void Read_BadFile_CodedWithRecordAndField(string json, string? code, int record, string? field)
    {
        var read = FollowUpJsonReader.Read(Encoding.UTF8.GetBytes(json), PersonOf, null);
        if (code is null)
        {
            Assert.Empty(read.Value.Records);
            return;
        }

        Assert.False(read.Success);
        Assert.Equal((code, record, field), (read.Error.Code, read.Error.Field, read.Error.Property));
    }

    [Fact]
    public void Read_NotUtf8_Syntax()
    {
        // Found by the fuzz target: a byte that is not UTF-8 inside a string made the parser throw when the string was read.
        var read = FollowUpJsonReader.Read("[{\"person\":\"a\xEB\"}]"u8.ToArray() is var bytes ? [.. bytes[..12], 0xEB, .. bytes[12..]] : [], PersonOf, null);
        Assert.Equal(Codes.Syntax, read.Error.Code);
    }

    [Fact]
    public void Read_PersonTheMappingRefuses_IsARecordError()
    {
        var (book, nameOf) = Worked();
        var read = FollowUpJsonReader.Read(Json(book, nameOf), _ => throw new ArgumentException("nothing visible"), null);
        Assert.Equal((Codes.Record, "person"), (read.Error.Code, read.Error.Property));
    }

    [Fact]
    public void Restore_KeepsTheFirst_RefusesABrokenHistory()
    {
        var (book, _) = Worked();
        var record = book.Find(P(1))!;
        Assert.False(book.Restore(record with { Level = 2 }));
        Assert.Equal(1, book.Find(P(1))!.Level);
        var fresh = new FollowUpBook();
        Assert.Throws<ArgumentException>(() => fresh.Restore(record with { History = [] }));
        Assert.Throws<ArgumentException>(() => fresh.Restore(record with { State = FollowUpState.Closed }));
        Assert.True(fresh.Restore(record));
    }

    [Fact]
    public async Task ReadAsync_OverTheLimit_TooLarge()
    {
        var read = await FollowUpJsonReader.ReadAsync(new LongStream(FollowUpJsonReader.MaxBytes + 1L), PersonOf, null);
        Assert.Equal(Codes.TooLarge, read.Error.Code);
    }

    /// <summary>A stream of spaces, of a given length, that holds no memory.</summary>
    private sealed class LongStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
