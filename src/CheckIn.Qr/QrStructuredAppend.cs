using CheckIn.Core;

namespace CheckIn.Qr;

/// <summary>A symbol's place in a structured append sequence (one message split over up to 16 symbols).</summary>
/// <param name="Index">The symbol's position, 0-based.</param>
/// <param name="Count">How many symbols the message has.</param>
/// <param name="Parity">The parity byte all symbols of the message share.</param>
public readonly record struct QrStructuredAppend(int Index, int Count, int Parity)
{
    /// <summary>Joins the symbols of one structured append message, in any order, into its text.</summary>
    /// <param name="codes">Every symbol of the message, each once.</param>
    /// <returns>
    /// The message, or <see cref="QrErrorCodes.Qr.StructuredAppendMismatch"/> (a symbol outside the sequence,
    /// or count and parity differing) or <see cref="QrErrorCodes.Qr.StructuredAppendIncomplete"/>. The
    /// error's field index is the position in <paramref name="codes"/> at fault, or <see cref="CheckInError.None"/>.
    /// </returns>
    public static Result<string> Join(IReadOnlyList<QrCode> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return QrErrors.Fail<string>(QrErrorCodes.Qr.StructuredAppendIncomplete, CheckInError.None, 0);
        }

        if (codes[0].StructuredAppend is not { } first)
        {
            return QrErrors.Fail<string>(QrErrorCodes.Qr.StructuredAppendMismatch, 0, 0);
        }

        var parts = new string?[first.Count];
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i].StructuredAppend is not { } part || part.Count != first.Count || part.Parity != first.Parity || part.Index >= part.Count)
            {
                return QrErrors.Fail<string>(QrErrorCodes.Qr.StructuredAppendMismatch, i, 0);
            }

            if (parts[part.Index] is not null)
            {
                return QrErrors.Fail<string>(QrErrorCodes.Qr.StructuredAppendIncomplete, i, 0);
            }

            parts[part.Index] = codes[i].Text;
        }

        return Array.IndexOf(parts, null) >= 0
            ? QrErrors.Fail<string>(QrErrorCodes.Qr.StructuredAppendIncomplete, CheckInError.None, 0)
            : Result.Ok(string.Concat(parts));
    }
}
