using CheckIn.Qr.Decoding;
using QRCoder;

namespace CheckIn.Qr.Tests.Decoding;

public sealed class MatrixDecoderTests
{
    internal static BitMatrix FromQrCoder(QRCodeData data)
    {
        // QRCoder pads its matrix with a 4-module quiet zone.
        var size = data.ModuleMatrix.Count - 8;
        var matrix = new BitMatrix(size, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                matrix[x, y] = data.ModuleMatrix[y + 4][x + 4];
            }
        }

        return matrix;
    }

    private static QRCodeGenerator.ECCLevel ToQrCoder(QrErrorCorrectionLevel level) => level switch
    {
        QrErrorCorrectionLevel.L => QRCodeGenerator.ECCLevel.L,
        QrErrorCorrectionLevel.M => QRCodeGenerator.ECCLevel.M,
        QrErrorCorrectionLevel.Q => QRCodeGenerator.ECCLevel.Q,
        _ => QRCodeGenerator.ECCLevel.H,
    };

    [Fact]
    public void Decode_EveryVersionAndLevel_FromQrCoder()
    {
        using var generator = new QRCodeGenerator();
        var failures = new List<string>();
        for (var version = 1; version <= 40; version++)
        {
            foreach (var level in Enum.GetValues<QrErrorCorrectionLevel>())
            {
                // Fill the symbol to near capacity (lower-case letters force byte mode) so every block is exercised.
                var capacity = QrVersions.DataCodewords(version, level) - 3;
                var text = string.Concat(Enumerable.Range(0, capacity).Select(i => (char)('a' + ((i * 7) + version) % 26)));
                using var data = generator.CreateQrCode(text, ToQrCoder(level), requestedVersion: version);
                var symbol = MatrixDecoder.Decode(FromQrCoder(data));
                var content = symbol is null ? null : ContentDecoder.Decode(symbol.DataCodewords, symbol.Version);
                if (symbol is null || content is null || content.Text != text || symbol.Version != version || symbol.Level != level)
                {
                    failures.Add($"{version}-{level}: {(symbol is null ? "no symbol" : content?.Text ?? "no content")}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("0123456789012345")]
    [InlineData("HTTPS://CHECKIN.EXAMPLE.VN/C/ABC")]
    [InlineData("mixed CASE 123 and ÀÉ")]
    public void Decode_Modes_FromQrCoder(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var symbol = MatrixDecoder.Decode(FromQrCoder(data))!;
        Assert.Equal(text, ContentDecoder.Decode(symbol.DataCodewords, symbol.Version)!.Text);
    }

    [Fact]
    public void Decode_DamagedModules_CorrectedAndCounted()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode("079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C|04102024||||", QRCodeGenerator.ECCLevel.H, forceUtf8: true);
        var matrix = FromQrCoder(data);
        var random = new Random(3);
        var layout = SymbolLayout.For(QrVersions.VersionForDimension(matrix.Width));
        for (var i = 0; i < 40; i++)
        {
            var (x, y) = layout.DataModules[random.Next(layout.DataModules.Length)];
            matrix[x, y] = !matrix[x, y];
        }

        var symbol = MatrixDecoder.Decode(matrix)!;
        Assert.True(symbol.CorrectedCodewords > 0);
        Assert.Contains("Trần Thị B", ContentDecoder.Decode(symbol.DataCodewords, symbol.Version)!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReedSolomon_RandomErrorsUpToHalf_Corrected()
    {
        var random = new Random(11);
        for (var round = 0; round < 500; round++)
        {
            var ecc = random.Next(2, 31);
            var data = new byte[random.Next(1, 120)];
            random.NextBytes(data);
            var block = data.Concat(ReedSolomon.Encode(data, ecc)).ToArray();
            var errors = random.Next(0, (ecc / 2) + 1);
            var damaged = (byte[])block.Clone();
            foreach (var position in Enumerable.Range(0, block.Length).OrderBy(_ => random.Next()).Take(errors))
            {
                damaged[position] ^= (byte)random.Next(1, 256);
            }

            Assert.Equal(errors, ReedSolomon.Correct(damaged, ecc));
            Assert.Equal(block, damaged);
        }
    }

    [Fact]
    public void ReedSolomon_TooManyErrors_Refused()
    {
        var data = new byte[20];
        var block = data.Concat(ReedSolomon.Encode(data, 10)).ToArray();
        for (var i = 0; i < 8; i++)
        {
            block[i * 3] ^= 0x5A;
        }

        Assert.Equal(-1, ReedSolomon.Correct(block, 10));
    }

    [Fact]
    public void TotalCodewords_KnownValues()
    {
        Assert.Equal(26, QrVersions.TotalCodewords(1));
        Assert.Equal(196, QrVersions.TotalCodewords(7));
        Assert.Equal(3706, QrVersions.TotalCodewords(40));
        Assert.Equal(124, QrVersions.DataCodewords(7, QrErrorCorrectionLevel.M));
    }
}
