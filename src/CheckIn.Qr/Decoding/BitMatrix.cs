namespace CheckIn.Qr.Decoding;

/// <summary>A square or rectangular grid of dark (true) and light (false) cells.</summary>
internal sealed class BitMatrix
{
    private readonly bool[] _bits;

    public BitMatrix(int width, int height)
    {
        Width = width;
        Height = height;
        _bits = new bool[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public bool this[int x, int y]
    {
        get => _bits[(y * Width) + x];
        set => _bits[(y * Width) + x] = value;
    }

    public void SetRegion(int left, int top, int width, int height)
    {
        for (var y = top; y < top + height; y++)
        {
            for (var x = left; x < left + width; x++)
            {
                this[x, y] = true;
            }
        }
    }

    /// <summary>A copy with every cell flipped (light-on-dark codes read as dark-on-light).</summary>
    public BitMatrix Inverted()
    {
        var result = new BitMatrix(Width, Height);
        for (var i = 0; i < _bits.Length; i++)
        {
            result._bits[i] = !_bits[i];
        }

        return result;
    }

    /// <summary>The matrix mirrored over its main diagonal (how a mirrored code looks once oriented).</summary>
    public BitMatrix Transposed()
    {
        var result = new BitMatrix(Height, Width);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                result[y, x] = this[x, y];
            }
        }

        return result;
    }
}
