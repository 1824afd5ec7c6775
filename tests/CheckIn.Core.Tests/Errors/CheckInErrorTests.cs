namespace CheckIn.Core.Tests.Errors;

public sealed class CheckInErrorTests
{
    private static readonly CheckInError DateOfBirth =
        new CheckInError(CoreErrorCodes.CitizenCard.DateOfBirth, CoreErrorCodes.Messages) { Field = 3, Position = 25 };

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new CheckInError("", CoreErrorCodes.Messages));
        Assert.Throws<ArgumentNullException>(() => new CheckInError("X.Y", null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => DateOfBirth with { Field = -2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => DateOfBirth with { Position = -2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => DateOfBirth with { Line = -1 });
    }

    [Fact]
    public void Constructor_NoLocation_AllNone()
    {
        var error = new CheckInError(CoreErrorCodes.Payload.UnknownFormat, CoreErrorCodes.Messages);
        Assert.Equal(CheckInError.None, error.Field);
        Assert.Equal(CheckInError.None, error.Position);
        Assert.Equal(0, error.Line);
        Assert.Null(error.Property);
        Assert.Equal("The payload matches no known national QR format.", error.GetMessage(MessageLanguage.English));
        Assert.Equal("Payload.UnknownFormat", error.ToString());
    }

    [Fact]
    public void GetMessage_BothLanguages_WithLocation()
    {
        Assert.Equal("The date of birth is not a valid ddMMyyyy date (field 3, position 25).", DateOfBirth.GetMessage(MessageLanguage.English));
        Assert.Equal("Ngày sinh không phải ngày hợp lệ dạng ddMMyyyy (trường 3, vị trí 25).", DateOfBirth.GetMessage(MessageLanguage.Vietnamese));
        Assert.Equal("The date of birth is not a valid ddMMyyyy date", DateOfBirth.GetDescription(MessageLanguage.English));
        Assert.Equal("CitizenCard.DateOfBirth (field 3, position 25)", DateOfBirth.ToString());
    }

    [Fact]
    public void DescribeLocation_LineFieldPositionProperty_InOrder()
    {
        var error = DateOfBirth with { Line = 7, Property = "persons[2].phone" };
        Assert.Equal("line 7, field 3, position 25, persons[2].phone", error.DescribeLocation(MessageLanguage.English));
        Assert.Equal("dòng 7, trường 3, vị trí 25, persons[2].phone", error.DescribeLocation(MessageLanguage.Vietnamese));
    }

    [Fact]
    public void GetMessage_HostOverride_WinsThenFallsBack()
    {
        var host = new ErrorMessages(
            new Dictionary<string, string> { [CoreErrorCodes.CitizenCard.DateOfBirth] = "Check the date of birth on the card" },
            new Dictionary<string, string>());
        Assert.Equal("Check the date of birth on the card", DateOfBirth.GetDescription(MessageLanguage.English, host));
        Assert.Equal("Ngày sinh không phải ngày hợp lệ dạng ddMMyyyy", DateOfBirth.GetDescription(MessageLanguage.Vietnamese, host));
    }

    [Fact]
    public void GetMessage_UnknownCode_IsTheCode()
    {
        var error = new CheckInError("Host.Own", new ErrorMessages(new Dictionary<string, string>(), new Dictionary<string, string>()));
        Assert.Equal("Host.Own", error.GetDescription(MessageLanguage.English));
    }

    [Fact]
    public void Default_IsEmpty_AndRefusesMessages()
    {
        var error = default(CheckInError);
        Assert.True(error.IsEmpty);
        Assert.Null(error.Code);
        Assert.Equal(CheckInError.None, error.Field);
        Assert.Equal("(no error)", error.ToString());
        Assert.Throws<InvalidOperationException>(() => error.GetMessage(MessageLanguage.English));
        Assert.Throws<InvalidOperationException>(() => error.ToException());
        Assert.Throws<ArgumentException>(() => new CheckInException(error));
    }

    [Fact]
    public void Equality_CodeAndLocation_NotMessages()
    {
        var other = new CheckInError(CoreErrorCodes.CitizenCard.DateOfBirth, new ErrorMessages(new Dictionary<string, string>(), new Dictionary<string, string>())) { Field = 3, Position = 25 };
        Assert.Equal(DateOfBirth, other);
        Assert.Equal(DateOfBirth.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(DateOfBirth, DateOfBirth with { Line = 1 });
        Assert.True(DateOfBirth != (DateOfBirth with { Property = "x" }));
    }
}
