namespace CheckIn.Cli.Tests;

public sealed class DeclarationCommandTests : IDisposable
{
    private const string Valid = """
        {
          "kind": "paper-log",
          "venueId": "venue-00001",
          "fullName": "Lê Văn Cường",
          "documentNumber": "046205123456",
          "checkIn": "2021-09-01T01:00:00Z",
          "checkOut": "2021-09-01T01:30:00Z",
          "writtenBy": "Nguyễn Thị Lan"
        }
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("checkin-declaration-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_directory.FullName, "document.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Validate_ValidDocument_ExitsZero()
    {
        var result = CliRunner.Run("declaration", "validate", Write(Valid));
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("valid paper-log", result.Output.Trim());
    }

    [Theory]
    [InlineData("en", "Time.EndBeforeStart  checkOut  The end must be after the start")]
    [InlineData("vi", "Time.EndBeforeStart  checkOut  Thời điểm kết thúc phải sau thời điểm bắt đầu")]
    public void Validate_Invalid_PrintsCodePropertyMessageExitsOne(string language, string line)
    {
        var result = CliRunner.Run("declaration", "validate", Write(Valid.Replace("01:30:00Z", "00:30:00Z", StringComparison.Ordinal)), "--lang", language);
        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        Assert.Equal(line, result.Output.Trim());
    }

    [Fact]
    public void Validate_NoKindAnywhere_CodedError()
    {
        var result = CliRunner.Run("declaration", "validate", Write(Valid.Replace("\"kind\": \"paper-log\",", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        Assert.StartsWith("Json.KindMissing  kind", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KindOption_DecidesWhenDocumentHasNone()
    {
        var result = CliRunner.Run("declaration", "validate", Write(Valid.Replace("\"kind\": \"paper-log\",", string.Empty, StringComparison.Ordinal)), "--kind", "paper-log");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Fact]
    public void Validate_KindOptionContradictsDocument_CodedError()
    {
        var result = CliRunner.Run("declaration", "validate", Write(Valid), "--kind", "entry");
        Assert.StartsWith("Json.KindMismatch", result.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
    }

    [Fact]
    public void Validate_MalformedJson_CodedErrorWithLocation()
    {
        var result = CliRunner.Run("declaration", "validate", Write("{\"kind\": "), "--lang", "en");
        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        Assert.StartsWith("Json.Malformed  line 1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_UsageError()
    {
        var result = CliRunner.Run("declaration", "validate", Path.Combine(_directory.FullName, "none.json"));
        Assert.Equal((ExitCodes.Usage, "Cli.FileMissing  none.json: no such file."), (result.ExitCode, result.Error.TrimEnd()));
    }

    [Fact]
    public void Validate_UnknownKindOption_UsageError() =>
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("declaration", "validate", Write(Valid), "--kind", "passport").ExitCode);
}
