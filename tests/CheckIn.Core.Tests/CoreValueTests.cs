using CheckIn.Core.Payloads;

namespace CheckIn.Core.Tests;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("079301000456", 3, 2, "079*******56")]
    [InlineData("0912345678", 3, 3, "091****678")]
    [InlineData("ABC", 2, 2, "***")]
    [InlineData("", 2, 2, "")]
    [InlineData("ABCDEF", 0, 0, "******")]
    public void Mask_KeepsEdges(string value, int start, int end, string expected) =>
        Assert.Equal(expected, Redaction.Mask(value, start, end));

    [Theory]
    [InlineData("NGUYEN VAN AN", "N***** V** A*")]
    [InlineData("Trần  Thị", "T***  T**")]
    [InlineData("", "")]
    public void MaskName_KeepsInitials(string name, string expected) => Assert.Equal(expected, Redaction.MaskName(name));
}

public sealed class ParseResultTests
{
    [Fact]
    public void Success_ValueAndTryGetValue()
    {
        var result = ParseResult.Ok(42);
        Assert.True(result.Success);
        Assert.Equal(42, result.Value);
        Assert.True(result.TryGetValue(out var value));
        Assert.Equal(42, value);
        Assert.Throws<InvalidOperationException>(() => result.Error);
        Assert.Equal("Success", result.ToString());
    }

    [Fact]
    public void Failure_ErrorAndLazyException()
    {
        var result = ParseResult.Fail<int>(ParseErrorCodes.Payload.Empty, ParseError.WholeInput, 0);
        Assert.False(result.Success);
        Assert.False(result.TryGetValue(out _));
        Assert.Equal("Payload.Empty", result.Error.Code);
        var exception = Assert.Throws<CheckInFormatException>(() => result.Value);
        Assert.Equal(result.Error, exception.Error);
        Assert.Equal("The payload is empty (position 0).", exception.Message);
    }

    [Fact]
    public void Map_AndConvertError()
    {
        Assert.Equal(43, ParseResult.Ok(42).Map(x => x + 1).Value);
        var failure = ParseResult.Fail<int>(ParseErrorCodes.Payload.Empty, ParseError.WholeInput, 0);
        Assert.Equal("Payload.Empty", failure.Map(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).Error.Code);
        Assert.Equal("Payload.Empty", failure.ConvertError<string>().Error.Code);
        Assert.Throws<InvalidOperationException>(() => ParseResult.Ok(1).ConvertError<string>());
    }

    [Fact]
    public void Equality_ByContent()
    {
        Assert.Equal(ParseResult.Ok("a"), ParseResult.Ok("a"));
        Assert.NotEqual(ParseResult.Ok("a"), ParseResult.Fail<string>("Payload.Empty", -1, 0));
        Assert.True(ParseResult.Fail<string>("Payload.Empty", -1, 0) == ParseResult.Fail<string>("Payload.Empty", -1, 0));
    }

    [Fact]
    public void ParseError_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new ParseError("", 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParseError("X.Y", -2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParseError("X.Y", 0, -1));
    }

    [Fact]
    public void EquatableArray_ValueEquality()
    {
        var a = new EquatableArray<string>(["x", "y"]);
        var b = new EquatableArray<string>(["x", "y"]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new EquatableArray<string>(["x"]));
        Assert.Equal(default(EquatableArray<string>), new EquatableArray<string>([]));
        Assert.Equal("[2 items]", a.ToString());
    }

    [Fact]
    public void PayloadQuirks_AreDistinctFlags()
    {
        var values = Enum.GetValues<PayloadQuirks>().Where(v => v != PayloadQuirks.None).Select(v => (int)v).ToList();
        Assert.All(values, v => Assert.True((v & (v - 1)) == 0));
        Assert.Equal(values.Count, values.Distinct().Count());
    }
}
