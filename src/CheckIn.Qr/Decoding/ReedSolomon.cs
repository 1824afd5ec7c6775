namespace CheckIn.Qr.Decoding;

/// <summary>
/// Reed–Solomon error correction over GF(256) with the QR field polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D) and
/// generator roots α⁰ … α^(n−1): syndromes, Berlekamp–Massey, Chien search and Forney's formula.
/// </summary>
internal static class ReedSolomon
{
    private static readonly byte[] Exp = new byte[512];
    private static readonly byte[] Log = new byte[256];

    static ReedSolomon()
    {
        var x = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = (byte)x;
            Log[x] = (byte)i;
            x <<= 1;
            if (x >= 256)
            {
                x ^= 0x11D;
            }
        }

        for (var i = 255; i < 512; i++)
        {
            Exp[i] = Exp[i - 255];
        }
    }

    public static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];

    private static byte Divide(byte a, byte b) => a == 0 ? (byte)0 : Exp[Log[a] + 255 - Log[b]];

    private static byte Power(int exponent) => Exp[((exponent % 255) + 255) % 255];

    /// <summary>Corrects a block (data then error-correction codewords) in place.</summary>
    /// <returns>The number of codewords corrected, or -1 when there are more errors than the block can correct.</returns>
    public static int Correct(Span<byte> block, int eccCount)
    {
        var n = block.Length;
        Span<byte> syndromes = stackalloc byte[eccCount];
        var clean = true;
        for (var j = 0; j < eccCount; j++)
        {
            // Evaluate the received polynomial (first codeword = highest degree) at α^j.
            byte value = 0;
            var root = Power(j);
            foreach (var c in block)
            {
                value = (byte)(Multiply(value, root) ^ c);
            }

            syndromes[j] = value;
            clean &= value == 0;
        }

        if (clean)
        {
            return 0;
        }

        // Berlekamp–Massey: the shortest error-locator polynomial Λ (Λ[0] = 1) generating the syndromes.
        Span<byte> locator = stackalloc byte[eccCount + 1];
        Span<byte> previous = stackalloc byte[eccCount + 1];
        Span<byte> temporary = stackalloc byte[eccCount + 1];
        locator[0] = 1;
        previous[0] = 1;
        var length = 0;
        var shift = 1;
        byte lastDiscrepancy = 1;
        for (var k = 0; k < eccCount; k++)
        {
            var discrepancy = syndromes[k];
            for (var i = 1; i <= length; i++)
            {
                discrepancy ^= Multiply(locator[i], syndromes[k - i]);
            }

            if (discrepancy == 0)
            {
                shift++;
                continue;
            }

            var factor = Divide(discrepancy, lastDiscrepancy);
            if (2 * length <= k)
            {
                locator.CopyTo(temporary);
                for (var i = 0; i + shift <= eccCount; i++)
                {
                    locator[i + shift] ^= Multiply(factor, previous[i]);
                }

                length = k + 1 - length;
                temporary.CopyTo(previous);
                lastDiscrepancy = discrepancy;
                shift = 1;
            }
            else
            {
                for (var i = 0; i + shift <= eccCount; i++)
                {
                    locator[i + shift] ^= Multiply(factor, previous[i]);
                }

                shift++;
            }
        }

        if (length == 0 || 2 * length > eccCount)
        {
            return -1;
        }

        // Ω(x) = S(x)·Λ(x) mod x^eccCount.
        Span<byte> evaluator = stackalloc byte[eccCount];
        for (var i = 0; i < eccCount; i++)
        {
            byte value = 0;
            for (var j = 0; j <= Math.Min(i, length); j++)
            {
                value ^= Multiply(locator[j], syndromes[i - j]);
            }

            evaluator[i] = value;
        }

        // Chien search over every codeword position; Forney's formula for each error's value.
        var found = 0;
        for (var position = 0; position < n; position++)
        {
            var degree = n - 1 - position;
            var inverse = Power(-degree);
            byte sum = 0;
            byte term = 1;
            for (var i = 0; i <= length; i++)
            {
                sum ^= Multiply(locator[i], term);
                term = Multiply(term, inverse);
            }

            if (sum != 0)
            {
                continue;
            }

            // Λ'(x) keeps the odd powers (characteristic 2).
            byte derivative = 0;
            byte omega = 0;
            term = 1;
            for (var i = 0; i < eccCount; i++)
            {
                omega ^= Multiply(evaluator[i], term);
                if (i + 1 <= length && (i + 1) % 2 == 1)
                {
                    derivative ^= Multiply(locator[i + 1], term);
                }

                term = Multiply(term, inverse);
            }

            if (derivative == 0)
            {
                return -1;
            }

            block[position] ^= Multiply(Power(degree), Divide(omega, derivative));
            found++;
        }

        if (found != length)
        {
            return -1;
        }

        // A correction that leaves a non-zero syndrome was a miscorrection.
        for (var j = 0; j < eccCount; j++)
        {
            byte value = 0;
            var root = Power(j);
            foreach (var c in block)
            {
                value = (byte)(Multiply(value, root) ^ c);
            }

            if (value != 0)
            {
                return -1;
            }
        }

        return found;
    }

    /// <summary>Computes the error-correction codewords of a data block (used by tests and the test encoder).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> data, int eccCount)
    {
        // Generator g(x) = Π (x − α^i), i = 0 … eccCount − 1, highest degree first.
        var generator = new byte[eccCount + 1];
        generator[0] = 1;
        for (var i = 0; i < eccCount; i++)
        {
            for (var j = i + 1; j >= 1; j--)
            {
                generator[j] = (byte)(generator[j] ^ Multiply(generator[j - 1], Power(i)));
            }
        }

        var remainder = new byte[eccCount];
        foreach (var d in data)
        {
            var factor = (byte)(d ^ remainder[0]);
            Array.Copy(remainder, 1, remainder, 0, eccCount - 1);
            remainder[eccCount - 1] = 0;
            for (var j = 0; j < eccCount; j++)
            {
                remainder[j] ^= Multiply(generator[j + 1], factor);
            }
        }

        return remainder;
    }
}
