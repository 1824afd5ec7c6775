namespace CheckIn.Qr.Decoding;

/// <summary>Reads bits, most significant first, from a byte sequence.</summary>
internal ref struct BitReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly int Available => (_bytes.Length * 8) - _position;

    public int Read(int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            var bit = (_bytes[_position >> 3] >> (7 - (_position & 7))) & 1;
            value = (value << 1) | bit;
            _position++;
        }

        return value;
    }
}
