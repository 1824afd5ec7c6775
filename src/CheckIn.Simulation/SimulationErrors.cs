using CheckIn.Core;

namespace CheckIn.Simulation;

/// <summary>Makes <see cref="CheckInError"/> values with the messages of <see cref="SimulationErrorCodes"/>.</summary>
internal static class SimulationErrors
{
    public static CheckInError At(string code, long position) =>
        new(code, SimulationErrorCodes.Messages) { Position = position };
}
