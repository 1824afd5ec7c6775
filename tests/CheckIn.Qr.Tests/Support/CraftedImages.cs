using CheckIn.Qr.Imaging;

namespace CheckIn.Qr.Tests.Support;

/// <summary>
/// 12-megapixel images made to make a QR reader work hard: grids of thousands of finder-like squares, a fine
/// checkerboard, noise. Shared by the tests that bound the reader's work and the benchmark that measures it.
/// </summary>
internal static class CraftedImages
{
    public const int Width = 4000;
    public const int Height = 3000;

    /// <summary>Finder patterns (7 × 7 modules, 1:1:3:1:1 every way) of <paramref name="module"/> pixels, one per cell, jittered.</summary>
    public static LuminanceImage FinderGrid(int module, int spacing, int seed)
    {
        var image = LuminanceImage.White(Width, Height);
        var random = new Random(seed);
        for (var top = 4; top + (7 * module) + spacing < Height; top += spacing)
        {
            for (var left = 4; left + (7 * module) + spacing < Width; left += spacing)
            {
                var (jx, jy) = (random.Next(Math.Max(1, spacing - (7 * module))), random.Next(Math.Max(1, spacing - (7 * module))));
                for (var my = 0; my < 7; my++)
                {
                    for (var mx = 0; mx < 7; mx++)
                    {
                        if (Math.Max(Math.Abs(mx - 3), Math.Abs(my - 3)) == 2)
                        {
                            continue;
                        }

                        for (var y = 0; y < module; y++)
                        {
                            image.Pixels.AsSpan(((top + jy + (my * module) + y) * Width) + left + jx + (mx * module), module).Clear();
                        }
                    }
                }
            }
        }

        return image;
    }

    public static LuminanceImage Checkerboard(int cell)
    {
        var image = LuminanceImage.White(Width, Height);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (((x / cell) + (y / cell)) % 2 == 0)
                {
                    image.Pixels[(y * Width) + x] = 0;
                }
            }
        }

        return image;
    }

    public static LuminanceImage Noise(int seed)
    {
        var image = new LuminanceImage(Width, Height, new byte[Width * Height]);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }
}
