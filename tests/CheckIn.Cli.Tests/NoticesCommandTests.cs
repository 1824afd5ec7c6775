namespace CheckIn.Cli.Tests;

public sealed class NoticesCommandTests : IDisposable
{
    private const string Visits = """
        person,venue,check_in,check_out
        An,Chợ Đông Ba,2021-09-01T08:00:00Z,2021-09-01T09:00:00Z
        Bình,Chợ Đông Ba,2021-09-01T08:30:00Z,2021-09-01T10:00:00Z
        """;

    private const string Mine = """
        person,venue,check_in,check_out
        me,Chợ Đông Ba,2021-09-01T08:40:00Z,2021-09-01T09:30:00Z
        me,Trường Nguyễn Huệ,2021-09-01T10:00:00Z,2021-09-01T11:00:00Z
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-notices-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    private string Write(string name, string content)
    {
        File.WriteAllText(PathOf(name), content.ReplaceLineEndings("\n") + "\n");
        return PathOf(name);
    }

    private (string Package, string TrustList) Publish()
    {
        Assert.Equal(ExitCodes.Success, CliRunner.Run("payload", "keygen", "--out", PathOf("authority.pem"), "--key-id", "4").ExitCode);
        var trace = CliRunner.Run("trace", "--visits", Write("visits.csv", Visits), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z",
            "--notices-out", PathOf("notices.cknote"), "--signing-key", PathOf("authority.pem"), "--key-id", "4");
        Assert.Equal(ExitCodes.Success, trace.ExitCode);
        Assert.Contains("1 exposure notices signed into notices.cknote", trace.Error, StringComparison.Ordinal);
        return (PathOf("notices.cknote"), PathOf("authority.trust.json"));
    }

    [Fact]
    public void TraceSignsReadVerifiesMatchFinds()
    {
        var (package, trust) = Publish();
        var read = CliRunner.Run("notices", "read", package, "--trust-list", trust);
        Assert.Equal(ExitCodes.Success, read.ExitCode);
        Assert.Contains("\"venue\": \"Chợ Đông Ba\"", read.Output, StringComparison.Ordinal);
        Assert.Contains("\"keyId\": 4", read.Output, StringComparison.Ordinal);

        var match = CliRunner.Run("notices", "match", package, "--trust-list", trust, "--visits", Write("mine.csv", Mine));
        Assert.Equal(ExitCodes.Success, match.ExitCode);
        Assert.Equal("Chợ Đông Ba\t2021-09-01T08:40:00Z\t20 min", match.Output.Trim());
        Assert.Contains("1 exposures.", match.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ForgedPackage_Refused()
    {
        var (package, trust) = Publish();
        var bytes = File.ReadAllBytes(package);
        bytes[^70] ^= 1;
        File.WriteAllBytes(package, bytes);
        var read = CliRunner.Run("notices", "read", package, "--trust-list", trust, "--lang", "en");
        Assert.Equal(ExitCodes.Invalid, read.ExitCode);
        Assert.StartsWith("SignedPayload.AlteredBody", read.Output, StringComparison.Ordinal);
        var match = CliRunner.Run("notices", "match", package, "--trust-list", trust, "--visits", Write("mine.csv", Mine));
        Assert.Equal(ExitCodes.Invalid, match.ExitCode);
    }

    [Fact]
    public void Trace_NoticesOutWithoutKey_UsageNothingWritten()
    {
        var result = CliRunner.Run("trace", "--visits", Write("visits.csv", Visits), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z", "--notices-out", PathOf("n.cknote"));
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.False(File.Exists(PathOf("n.cknote")));
    }

    [Fact]
    public void Trace_NoticesOutExists_NeverOverwritten()
    {
        var (package, _) = Publish();
        var before = File.ReadAllBytes(package);
        var again = CliRunner.Run("trace", "--visits", PathOf("visits.csv"), "--case", "An@2021-08-30T00:00:00Z/2021-09-02T00:00:00Z",
            "--notices-out", package, "--signing-key", PathOf("authority.pem"));
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains("Cli.FileExists", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(package));
    }
}
