using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Tracing.Tests.Csv;

public sealed class CheckInEventCsvReaderTests
{
    private const string Events = """
        id_kind,id,venue,event,at,channel
        cccd,001090123456,V-HUE-0001,in,2021-09-01T08:00:00+07:00,staff
        bhyt,HS4010120878811,V-HUE-0001,out,2021-09-01T02:00:00Z,
        phone,+84 912 345 678,"Chợ, Đông Ba",IN,2021-09-01T03:00:00Z,app
        paper,P-17,Chợ Đông Ba,out,2021-09-01T04:00:00Z,paper
        """;

    private static List<CheckInEventCsvRecord> ReadAll(string text, VisitCsvReaderOptions? options = null)
    {
        var reader = new CheckInEventCsvReader(new StringReader(text), options);
        var records = new List<CheckInEventCsvRecord>();
        while (reader.Read().Value)
        {
            records.Add(reader.Current);
        }

        return records;
    }

    [Fact]
    public void Read_EveryKindAndChannel()
    {
        var records = ReadAll(Events);
        Assert.Equal(4, records.Count);
        Assert.Equal((IdentifierKind.CitizenId, "001090123456", CheckInEventKind.CheckIn, Instant.FromUtc(2021, 9, 1, 1, 0), EventChannel.StaffScan),
            (records[0].Kind, records[0].Identifier, records[0].Event, records[0].At, records[0].Channel));
        Assert.Null(records[1].Channel);
        Assert.Equal(["cccd", "bhyt", "phone", "paper"], records.Select(r => r.IdKind));
        Assert.Equal((IdentifierKind.Phone, "0912345678", "Chợ, Đông Ba"), (records[2].Kind, records[2].Identifier, records[2].Venue));
        Assert.Equal((IdentifierKind.PaperLog, EventChannel.Paper, 5), (records[3].Kind, records[3].Channel, records[3].Line));
        Assert.DoesNotContain("001090123456", records[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FiveColumns_NoChannel()
    {
        var record = Assert.Single(ReadAll("id_kind,id,venue,event,at\nqid,Q1,V,out,2021-09-01T00:00:00Z\n"));
        Assert.Equal((IdentifierKind.PlatformId, (EventChannel?)null), (record.Kind, record.Channel));
    }

    [Theory]
    [InlineData("person,venue,check_in,check_out\n", "EventCsv.Header", 1, -1)]
    [InlineData("id_kind,id,venue,event,at\ncccd,1,V,in\n", "EventCsv.FieldCount", 2, -1)]
    [InlineData("id_kind,id,venue,event,at\ncmt,1,V,in,2021-09-01T00:00:00Z\n", "EventCsv.IdKind", 2, 0)]
    [InlineData("id_kind,id,venue,event,at\ncccd, \u200B ,V,in,2021-09-01T00:00:00Z\n", "EventCsv.Identifier", 2, 1)]
    [InlineData("id_kind,id,venue,event,at\ncccd,1,,in,2021-09-01T00:00:00Z\n", "EventCsv.Venue", 2, 2)]
    [InlineData("id_kind,id,venue,event,at\ncccd,1,V,enter,2021-09-01T00:00:00Z\n", "EventCsv.Event", 2, 3)]
    [InlineData("id_kind,id,venue,event,at\ncccd,1,V,in,yesterday\n", "EventCsv.Instant", 2, 4)]
    [InlineData("id_kind,id,venue,event,at\ncccd,1,V,in,2100-01-01T00:00:00Z\n", "EventCsv.Instant", 2, 4)]
    [InlineData("id_kind,id,venue,event,at,channel\ncccd,1,V,in,2021-09-01T00:00:00Z,fax\n", "EventCsv.Channel", 2, 5)]
    [InlineData("id_kind,id,venue,event,at\ncccd,\"1,V,in,2021-09-01T00:00:00Z\n", "EventCsv.Quote", 2, 1)]
    public void Read_Bad_CodedWithLineAndField(string text, string code, int line, int field)
    {
        var error = new CheckInEventCsvReader(new StringReader(text)).Read() is { Success: false } r ? r.Error : ReadError(text);
        Assert.Equal((code, line, field), (error.Code, error.Line, error.Field));
        Assert.Contains(code, TracingErrorCodes.All());
    }

    private static CheckIn.Core.CheckInError ReadError(string text)
    {
        var reader = new CheckInEventCsvReader(new StringReader(text));
        while (true)
        {
            var step = reader.Read();
            if (!step.Success)
            {
                return step.Error;
            }

            Assert.True(step.Value, "expected an error before the end");
        }
    }

    [Fact]
    public void Read_TooLong_SkippedWhenAsked()
    {
        var text = "id_kind,id,venue,event,at\ncccd," + new string('9', 5000) + ",V,in,2021-09-01T00:00:00Z\ncccd,1,V,in,2021-09-01T00:00:00Z\n";
        var reader = new CheckInEventCsvReader(new StringReader(text), new VisitCsvReaderOptions { SkipBadRecords = true });
        Assert.Equal("EventCsv.RecordTooLong", reader.Read().Error.Code);
        Assert.True(reader.Read().Value);
        Assert.Equal(3, reader.Current.Line);
    }

    [Fact]
    public void Read_MutatedFiles_NeverThrow()
    {
        var random = new Random(2021);
        var (accepted, rejected) = (0, 0);
        for (var i = 0; i < 3000; i++)
        {
            var chars = Events.ToCharArray();
            for (var m = random.Next(1, 5); m > 0; m--)
            {
                const string Noise = "\",\n\r x0:+-Zé\u200B";
                chars[random.Next(chars.Length)] = Noise[random.Next(Noise.Length)];
            }

            var reader = new CheckInEventCsvReader(new StringReader(new string(chars)), new VisitCsvReaderOptions { SkipBadRecords = true });
            for (var records = 0; records < 50; records++)
            {
                var step = reader.Read();
                if (step.Success && !step.Value)
                {
                    break;
                }

                if (step.Success)
                {
                    accepted++;
                    Assert.False(string.IsNullOrWhiteSpace(reader.Current.Identifier));
                    continue;
                }

                rejected++;
                Assert.StartsWith("EventCsv.", step.Error.Code, StringComparison.Ordinal);
                Assert.True(step.Error.Line >= 1, step.Error.ToString());
                if (step.Error.Code is "EventCsv.Header" or "EventCsv.Quote")
                {
                    break;
                }
            }
        }

        // The mutations must reach both paths, or the test proves nothing.
        Assert.True(accepted > 1000 && rejected > 1000, $"accepted {accepted}, rejected {rejected}");
    }
}
