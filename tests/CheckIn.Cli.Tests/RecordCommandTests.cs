namespace CheckIn.Cli.Tests;

public sealed class RecordCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-record-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_directory.FullName, "events.csv");
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    [Fact]
    public void Record_EventsToVisits_CheckOutsPairedAcrossLines()
    {
        var result = CliRunner.Run("record", "--events", Write("""
            id_kind,id,venue,event,at,channel
            cccd,001090123456,V1,in,2021-09-01T08:00:00+07:00,staff
            bhyt,HS4010120878811,V1,in,2021-09-01T01:10:00Z,staff
            cccd,001090123456,V1,out,2021-09-01T02:00:00Z,
            cmnd,012345678,V2,in,2021-09-01T03:00:00Z,app
            """));
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = result.Output.Trim().Split('\n');
        Assert.Equal("person,venue,check_in,check_out,closure", lines[0]);
        Assert.Contains("cccd:001090123456,V1,2021-09-01T01:00:00Z,2021-09-01T02:00:00Z,CheckedOut", lines);
        Assert.Contains(lines, l => l.StartsWith("bhyt:HS4010120878811,V1,2021-09-01T01:10:00Z,", StringComparison.Ordinal) && l.EndsWith(",DefaultLength", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cmnd:012345678,V2,", StringComparison.Ordinal));
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Record_VenueKinds_SetDefaultLengths_OutputTracesAsVisits()
    {
        var venues = Path.Combine(_directory.FullName, "venues.csv");
        File.WriteAllText(venues, "venue,kind\nschool,school\nbad,circus\n");
        var events = Write("""
            id_kind,id,venue,event,at
            cccd,001090123456,school,in,2021-09-01T01:00:00Z
            cccd,001090654321,stall,in,2021-09-01T01:00:00Z
            cccd,001090777777,school,in,2021-09-01T02:00:00Z
            cccd,001090777777,school,out,2021-09-01T03:00:00Z
            """);
        var result = CliRunner.Run("record", "--events", events, "--venues", venues);
        Assert.Equal(ExitCodes.Partial, result.ExitCode);
        Assert.Contains("VenueCsv.Kind  venues.csv:", result.Error, StringComparison.Ordinal);
        var lines = result.Output.Trim().Split('\n');
        Assert.Contains("cccd:001090123456,school,2021-09-01T01:00:00Z,2021-09-01T06:00:00Z,DefaultLength", lines);
        Assert.Contains("cccd:001090654321,stall,2021-09-01T01:00:00Z,2021-09-01T02:00:00Z,DefaultLength", lines);

        // What record prints is a visits file trace reads, closures included.
        var visits = Path.Combine(_directory.FullName, "visits.csv");
        File.WriteAllText(visits, result.Output);
        var traced = CliRunner.Run("trace", "--visits", visits, "--case", "cccd:001090123456@2021-09-01T00:00:00Z/2021-09-02T00:00:00Z");
        Assert.Equal(ExitCodes.Success, traced.ExitCode);
        // The school visit never checked out: its contact's overlap lies in an assumed tail, which trace reads from the closure.
        // Its score counts half the tail's 60 minutes (docs/tracing-risk.md): 1 − e^(−0.001 × 30).
        Assert.Equal(["person,level,exposed_at,venue,overlap_minutes,source,assumed,score,evidence,distance", "cccd:001090777777,1,2021-09-01T02:00:00Z,school,60,cccd:001090123456,true,0.029554,venue,"],
            traced.Output.Trim().Split('\n'));
        Assert.Equal(ExitCodes.Invalid, CliRunner.Run("record", "--events", events, "--venues", venues, "--strict").ExitCode);
    }

    [Fact]
    public void Record_BadRows_ReportedMaskedRestRecordedExitPartial()
    {
        var result = CliRunner.Run("record", "--events", Write("""
            id_kind,id,venue,event,at
            cccd,079301000456,V1,enter,2021-09-01T01:00:00Z
            cccd,079301000456,V1,in,2021-09-01T01:00:00Z
            """));
        Assert.Equal(ExitCodes.Partial, result.ExitCode);
        Assert.StartsWith("EventCsv.Event  events.csv:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("079301000456", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.Output.Trim().Split('\n').Length);
        Assert.Equal(ExitCodes.Invalid, CliRunner.Run("record", "--events", Write("id_kind,id,venue,event,at\ncccd,1,V,enter,2021-09-01T01:00:00Z"), "--strict").ExitCode);
    }
}
