using System.Buffers.Binary;
using System.Globalization;

namespace CheckIn.Tracing.Privacy;

/// <summary>A 128-bit keyed pseudonym of a person, as produced by <see cref="PersonPseudonymizer"/>.</summary>
/// <remarks>Value equality; <see cref="ToString"/> prints 32 lower-case hex digits, which reveal nothing without the key.</remarks>
public readonly record struct PersonPseudonym
{
    /// <summary>The size of a pseudonym in bytes.</summary>
    public const int SizeInBytes = 16;

    /// <summary>Creates a pseudonym from its two 64-bit halves.</summary>
    /// <param name="high">The first 8 bytes, big-endian.</param>
    /// <param name="low">The last 8 bytes, big-endian.</param>
    public PersonPseudonym(ulong high, ulong low)
    {
        High = high;
        Low = low;
    }

    /// <summary>The first 8 bytes, big-endian.</summary>
    public ulong High { get; }

    /// <summary>The last 8 bytes, big-endian.</summary>
    public ulong Low { get; }

    /// <summary>Creates a pseudonym from exactly <see cref="SizeInBytes"/> bytes.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The pseudonym.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 16 bytes long.</exception>
    public static PersonPseudonym FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != SizeInBytes)
        {
            throw new ArgumentException($"A pseudonym is {SizeInBytes} bytes; got {bytes.Length}.", nameof(bytes));
        }

        return new PersonPseudonym(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    /// <summary>Writes the 16 bytes of the pseudonym.</summary>
    /// <param name="destination">At least 16 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 16 bytes.</exception>
    public void WriteBytes(Span<byte> destination)
    {
        if (destination.Length < SizeInBytes)
        {
            throw new ArgumentException($"The destination needs {SizeInBytes} bytes.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Low);
    }

    /// <summary>Returns the pseudonym as 32 lower-case hex digits.</summary>
    /// <returns>The hex text.</returns>
    public override string ToString() =>
        High.ToString("x16", CultureInfo.InvariantCulture) + Low.ToString("x16", CultureInfo.InvariantCulture);
}
