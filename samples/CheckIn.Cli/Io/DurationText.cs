using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace CheckIn.Cli.Io;

/// <summary>Durations as people type them: <c>15m</c>, <c>0m</c>, <c>1h30m</c>, <c>90s</c>, <c>2d</c>.</summary>
internal static partial class DurationText
{
    public static bool TryParse(string text, out Duration duration)
    {
        duration = Duration.Zero;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        long Part(string name) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        duration = Duration.FromDays(Part("d")) + Duration.FromHours(Part("h")) + Duration.FromMinutes(Part("m")) + Duration.FromSeconds(Part("s"));
        return true;
    }

    [GeneratedRegex(@"^(?:(?<d>\d{1,4})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,7})m)?(?:(?<s>\d{1,9})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
