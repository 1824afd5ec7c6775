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
    [InlineData("079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C|04102024||||", "CitizenCard { idNumber = **********56, oldIdNumber = *******56, fullName = T*** T** B, dateOfBirth = 2001, sex = Female, address = ***")]
    [InlineData("001090123456|012345678|NGUYEN VAN A|31021990|Nam|X|15042021", "**********56|*******78|N***** V** A|********|N**|X|********")]
    [InlineData("hello world", "h**** w****")]
    [InlineData("x|001090123456|NGUYEN VAN A|1990-01-01|QID8F3K2M9X", "x|**********56|N***** V** A|**********|*********9X")]
    public void MaskScannedText_OnePolicyForEveryText(string text, string expectedStart) =>
        Assert.StartsWith(expectedStart, Redaction.MaskScannedText(text), StringComparison.Ordinal);

    [Fact]
    public void PolicyMasks_DocumentNumberPhoneEmail()
    {
        Assert.Equal("**********56", Redaction.MaskDocumentNumber("079301000456"));
        Assert.Equal("091*****78", Redaction.MaskPhone("0912345678"));
        Assert.Equal("***@example.vn", Redaction.MaskEmail("an.nguyen@example.vn"));
        Assert.Equal("***", Redaction.MaskEmail("not an address"));
    }

    /// <summary>
    /// Regression: a masked CCCD kept its first three digits, and the birth year and sex printed beside it gave digits
    /// four to six: 10,000 candidates were left. Counted here over every masked output of a card: at least 100,000.
    /// </summary>
    [Theory]
    [InlineData("079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C|04102024||||")]
    [InlineData("001090123456|012345678|NGUYEN VAN A|31021990|Nam|X|15042021")]
    [InlineData("001090123456|broken")]
    public void MaskedOutput_WithBirthYearAndSex_LeavesAtLeast100000Candidates(string text)
    {
        var printed = Redaction.MaskScannedText(text);
        var number = text[..12];
        var masked = System.Text.RegularExpressions.Regex.Match(printed, @"[0-9*]{12}").Value;
        Assert.Equal(12, masked.Length);

        // What an observer knows: the shown digits, and (printed or not) the birth year and sex, so digits 4–6.
        var known = masked.ToCharArray();
        for (var i = 3; i < 6; i++)
        {
            known[i] = number[i];
        }

        // The province (digits 1–3) is one of 63 codes when hidden; every other hidden digit is free.
        var provinceHidden = known[..3].Any(c => c == '*');
        var freeDigits = known[6..].Count(c => c == '*');
        var candidates = (provinceHidden ? 63L : 1L) * (long)Math.Pow(10, freeDigits);
        Assert.True(candidates >= 100_000, $"{printed}: {candidates:N0} candidates");
    }

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
