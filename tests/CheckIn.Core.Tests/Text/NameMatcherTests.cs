using CheckIn.Core.Text;

namespace CheckIn.Core.Tests.Text;

public sealed class NameMatcherTests
{
    [Theory]
    [InlineData("Nguyễn Thị Mỹ Hạnh", "NGUYỄN THỊ MỸ HẠNH", NameMatchKind.Exact)]
    [InlineData("  nguyễn  thị mỹ hạnh", "Nguyễn Thị Mỹ Hạnh", NameMatchKind.Exact)]
    [InlineData("Nguyen Thi My Hanh", "Nguyễn Thị Mỹ Hạnh", NameMatchKind.SameWithoutDiacritics)]
    [InlineData("Nguyễn Thị Mý Hạnh", "Nguyễn Thị Mỹ Hạnh", NameMatchKind.SameWithoutDiacritics)]
    [InlineData("Hạnh Nguyễn Thị Mỹ", "Nguyễn Thị Mỹ Hạnh", NameMatchKind.Reordered)]
    [InlineData("Nguyễn Hạnh", "Nguyễn Thị Mỹ Hạnh", NameMatchKind.MiddleNameMissing)]
    [InlineData("Nguyen Thi My Hahn", "Nguyễn Thị Mỹ Hạnh", NameMatchKind.Approximate)]
    [InlineData("Ngyuen Van An", "Nguyễn Văn An", NameMatchKind.Approximate)]
    [InlineData("Trần Văn Bình", "Nguyễn Thị Mỹ Hạnh", NameMatchKind.Different)]
    [InlineData("", "Nguyễn Thị Mỹ Hạnh", NameMatchKind.Different)]
    public void Compare_PaperLogVariants_Kind(string written, string recorded, NameMatchKind kind) =>
        Assert.Equal(kind, NameMatcher.Compare(written, recorded).Kind);

    [Fact]
    public void Compare_Scores_DecreaseWithWeakerEvidence()
    {
        const string recorded = "Nguyễn Thị Mỹ Hạnh";
        var exact = NameMatcher.Compare(recorded, recorded).Score;
        var folded = NameMatcher.Compare("Nguyen Thi My Hanh", recorded).Score;
        var missing = NameMatcher.Compare("Nguyễn Hạnh", recorded).Score;
        var different = NameMatcher.Compare("Trần Văn Bình", recorded).Score;
        Assert.True(exact > folded && folded > missing && missing > different);
        Assert.True(NameMatcher.IsLikelySamePerson("Nguyen Thi My Hanh", recorded));
        Assert.False(NameMatcher.IsLikelySamePerson("Trần Văn Bình", recorded));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("ABC", "ABC", 0)]
    [InlineData("ABC", "ACB", 1)]
    [InlineData("KITTEN", "SITTING", 3)]
    [InlineData("CA", "ABC", 3)]
    [InlineData("", "ABCD", 4)]
    public void OptimalStringAlignmentDistance_KnownPairs(string a, string b, int expected)
    {
        Assert.Equal(expected, NameMatcher.OptimalStringAlignmentDistance(a, b));
        Assert.Equal(expected, NameMatcher.OptimalStringAlignmentDistance(b, a));
    }
}
