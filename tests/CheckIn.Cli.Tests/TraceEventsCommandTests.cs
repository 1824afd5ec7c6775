namespace CheckIn.Cli.Tests;

/// <summary><c>checkin trace --events</c>: raw events, links between identifiers, venues by kind and commune.</summary>
public sealed class TraceEventsCommandTests : IDisposable
{
    // The case is scanned by chip card at the market and by insurance card at the clinic.
    private const string Events = """
        id_kind,id,venue,event,at,channel
        cccd,046090001234,market,in,2021-09-01T08:00:00+07:00,staff
        cccd,046090001234,market,out,2021-09-01T09:00:00+07:00,staff
        cccd,046090005678,market,in,2021-09-01T08:10:00+07:00,staff
        cccd,046090005678,market,out,2021-09-01T08:50:00+07:00,staff
        bhyt,DN4797915123456,clinic,in,2021-09-02T08:00:00+07:00,staff
        phone,+84 912 000 111,clinic,in,2021-09-02T08:05:00+07:00,app
        phone,0912000111,clinic,out,2021-09-02T09:00:00+07:00,app
        paper,Võ Thị Em|0912000222,stall,in,2021-09-02T09:30:00+07:00,paper
        bhyt,DN4797915123456,stall,in,2021-09-02T09:30:00+07:00,staff
        """;

    private const string Links = """
        id_kind,id,id_kind2,id2
        bhyt,DN4797915123456,cccd,046090001234
        """;

    private const string Venues = """
        venue,kind,commune,name
        market,market,00001,Chợ
        clinic,hospital,00004,Phòng khám
        """;

    private const string Window = "@2021-08-31T00:00:00Z/2021-09-03T00:00:00Z";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-trace-events-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    private string[] Contacts(CliRunner.Result result) => result.Output.TrimEnd('\n').Split('\n');

    [Fact]
    public void Trace_WithoutLinks_TheCardsAreTwoPeople_WithLinks_OnePersonFoundAcrossThem()
    {
        var events = Write("events.csv", Events);
        var alone = CliRunner.Run("trace", "--events", events, "--case", "cccd:046090001234" + Window);
        Assert.Equal(ExitCodes.Success, alone.ExitCode);
        Assert.Equal(["person,level,exposed_at,venue,overlap_minutes,source,assumed,score,evidence,distance", "cccd:046090005678,1,2021-09-01T01:10:00Z,market,40,cccd:046090001234,false,0.039211,venue,"], Contacts(alone));

        var linked = CliRunner.Run("trace", "--events", events, "--links", Write("links.csv", Links), "--case", "cccd:046090001234" + Window);
        Assert.Equal(ExitCodes.Success, linked.ExitCode);
        Assert.Equal(
            [
                "person,level,exposed_at,venue,overlap_minutes,source,assumed,score,evidence,distance",
                "cccd:046090005678,1,2021-09-01T01:10:00Z,market,40,cccd:046090001234,false,0.039211,venue,",
                "phone:0912000111,1,2021-09-02T01:05:00Z,clinic,55,cccd:046090001234,true,0.027125,venue,",
                "paper:Võ Thị Em|0912000222,1,2021-09-02T02:30:00Z,stall,60,cccd:046090001234,true,0.029554,venue,",
            ],
            Contacts(linked));

        // The same person named by the other card, or by the id alone, is the same case.
        Assert.Equal(linked.Output, CliRunner.Run("trace", "--events", events, "--links", Write("links.csv", Links), "--case", "bhyt:DN4797915123456" + Window).Output);
        Assert.Equal(linked.Output, CliRunner.Run("trace", "--events", events, "--links", Write("links.csv", Links), "--case", "DN4797915123456" + Window).Output);
    }

    [Fact]
    public void Trace_ByCommune_CountsContactsWhereTheyWereExposed()
    {
        var result = CliRunner.Run("trace", "--events", Write("events.csv", Events), "--links", Write("links.csv", Links), "--venues", Write("venues.csv", Venues),
            "--by-commune", "--case", "046090001234" + Window);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(
            [
                "commune_code,commune,venues,contacts,f1,f2",
                "00001,Phường Phúc Xá,1,1,1,0",
                "00004,Phường Trúc Bạch,1,1,1,0",
                ",(not registered),1,1,1,0",
            ],
            Contacts(result));
    }

    [Fact]
    public void Trace_VenueKinds_SetTheDefaultLength()
    {
        // The insurance-card check-in at the clinic never checks out: a hospital visit lasts 2 h, an unknown venue 1 h.
        const string Late = """
            id_kind,id,venue,event,at
            bhyt,DN4797915123456,clinic,in,2021-09-02T08:00:00Z
            phone,0912000111,clinic,in,2021-09-02T09:30:00Z
            phone,0912000111,clinic,out,2021-09-02T11:00:00Z
            """;
        var events = Write("late.csv", Late);
        var unknown = CliRunner.Run("trace", "--events", events, "--case", "bhyt:DN4797915123456" + Window);
        Assert.Equal(["person,level,exposed_at,venue,overlap_minutes,source,assumed,score,evidence,distance"], Contacts(unknown));
        var hospital = CliRunner.Run("trace", "--events", events, "--venues", Write("venues.csv", Venues), "--case", "bhyt:DN4797915123456" + Window);
        // A hospital weighs 1.2 and the tail counts half: 1 − e^(−0.001 × 1.2 × 15).
        Assert.Equal("phone:0912000111,1,2021-09-02T09:30:00Z,clinic,30,bhyt:DN4797915123456,true,0.017839,venue,", Contacts(hospital)[1]);
    }

    [Fact]
    public void Trace_IdOfTwoPeopleUnderDifferentKinds_AskedForTheKind()
    {
        const string Clash = """
            id_kind,id,venue,event,at
            cccd,123456789,market,in,2021-09-01T01:00:00Z
            phone,0123456789,market,in,2021-09-01T01:00:00Z
            passport,123456789,market,in,2021-09-01T01:00:00Z
            """;
        var result = CliRunner.Run("trace", "--events", Write("clash.csv", Clash), "--case", "123456789" + Window);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("give id_kind:id", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789", result.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("trace", "--events", Write("clash.csv", Clash), "--case", "passport:123456789" + Window).ExitCode);
    }

    [Fact]
    public void Trace_BadRows_ReportedByLineNeverByContent_RestTraced()
    {
        var events = Write("events.csv", Events + "\nemail,an@example.vn,market,in,2021-09-01T08:00:00Z,app");
        var links = Write("links.csv", Links + "\ncccd,046090005678,fax,0912000111");
        var result = CliRunner.Run("trace", "--events", events, "--links", links, "--venues", Write("venues.csv", Venues + "\nstall,circus,,"), "--case", "cccd:046090001234" + Window);
        Assert.Equal(ExitCodes.Partial, result.ExitCode);
        Assert.Contains("LinkCsv.IdKind  links.csv:", result.Error, StringComparison.Ordinal);
        Assert.Contains("EventCsv.IdKind  events.csv:", result.Error, StringComparison.Ordinal);
        Assert.Contains("VenueCsv.Kind  venues.csv:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("an@example.vn", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("046090005678", result.Error, StringComparison.Ordinal);
        Assert.Equal(4, Contacts(result).Length);

        var strict = CliRunner.Run("trace", "--events", events, "--links", links, "--strict", "--case", "cccd:046090001234" + Window);
        Assert.Equal(ExitCodes.Invalid, strict.ExitCode);
        Assert.StartsWith("LinkCsv.IdKind", strict.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--links")]
    [InlineData("--visits")]
    [InlineData("--by-commune")]
    public void Trace_OptionsThatDoNotGoTogether_Usage(string option)
    {
        var events = Write("events.csv", Events);
        string[] args = option switch
        {
            "--links" => ["trace", "--visits", events, "--links", Write("links.csv", Links), "--case", "x" + Window],
            "--visits" => ["trace", "--visits", events, "--events", events, "--case", "x" + Window],
            _ => ["trace", "--events", events, "--by-commune", "--case", "x" + Window],
        };
        var result = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("Cli.Usage", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_CaseWithoutVisits_Warned()
    {
        var result = CliRunner.Run("trace", "--events", Write("events.csv", Events), "--case", "phone:0999999999" + Window);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Trace.UnknownCase", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("0999999999", result.Error, StringComparison.Ordinal);
    }
}
