using System.Text;
using System.Text.Json;
using CheckIn.Core;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Visits;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Tracing;

public sealed class TraceResultWriterTests
{
    private static readonly Dictionary<ulong, string> Names = new() { [1] = "Zung", [2] = "An, \"A\"", [3] = "Bình", [4] = "Cường" };

    private static string NameOf(CheckIn.Tracing.Privacy.PersonPseudonym p) => Names[p.Low];

    private static TraceResult Trace()
    {
        var store = new VisitStore();
        store.AddRange(
        [
            new Visit(P(1), "Chợ Đông Ba", At(8), At(10)),
            new Visit(P(3), "Chợ Đông Ba", At(9), At(11)),
            new Visit(P(2), "Chợ Đông Ba", At(9), At(12)),
            new Visit(P(3), "Quán cơm, Lê Lợi", At(12), At(13)),
            new Visit(P(4), "Quán cơm, Lê Lợi", At(12), At(12, 30), VisitClosure.DefaultLength),
        ]);
        return new ContactTracer(store.Flush()).Trace([new TraceCase(P(1), At(0), At(24)), new TraceCase(P(9), At(0), At(24))], new ContactTracerOptions { AsOf = At(24) });
    }

    [Fact]
    public void WriteCsv_OrderedByLevelTimeThenName_Quoted()
    {
        using var writer = new StringWriter();
        TraceResultWriter.WriteCsv(writer, Trace(), NameOf);
        Assert.Equal(
        [
            TraceResultWriter.CsvHeader,
            "\"An, \"\"A\"\"\",1,2021-09-01T09:00:00Z,Chợ Đông Ba,60,Zung,false,0.058235,venue,",
            "Bình,1,2021-09-01T09:00:00Z,Chợ Đông Ba,60,Zung,false,0.058235,venue,",
            "Cường,2,2021-09-01T12:00:00Z,\"Quán cơm, Lê Lợi\",30,Bình,true,0.000867,venue,",
        ], writer.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void WriteJson_CasesContactsNoticesAndWarnings()
    {
        using var stream = new MemoryStream();
        TraceResultWriter.WriteJson(stream, Trace(), p => Names.GetValueOrDefault(p.Low, "?"), MessageLanguage.English, indented: false);
        using var document = JsonDocument.Parse(stream.ToArray());
        var root = document.RootElement;
        Assert.Equal("2021-09-02T00:00:00Z", root.GetProperty("asOf").GetString());
        Assert.Equal(2, root.GetProperty("cases").GetArrayLength());
        var contacts = root.GetProperty("contacts").EnumerateArray().ToList();
        Assert.Equal(["An, \"A\"", "Bình", "Cường"], contacts.Select(c => c.GetProperty("person").GetString()));
        Assert.Equal("2021-09-01T12:00:00Z", contacts[2].GetProperty("contactVisit").GetProperty("checkIn").GetString());
        Assert.Equal(30, contacts[2].GetProperty("overlapMinutes").GetDouble());
        Assert.True(contacts[2].GetProperty("inAssumedTail").GetBoolean());
        Assert.False(contacts[1].GetProperty("inAssumedTail").GetBoolean());
        Assert.Equal("DefaultLength", contacts[2].GetProperty("contactVisit").GetProperty("closure").GetString());
        Assert.Equal("CheckedOut", contacts[2].GetProperty("sourceVisit").GetProperty("closure").GetString());
        Assert.Equal("Chợ Đông Ba", root.GetProperty("notices")[0].GetProperty("venue").GetString());
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray());
        Assert.Equal(TracingErrorCodes.Trace.UnknownCase, warning.GetProperty("code").GetString());
        Assert.Equal(1, warning.GetProperty("field").GetInt32());
        Assert.Equal("The case has no visits in the index", warning.GetProperty("message").GetString());
        Assert.Contains("Chợ Đông Ba", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    /// <summary>Regression: text from the input that starts like a formula ran as one when the CSV was opened in a spreadsheet.</summary>
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+84912345678", "'+84912345678")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("Chợ Đông Ba", "Chợ Đông Ba")]
    [InlineData("a=b", "a=b")]
    public void CsvRecordWriter_FormulaText_Neutralized(string field, string written)
    {
        using var writer = new StringWriter();
        CheckIn.Tracing.Csv.CsvRecordWriter.WriteRecord(writer, field, "1");
        Assert.Equal(written + ",1\n", writer.ToString());
    }
}
