using System.Text;
using CheckIn.Qr.Imaging;

namespace CheckIn.Qr.Tests.Imaging;

public sealed class Crc32Tests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Compute_KnownValues(string text, uint expected) => Assert.Equal(expected, Crc32.Compute(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Compute_InPieces_EqualsWhole()
    {
        var data = new byte[1000];
        new Random(3).NextBytes(data);
        for (var cut = 0; cut <= data.Length; cut += 37)
        {
            Assert.Equal(Crc32.Compute(data), Crc32.Compute(data.AsSpan(cut), Crc32.Compute(data.AsSpan(0, cut))));
        }
    }
}
