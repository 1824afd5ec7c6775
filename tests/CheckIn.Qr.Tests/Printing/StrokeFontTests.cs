using System.Globalization;
using System.Text;
using CheckIn.Qr.Printing;

namespace CheckIn.Qr.Tests.Printing;

public sealed class StrokeFontTests
{
    /// <summary>Every letter of Vietnamese: 12 vowels × 6 tones (both cases) plus đ, Đ and the consonants.</summary>
    public static IEnumerable<string> VietnameseLetters()
    {
        string[] vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
        string[] tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        foreach (var vowel in vowels)
        {
            foreach (var tone in tones)
            {
                var letter = (vowel + tone).Normalize(NormalizationForm.FormC);
                yield return letter;
                yield return letter.ToUpperInvariant();
            }
        }

        foreach (var c in "bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX")
        {
            yield return c.ToString();
        }
    }

    [Fact]
    public void Covers_EveryVietnameseLetter_AndDrawsItsMarks()
    {
        var letters = VietnameseLetters().ToList();
        Assert.Equal((12 * 6 * 2) + 34, letters.Count);
        foreach (var letter in letters)
        {
            Assert.True(StrokeFont.Covers(letter), letter);
            var (strokes, width) = StrokeFont.Layout(letter, 1.1);
            Assert.NotEmpty(strokes);
            Assert.True(width >= 0);
            // A letter with marks has more strokes than its base letter.
            var baseLetter = new string([.. letter.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
            // (An i under a mark above drops its dot, so it only trades the dot for the mark.)
            if (baseLetter != letter && letter is not "đ" and not "Đ" && !(baseLetter == "i" && !letter.Normalize(NormalizationForm.FormD).Contains('\u0323', StringComparison.Ordinal)))
            {
                Assert.True(StrokeFont.Layout(letter, 1.1).Strokes.Count > StrokeFont.Layout(baseLetter, 1.1).Strokes.Count, letter);
            }
        }
    }

    [Fact]
    public void Layout_IWithToneMark_LosesItsDot()
    {
        // "i" is a stem and a dot; "í" is a dotless stem and an acute.
        Assert.Equal(2, StrokeFont.Layout("i", 1.1).Strokes.Count);
        Assert.Equal(2, StrokeFont.Layout("í", 1.1).Strokes.Count);
        Assert.Equal(3, StrokeFont.Layout("ị", 1.1).Strokes.Count); // the dot below keeps the tittle
    }

    [Fact]
    public void Measure_WiderForLongerTextAndHeavierStrokes()
    {
        Assert.True(StrokeFont.Measure("Phường Phú Hội", 1.1) > StrokeFont.Measure("Phú Hội", 1.1));
        Assert.True(StrokeFont.Measure("Phú Hội", 1.7) > StrokeFont.Measure("Phú Hội", 1.1));
        Assert.Equal(0, StrokeFont.Measure(string.Empty, 1.1));
    }

    [Fact]
    public void Covers_Ideographs_False() => Assert.False(StrokeFont.Covers("老街"));
}
