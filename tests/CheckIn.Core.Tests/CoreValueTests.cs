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

public sealed class CoreValueTests
{
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
