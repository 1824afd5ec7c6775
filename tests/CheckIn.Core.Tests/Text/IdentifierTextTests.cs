using CheckIn.Core.Text;

namespace CheckIn.Core.Tests.Text;

public sealed class IdentifierTextTests
{
    /// <summary>Regression: the trace command compared keys raw, so these were four venues.</summary>
    [Theory]
    [InlineData("V1")]
    [InlineData(" V1")]
    [InlineData("V1 ")]
    [InlineData("V1\u200B")]
    [InlineData("\uFEFFV1")]
    [InlineData("Ｖ１")]
    [InlineData("V\u20601")]
    [InlineData("\tV1\r")]
    [InlineData("V1\t")]
    public void Canonicalize_SpellingsOfOneVenue_Equal(string spelling) =>
        Assert.Equal("V1", IdentifierText.Canonicalize(spelling));

    [Theory]
    [InlineData("Chợ  Đông Ba", "Chợ Đông Ba")]
    [InlineData("Cho\u031B\u0323 Đông Ba", "Chợ Đông Ba")]
    [InlineData("Quán cơm,\u00A0Lê Lợi", "Quán cơm, Lê Lợi")]
    [InlineData("an", "an")]
    [InlineData("A\tB", "A B")]
    [InlineData("A\u3000B", "A B")]
    [InlineData("\u200B\u200D", "")]
    [InlineData("", "")]
    public void Canonicalize_KeepsCaseAndVietnameseLetters(string spelling, string canonical) =>
        Assert.Equal(canonical, IdentifierText.Canonicalize(spelling));

    /// <summary>Regression: three spellings of one phone were three people.</summary>
    [Theory]
    [InlineData("0912345678")]
    [InlineData("0912 345 678")]
    [InlineData("0912.345.678")]
    [InlineData("+84912345678")]
    [InlineData("+84 912 345 678")]
    [InlineData("84912345678")]
    [InlineData("0084912345678")]
    [InlineData("０９１２３４５６７８")]
    [InlineData("01212345678")]
    public void CanonicalizePerson_SpellingsOfOnePhone_NationalForm(string spelling)
    {
        var expected = spelling == "01212345678" ? "0792345678" : "0912345678"; // 0121 became 079 in 2018
        Assert.Equal(expected, IdentifierText.CanonicalizePerson(spelling));
    }

    /// <summary>ID and insurance numbers with a phone's digits are not phones: they are not written as one.</summary>
    [Theory]
    [InlineData("079301000456")]
    [InlineData("012345678")]
    [InlineData("912345678")]
    [InlineData("2812345678")]
    [InlineData("DN4797915123456")]
    [InlineData("R0000042")]
    [InlineData("Nguyễn Văn An")]
    public void CanonicalizePerson_NotAPhone_CanonicalTextOnly(string key) =>
        Assert.Equal(IdentifierText.Canonicalize(key), IdentifierText.CanonicalizePerson(key));

    [Fact]
    public void Canonicalize_RandomText_IdempotentAndNeverThrows()
    {
        var random = new Random(3);
        char[] pool = ['a', 'Z', '0', ' ', '\t', '\u00A0', '\u200B', '\u202E', '\uFEFF', 'Ｖ', 'ữ', '\u0301', 'ﬁ', 'ſ', '\uD800', '\uDC00', '\u3000', '①', '+', ','];
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => random.Next(4) == 0 ? (char)random.Next(0x20, 0xFFFF) : pool[random.Next(pool.Length)])]);
            var once = IdentifierText.CanonicalizePerson(text);
            Assert.Equal(once, IdentifierText.CanonicalizePerson(once));
            Assert.DoesNotContain(once, c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
            Assert.Equal(once.Trim(), once);
        }
    }
}
