using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using Codes = CheckIn.Tracing.TracingErrorCodes.LinkCsv;

namespace CheckIn.Tracing.Tests.Csv;

public sealed class PersonLinkCsvReaderTests
{
    [Fact]
    public void Read_PairsInCanonicalSpelling()
    {
        var reader = new PersonLinkCsvReader(new StringReader("id_kind,id,id_kind2,id2\nCCCD,046090001234,phone,+84 912 345 678\n\ncmnd,191234567,bhyt,\"DN4797915123456\"\n"));
        Assert.True(reader.Read().Value);
        Assert.Equal(new PersonLinkCsvRecord(new PersonIdentifier(IdentifierKind.CitizenId, "046090001234"), "cccd", new PersonIdentifier(IdentifierKind.Phone, "0912345678"), "phone", 2), reader.Current);
        Assert.True(reader.Read().Value);
        Assert.Equal((IdentifierKind.CitizenId, IdentifierKind.HealthInsurance, 4), (reader.Current.First.Kind, reader.Current.Second.Kind, reader.Current.Line));
        Assert.False(reader.Read().Value);
        Assert.DoesNotContain("046090001234", reader.Current.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id_kind,id\n", Codes.Header, 1, -1)]
    [InlineData("id_kind,id,id_kind2,id2\ncccd,1,phone\n", Codes.FieldCount, 2, -1)]
    [InlineData("id_kind,id,id_kind2,id2\nemail,a@b,phone,0912345678\n", Codes.IdKind, 2, 0)]
    [InlineData("id_kind,id,id_kind2,id2\ncccd,1,fax,0912345678\n", Codes.IdKind, 2, 2)]
    [InlineData("id_kind,id,id_kind2,id2\ncccd, ,phone,0912345678\n", Codes.Identifier, 2, 1)]
    [InlineData("id_kind,id,id_kind2,id2\ncccd,1,phone,\"\u200B\"\n", Codes.Identifier, 2, 3)]
    [InlineData("id_kind,id,id_kind2,id2\ncccd,\"1,phone,2\n", Codes.Quote, 2, 1)]
    public void Read_BadRecord_CodedWithLineAndField(string text, string code, int line, int field)
    {
        var read = new PersonLinkCsvReader(new StringReader(text)).Read();
        Assert.False(read.Success);
        Assert.Equal((code, line, field), (read.Error.Code, read.Error.Line, read.Error.Field));
    }

    [Fact]
    public void Read_TooLongRecord_SkippedWhenAsked()
    {
        var text = "id_kind,id,id_kind2,id2\ncccd," + new string('1', 5000) + ",phone,0912345678\ncccd,1,phone,0912345678\n";
        var strict = new PersonLinkCsvReader(new StringReader(text));
        Assert.Equal(Codes.RecordTooLong, strict.Read().Error.Code);
        Assert.Equal(Codes.RecordTooLong, strict.Read().Error.Code);
        var lenient = new PersonLinkCsvReader(new StringReader(text), new VisitCsvReaderOptions { SkipBadRecords = true });
        Assert.Equal(Codes.RecordTooLong, lenient.Read().Error.Code);
        Assert.True(lenient.Read().Value);
    }
}
