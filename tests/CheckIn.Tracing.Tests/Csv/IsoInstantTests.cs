using CheckIn.Tracing.Csv;
using CsCheck;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Tracing.Tests.Csv;

/// <summary>The fast instant reading accepts exactly what NodaTime's extended ISO pattern accepts, with the same value.</summary>
public sealed class IsoInstantTests
{
    [Theory]
    [InlineData("2021-09-06T08:30:00Z")]
    [InlineData("2024-02-29T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2021-09-06T08:30:00.5Z")]
    [InlineData("2021-09-06T24:00:00Z")]
    [InlineData(" 2021-09-06T08:30:00Z ")]
    public void TryParse_Valid_SameAsNodaTime(string text) =>
        Assert.Equal(InstantPattern.ExtendedIso.Parse(text.Trim()).Value, Parse(text));

    [Theory]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2021-13-01T00:00:00Z")]
    [InlineData("2021-09-06T08:60:00Z")]
    [InlineData("2021-09-06T08:30:60Z")]
    [InlineData("2021-09-06 08:30:00Z")]
    [InlineData("2021-09-06T08:30:00+07:00")]
    [InlineData("2021-09-06T08:30:00")]
    [InlineData("2021-09-0６T08:30:00Z")]
    [InlineData("")]
    public void TryParse_Invalid_Refused(string text) => Assert.False(IsoInstant.TryParse(text, out _));

    [Fact]
    public void TryParse_MutatedInstants_AgreeWithNodaTime()
    {
        // Valid instants with one or two characters replaced by digits, separators or letters.
        var valid = Gen.Long[0, 253_402_300_799L].Select(s => InstantPattern.ExtendedIso.Format(Instant.FromUnixTimeSeconds(s)));
        var mutated =
            from text in valid
            from edits in Gen.Select(Gen.Int[0, 19], Gen.OneOf(Gen.Char['0', '9'], Gen.Const('-'), Gen.Const(':'), Gen.Const('T'), Gen.Const('Z'), Gen.Const('x'))).Array[0, 2]
            select Edit(text, edits);
        mutated.Sample(text =>
        {
            var expected = InstantPattern.ExtendedIso.Parse(text);
            Assert.Equal(expected.Success, IsoInstant.TryParse(text, out var actual));
            if (expected.Success)
            {
                Assert.Equal(expected.Value, actual);
            }
        }, iter: 20_000);
    }

    private static Instant? Parse(string text) => IsoInstant.TryParse(text, out var instant) ? instant : null;

    private static string Edit(string text, (int At, char With)[] edits)
    {
        var chars = text.ToCharArray();
        foreach (var (at, with) in edits)
        {
            chars[at] = with;
        }

        return new string(chars);
    }
}
