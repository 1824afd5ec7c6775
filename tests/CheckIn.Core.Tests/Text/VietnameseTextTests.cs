using System.Text;
using CheckIn.Core.Text;

namespace CheckIn.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Văn Ánh", "Nguyen Van Anh")]
    [InlineData("Đặng Thị Hồng Đào", "Dang Thi Hong Dao")]
    [InlineData("Phường Bến Nghé, Quận 1", "Phuong Ben Nghe, Quan 1")]
    [InlineData("Trương Ưng Ơn", "Truong Ung On")]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("", "")]
    public void RemoveDiacritics_VietnameseText_FoldsToAscii(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.RemoveDiacritics(input));
    }

    [Fact]
    public void RemoveDiacritics_DecomposedInput_SameAsComposed()
    {
        const string name = "Nguyễn Thị Mỹ Hạnh";
        var nfd = name.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(name, nfd);
        Assert.Equal(VietnameseText.RemoveDiacritics(name), VietnameseText.RemoveDiacritics(nfd));
    }

    [Theory]
    [InlineData(" Nguyễn  văn   ánh ", "NGUYEN VAN ANH")]
    [InlineData("đỗ\tđức\u00A0đạt", "DO DUC DAT")]
    public void FoldName_MixedCaseAndSpacing_UpperAsciiSingleSpaced(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.FoldName(input));
    }

    [Fact]
    public void ToNfc_DecomposedInput_Composes()
    {
        var nfd = "Trần Thị B".Normalize(NormalizationForm.FormD);
        var nfc = VietnameseText.ToNfc(nfd);
        Assert.Equal("Trần Thị B", nfc);
        Assert.True(nfc.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void RemoveDiacritics_LoneSurrogate_ReplacedNotThrown()
    {
        var mangled = "Tr\uD800n";
        Assert.Equal("Tr\uFFFDn", VietnameseText.RemoveDiacritics(mangled));
    }

    [Fact]
    public void CollapseWhitespace_NoRuns_ReturnsSameInstance()
    {
        const string text = "A B C";
        Assert.Same(text, VietnameseText.CollapseWhitespace(text));
    }
}
