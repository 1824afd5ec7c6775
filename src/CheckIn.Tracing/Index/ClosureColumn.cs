using CheckIn.Tracing.Visits;

namespace CheckIn.Tracing.Index;

/// <summary>
/// How each row's end was decided, two bits a row (code 0 is <see cref="VisitClosure.CheckedOut"/>); a segment whose
/// visits all checked out holds no column at all.
/// </summary>
internal static class ClosureColumn
{
    public static int Code(VisitClosure closure) => closure switch
    {
        VisitClosure.CheckedOut => 0,
        VisitClosure.DefaultLength => 1,
        VisitClosure.NextCheckIn => 2,
        VisitClosure.Capped => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(closure), closure, "Unknown visit closure."),
    };

    public static VisitClosure FromCode(int code) => code switch
    {
        1 => VisitClosure.DefaultLength,
        2 => VisitClosure.NextCheckIn,
        3 => VisitClosure.Capped,
        _ => VisitClosure.CheckedOut,
    };

    /// <summary>Packs one code a byte into two bits a row; null when every code is 0.</summary>
    public static ulong[]? Pack(byte[]? codes, int count)
    {
        if (codes is null)
        {
            return null;
        }

        ulong[]? packed = null;
        for (var row = 0; row < count; row++)
        {
            if (codes[row] != 0)
            {
                packed ??= new ulong[(count + 31) / 32];
                packed[row >> 5] |= (ulong)codes[row] << ((row & 31) * 2);
            }
        }

        return packed;
    }

    public static int CodeAt(ulong[]? packed, int row) => packed is null ? 0 : (int)((packed[row >> 5] >> ((row & 31) * 2)) & 3);
}
