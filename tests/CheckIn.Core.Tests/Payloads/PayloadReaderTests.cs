using CheckIn.Core.Payloads;
using CheckIn.Core.Tests.Support;
using NodaTime;
using NodaTime.Testing;

namespace CheckIn.Core.Tests.Payloads;

public sealed class PayloadReaderTests
{
    private static readonly PayloadReaderOptions Options = new() { Clock = new FakeClock(Instant.FromUtc(2026, 11, 22, 0, 0)) };

    public static TheoryData<string, PayloadKind> RealShapes => new()
    {
        { Samples.CitizenCard2021, PayloadKind.CitizenCard },
        { Samples.CitizenCard2024, PayloadKind.CitizenCard },
        { Samples.CitizenCardNoOldId, PayloadKind.CitizenCard },
        { Samples.HealthInsurance15, PayloadKind.HealthInsuranceCard },
        { Samples.HealthInsurance17, PayloadKind.HealthInsuranceCard },
        { Samples.PersonalQr, PayloadKind.PersonalQr },
        { Samples.PersonalQrMasked, PayloadKind.PersonalQr },
        { Samples.PersonalQrPassport, PayloadKind.PersonalQr },
        { Samples.TokhaiyteVenue, PayloadKind.TokhaiyteVenue },
    };

    [Theory]
    [MemberData(nameof(RealShapes))]
    public void Read_RealShapes_DetectsKind(string text, PayloadKind kind)
    {
        var payload = PayloadReader.Read(text, Options).Value;
        Assert.Equal(kind, payload.Kind);
        Assert.True(PayloadReader.TryRead(text, out var again, Options));
        Assert.Equal(payload, again);
    }

    [Theory]
    [InlineData("", "Payload.Empty")]
    [InlineData("\r\n", "Payload.Empty")]
    [InlineData("hello world", "Payload.UnknownFormat")]
    [InlineData("a|b", "Payload.UnknownFormat")]
    [InlineData("https://example.com/", "Payload.UnknownUrl")]
    [InlineData("001090123456|x\u0001|", "Payload.InvalidCharacter")]
    [InlineData("001090123456|012345678|A|01011990|Nam", "CitizenCard.FieldCount")]
    [InlineData("a|b|c|d|e|f|g|h|i|j|k|l|m|n|o", "HealthInsuranceCard.Terminator")]
    [InlineData("a|b|c|d|e|f|g|h|i|j|k|l|m|$", "HealthInsuranceCard.FieldCount")]
    [InlineData("x|NGUYEN|1990-01-01|0|Q|", "PersonalQr.DocumentNumber")]
    public void Read_Invalid_RoutedToMostLikelyFormat(string text, string code) =>
        Assert.Equal(code, PayloadReader.Read(text, Options).Error.Code);

    [Fact]
    public void Read_LoneSurrogate_InvalidCharacterAtItsPosition()
    {
        // Built at run time: a lone surrogate does not survive in attribute metadata.
        var text = "abc" + (char)0xD800 + "def";
        var error = PayloadReader.Read(text).Error;
        Assert.Equal("Payload.InvalidCharacter", error.Code);
        Assert.Equal(3, error.Position);
        Assert.Equal("Payload.InvalidCharacter", PayloadReader.Read("abc" + (char)0xDC00).Error.Code);
        Assert.Equal("Payload.InvalidCharacter", PayloadReader.Read("abc" + (char)0xD800).Error.Code);
    }

    [Fact]
    public void Read_TooLong_Refused()
    {
        var error = PayloadReader.Read(new string('1', 7090)).Error;
        Assert.Equal("Payload.TooLong", error.Code);
        Assert.Equal(7089, error.Position);
    }

    [Fact]
    public void Read_ErrorMessage_BothLanguagesWithLocation()
    {
        var error = PayloadReader.Read("001090123456|012345678|A|31021990|Nam|X|15042021", Options).Error;
        Assert.Equal("The date of birth is not a valid ddMMyyyy date (field 3, position 25).", error.GetMessage(CheckIn.Core.MessageLanguage.English));
        Assert.Equal("Ngày sinh không phải ngày hợp lệ dạng ddMMyyyy (trường 3, vị trí 25).", error.GetMessage(CheckIn.Core.MessageLanguage.Vietnamese));
        Assert.Equal("CitizenCard.DateOfBirth (field 3, position 25)", error.ToString());
    }

    [Fact]
    public void GetValueOrThrow_Failure_ThrowsWithCodeNotInput()
    {
        var result = PayloadReader.Read("079301000456|025123456|Trần Thị B|15062001|Nam|X|04102024", Options);
        var exception = Assert.Throws<CheckInException>(() => result.GetValueOrThrow());
        Assert.Equal("CitizenCard.IdSexMismatch", exception.Error.Code);
        Assert.DoesNotContain("079301000456", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần", exception.Message, StringComparison.Ordinal);
    }
}
