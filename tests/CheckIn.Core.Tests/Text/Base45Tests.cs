using System.Text;
using CheckIn.Core.Text;
using CsCheck;

namespace CheckIn.Core.Tests.Text;

/// <summary>Base45 against RFC 9285's examples, round trips, and every kind of bad text.</summary>
public sealed class Base45Tests
{
    [Theory]
    [InlineData("AB", "BB8")]
    [InlineData("Hello!!", "%69 VD92EX0")]
    [InlineData("base-45", "UJCLQE7W581")]
    [InlineData("ietf!", "QED8WEX0")]
    [InlineData("", "")]
    public void EncodeDecode_Rfc9285Examples(string bytes, string text)
    {
        Assert.Equal(text, Base45.Encode(Encoding.ASCII.GetBytes(bytes)));
        Assert.Equal(bytes, Encoding.ASCII.GetString(Base45.Decode(text).Value));
    }

    [Fact]
    public void EncodeDecode_AnyBytes_RoundTrip_AndEveryValidTextHasOneSpelling()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var text = Base45.Encode(bytes);
            Assert.Equal(bytes, Base45.Decode(text).Value);
            Assert.Equal((bytes.Length / 2 * 3) + (bytes.Length % 2 * 2), text.Length);
        });
        Gen.OneOf(Gen.Const('0'), Gen.Char["0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"]).Array[0, 60].Sample(chars =>
        {
            var text = new string(chars);
            if (Base45.Decode(text).TryGetValue(out var bytes))
            {
                Assert.Equal(text, Base45.Encode(bytes));
            }
        });
    }

    [Theory]
    [InlineData("QED8WEx0", "Base45.Character", 6)]
    [InlineData("QED8WE\u00C90", "Base45.Character", 6)]
    [InlineData("QED8", "Base45.Length", 3)]
    [InlineData("GGW", "Base45.Overflow", 0)]
    [InlineData("BB8::", "Base45.Overflow", 3)]
    [InlineData(":::", "Base45.Overflow", 0)]
    public void Decode_BadText_CodedErrorAtItsPosition(string text, string code, int position)
    {
        var error = Base45.Decode(text).Error;
        Assert.Equal((code, position), (error.Code, (int)error.Position));
        Assert.DoesNotContain(text, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TooLong_Refused()
    {
        Assert.Equal(CoreErrorCodes.Base45.TooLong, Base45.Decode(new string('0', Base45.MaxTextLength + 1)).Error.Code);
        Assert.True(Base45.Decode(new string('0', Base45.MaxTextLength - 1)).Success);
    }

    [Fact]
    public void Decode_MutatedValidText_DecodesToItsOnlySpellingOrSaysWhereItFails()
    {
        var random = new Random(45);
        var bytes = new byte[601];
        random.NextBytes(bytes);
        var seed = Base45.Encode(bytes);
        for (var i = 0; i < 5000; i++)
        {
            var chars = seed.ToCharArray();
            for (var m = random.Next(1, 6); m > 0; m--)
            {
                chars[random.Next(chars.Length)] = (char)random.Next(0, 200);
            }

            var text = new string(chars, 0, random.Next(chars.Length + 1));
            var result = Base45.Decode(text);
            if (result.TryGetValue(out var decoded))
            {
                Assert.Equal(text, Base45.Encode(decoded));
            }
            else
            {
                Assert.Contains(result.Error.Code, (string[])[CoreErrorCodes.Base45.Character, CoreErrorCodes.Base45.Length, CoreErrorCodes.Base45.Overflow]);
                Assert.InRange(result.Error.Position, 0, text.Length - 1);
            }
        }
    }
}
