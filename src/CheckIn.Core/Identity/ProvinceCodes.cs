namespace CheckIn.Core.Identity;

/// <summary>The 63 legacy province codes (GSO, before 1 July 2025), as a fast lookup for identifiers.</summary>
/// <remarks>
/// ID numbers keep these codes forever, so validators accept all 63 after the 2025 merger too. The full
/// administrative lists live in <see cref="Places.AdministrativeUnits"/>; a test checks the two agree.
/// </remarks>
internal static class ProvinceCodes
{
    // Bit i of the table is set when i is a legacy province code (0–99).
    private static ReadOnlySpan<byte> LegacyBitmap =>
    [
        0b0101_0110, 0b1101_1101, 0b0101_1010, 0b1100_1111, 0b0111_1110, 0b0111_0101, 0b0101_1011,
        0b0101_0101, 0b0101_1101, 0b1010_1101, 0b1101_1101, 0b1111_1010, 0b0000_0001,
    ];

    public static bool IsLegacyProvince(int code) =>
        (uint)code < 100 && (LegacyBitmap[code >> 3] & (1 << (code & 7))) != 0;
}
