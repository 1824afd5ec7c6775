using System.Globalization;
using System.Numerics;

namespace CheckIn.Testing;

/// <summary>
/// The other valid spelling of an ECDSA P-256 signature: (r, s) and (r, n − s) both verify. Computed here, apart from
/// the library, so tests of the low-S rule do not trust the code they test.
/// </summary>
internal static class EcdsaTwin
{
    /// <summary>P-256's group order n (FIPS 186-4, D.1.2.3).</summary>
    public static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>True when s ≤ n/2 in an <c>r ‖ s</c> signature of 64 bytes.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> signature) => S(signature) <= Order / 2;

    /// <summary>Rewrites an <c>r ‖ s</c> signature of 64 bytes as its twin (s → n − s), in place.</summary>
    public static void Flip(Span<byte> signature)
    {
        var twin = (Order - S(signature)).ToByteArray(isUnsigned: true, isBigEndian: true);
        signature[32..64].Clear();
        twin.CopyTo(signature[(64 - twin.Length)..]);
    }

    private static BigInteger S(ReadOnlySpan<byte> signature) => new(signature[32..64], isUnsigned: true, isBigEndian: true);
}
