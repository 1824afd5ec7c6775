namespace CheckIn.Simulation;

/// <summary>The English message of every code in <see cref="SimulationErrorCodes"/>.</summary>
internal static class SimulationEnglishMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SimulationErrorCodes.SimulationFile.Header] = "The file does not start with a valid CheckIn simulation header (CKSIM, version 1)",
        [SimulationErrorCodes.SimulationFile.Truncated] = "The file ends inside a visit record",
        [SimulationErrorCodes.SimulationFile.Record] = "A visit record holds values out of range",
    };
}
