namespace CheckIn.Core.Tests.Errors;

public sealed class ResultTests
{
    private static CheckInError Empty => new CheckInError(CoreErrorCodes.Payload.Empty, CoreErrorCodes.Messages) { Position = 0 };

    [Fact]
    public void Ok_ValueAndTryGetValue_NoError()
    {
        var result = Result.Ok(42);
        Assert.True(result.Success);
        Assert.False(result.IsDefault);
        Assert.Equal(42, result.Value);
        Assert.True(result.TryGetValue(out var value));
        Assert.Equal(42, value);
        Assert.False(result.TryGetError(out _));
        Assert.Throws<InvalidOperationException>(() => result.Error);
        Assert.Equal("Success", result.ToString());
    }

    [Fact]
    public void Fail_ErrorAndLazyException()
    {
        var result = Result.Fail<int>(Empty);
        Assert.False(result.Success);
        Assert.False(result.IsDefault);
        Assert.False(result.TryGetValue(out _));
        Assert.True(result.TryGetError(out var error));
        Assert.Equal("Payload.Empty", error.Code);
        var exception = Assert.Throws<CheckInException>(() => result.Value);
        Assert.Equal(result.Error, exception.Error);
        Assert.Equal("The payload is empty (position 0).", exception.Message);
        Assert.Equal("Failure Payload.Empty (position 0)", result.ToString());
    }

    [Fact]
    public void Default_IsNeitherSuccessNorFailure()
    {
        var result = default(Result<string>);
        Assert.True(result.IsDefault);
        Assert.False(result.Success);
        Assert.False(result.TryGetValue(out _));
        Assert.False(result.TryGetError(out _));
        Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Throws<InvalidOperationException>(() => result.Error);
        Assert.Throws<InvalidOperationException>(() => result.ConvertError<int>());
        Assert.Equal("Default", result.ToString());
    }

    [Fact]
    public void Fail_EmptyError_Throws() => Assert.Throws<ArgumentException>(() => Result.Fail<int>(default));

    [Fact]
    public void Map_AndConvertError()
    {
        Assert.Equal(43, Result.Ok(42).Map(x => x + 1).Value);
        var failure = Result.Fail<int>(Empty);
        Assert.Equal("Payload.Empty", failure.Map(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).Error.Code);
        Assert.Equal("Payload.Empty", failure.ConvertError<string>().Error.Code);
        Assert.Throws<InvalidOperationException>(() => Result.Ok(1).ConvertError<string>());
    }

    [Fact]
    public void Equality_ByContent()
    {
        Assert.Equal(Result.Ok("a"), Result.Ok("a"));
        Assert.NotEqual(Result.Ok("a"), Result.Fail<string>(Empty));
        Assert.True(Result.Fail<string>(Empty) == Result.Fail<string>(Empty));
        Assert.True(Result.Fail<string>(Empty) != Result.Fail<string>(Empty with { Position = 3 }));
    }
}
