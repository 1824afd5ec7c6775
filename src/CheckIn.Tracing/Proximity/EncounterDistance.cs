namespace CheckIn.Tracing.Proximity;

/// <summary>
/// How close two phones were during an encounter, as a class estimated from the Bluetooth signal's attenuation (the
/// transmit power minus the received strength). Phones estimate distance poorly (a body or a pocket between them costs
/// as much as metres), so a class, not metres, is all an encounter carries. Ordered from closest to farthest.
/// </summary>
public enum EncounterDistance
{
    /// <summary>Within about 1 m (attenuation below 55 dB).</summary>
    Close = 0,

    /// <summary>About 1 to 2 m (55 to 63 dB): Bluezone's and the Ministry of Health's "close contact" distance.</summary>
    Near = 1,

    /// <summary>About 2 to 4 m (63 to 73 dB).</summary>
    Medium = 2,

    /// <summary>Beyond about 4 m (73 dB and more), still in radio range.</summary>
    Far = 3,
}

/// <summary>Distance classes from what phones measure or people write.</summary>
public static class EncounterDistances
{
    /// <summary>
    /// The class of an attenuation: below 55 dB close, below 63 near, below 73 medium, otherwise far (the bucket
    /// boundaries of the Corona-Warn-App's published exposure configuration).
    /// </summary>
    /// <param name="attenuationDecibels">Transmit power minus received signal strength, in dB.</param>
    /// <returns>The class.</returns>
    public static EncounterDistance FromAttenuation(int attenuationDecibels) => attenuationDecibels switch
    {
        < 55 => EncounterDistance.Close,
        < 63 => EncounterDistance.Near,
        < 73 => EncounterDistance.Medium,
        _ => EncounterDistance.Far,
    };

    /// <summary>The class of an estimated distance: up to 1 m close, up to 2 m near, up to 4 m medium, otherwise far.</summary>
    /// <param name="metres">The estimated distance, at least 0.</param>
    /// <returns>The class.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The distance is negative or not a number.</exception>
    public static EncounterDistance FromMetres(double metres)
    {
        if (double.IsNaN(metres) || metres < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(metres), "A distance is a number of metres, at least 0.");
        }

        return metres switch
        {
            <= 1 => EncounterDistance.Close,
            <= 2 => EncounterDistance.Near,
            <= 4 => EncounterDistance.Medium,
            _ => EncounterDistance.Far,
        };
    }

    /// <summary>Reads a class by name (<c>close</c>, <c>near</c>, <c>medium</c>, <c>far</c>, any case) or as metres (<c>1.5</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="distance">The class read.</param>
    /// <returns>True when the text is a class name or a finite number of metres, at least 0.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out EncounterDistance distance)
    {
        var trimmed = text.Trim();
        foreach (var value in Enum.GetValues<EncounterDistance>())
        {
            if (trimmed.Equals(value.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                distance = value;
                return true;
            }
        }

        if (double.TryParse(trimmed, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var metres) && double.IsFinite(metres))
        {
            distance = FromMetres(metres);
            return true;
        }

        distance = default;
        return false;
    }

    /// <summary>The class's name in lower case, as the encounters CSV writes it.</summary>
    /// <param name="distance">The class.</param>
    /// <returns>The name.</returns>
    public static string Name(EncounterDistance distance) => distance switch
    {
        EncounterDistance.Close => "close",
        EncounterDistance.Near => "near",
        EncounterDistance.Medium => "medium",
        EncounterDistance.Far => "far",
        _ => throw new ArgumentOutOfRangeException(nameof(distance)),
    };
}
