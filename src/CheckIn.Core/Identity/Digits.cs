namespace CheckIn.Core.Identity;

/// <summary>Reads ASCII digits (no sign, no spaces) into a number, reporting the first other character.</summary>
internal static class Digits
{
    /// <summary>Parses up to 18 digits.</summary>
    /// <returns>-1 when every character is a digit (<paramref name="value"/> holds the number), otherwise the index of the first one that is not.</returns>
    public static int Parse(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return i;
            }

            value = (value * 10) + digit;
        }

        return -1;
    }
}
