namespace CheckIn.Qr.Imaging;

/// <summary>
/// An 8-bit grayscale image: 0 is black, 255 white. Rows are <see cref="Stride"/> bytes apart, so a camera
/// frame's luminance plane can be wrapped without copying.
/// </summary>
public sealed class LuminanceImage
{
    /// <summary>Wraps pixels.</summary>
    /// <param name="width">The width in pixels (at least 1).</param>
    /// <param name="height">The height in pixels (at least 1).</param>
    /// <param name="pixels">The pixels, row after row.</param>
    /// <param name="stride">Bytes from one row to the next; at least <paramref name="width"/>. Default: the width.</param>
    /// <exception cref="ArgumentException">The buffer is too small for the size and stride.</exception>
    public LuminanceImage(int width, int height, byte[] pixels, int stride = 0)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        stride = stride == 0 ? width : stride;
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width);
        if ((long)stride * (height - 1) + width > pixels.Length)
        {
            throw new ArgumentException("The buffer is smaller than width, height and stride need.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
        Stride = stride;
    }

    /// <summary>The width in pixels.</summary>
    public int Width { get; }

    /// <summary>The height in pixels.</summary>
    public int Height { get; }

    /// <summary>The pixels, row after row, <see cref="Stride"/> bytes apart.</summary>
    public byte[] Pixels { get; }

    /// <summary>Bytes from one row to the next.</summary>
    public int Stride { get; }

    /// <summary>The pixel at (x, y).</summary>
    /// <param name="x">The column.</param>
    /// <param name="y">The row.</param>
    /// <returns>The luminance, 0 black to 255 white.</returns>
    public byte this[int x, int y] => Pixels[(y * Stride) + x];

    /// <summary>A new image of the given size, all white.</summary>
    /// <param name="width">The width.</param>
    /// <param name="height">The height.</param>
    /// <returns>The image.</returns>
    public static LuminanceImage White(int width, int height)
    {
        var image = new LuminanceImage(width, height, new byte[(long)width * height <= int.MaxValue ? width * height : throw new ArgumentOutOfRangeException(nameof(width))]);
        image.Pixels.AsSpan().Fill(255);
        return image;
    }
}
