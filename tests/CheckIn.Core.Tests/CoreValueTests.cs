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

    [Theory]
    [InlineData(Support.Samples.TokhaiyteVenue, Support.Samples.TokhaiyteVenue)]
    [InlineData("https://example.vn/menu?table=4", "https://example.vn/menu?table=4")]
    [InlineData("079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C|04102024||||", "CitizenCard { idNumber = 079*******56, oldIdNumber = 02*****56, fullName = T*** T** B, dateOfBirth = 2001, sex = Female, address = ***")]
    [InlineData("001090123456|012345678|NGUYEN VAN A|31021990|Nam|X|15042021", "00********56|01*****78|N***** V** A|31****90|N**|X|15****21")]
    [InlineData("hello world", "h**** w****")]
    public void MaskScannedText_OnePolicyForEveryText(string text, string expectedStart) =>
        Assert.StartsWith(expectedStart, Redaction.MaskScannedText(text), StringComparison.Ordinal);

    [Fact]
    public void MaskScannedText_NeverPrintsTheIdNumberOfAPersonalCode()
    {
        foreach (var text in new[] { Support.Samples.CitizenCard2024, Support.Samples.PersonalQr, Support.Samples.HealthInsurance15, "001090123456|broken" })
        {
            var printed = Redaction.MaskScannedText(text);
            Assert.DoesNotContain("001090123456", printed, StringComparison.Ordinal);
            Assert.DoesNotContain("079301000456", printed, StringComparison.Ordinal);
            Assert.DoesNotContain("4010120878811", printed, StringComparison.Ordinal);
        }
    }
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
