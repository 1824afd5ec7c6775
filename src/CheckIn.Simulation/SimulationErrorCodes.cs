using CheckIn.Core;

namespace CheckIn.Simulation;

/// <summary>
/// The stable error codes of CheckIn.Simulation: binary simulation files. Codes never change meaning once
/// published; tests and callers compare codes, never message text.
/// </summary>
public static class SimulationErrorCodes
{
    /// <summary>Codes of binary simulation files.</summary>
    public static class SimulationFile
    {
        /// <summary>The header is missing, of another format or version, or holds impossible counts or dates.</summary>
        public const string Header = "SimulationFile.Header";

        /// <summary>The file ends inside a visit record.</summary>
        public const string Truncated = "SimulationFile.Truncated";

        /// <summary>A visit record holds values out of range for the header (position: the record's byte offset).</summary>
        public const string Record = "SimulationFile.Record";
    }

    /// <summary>The messages of these codes, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(SimulationEnglishMessages.Table, SimulationVietnameseMessages.Table);

    /// <summary>Every code defined here, for tools and tests.</summary>
    /// <returns>The codes, sorted.</returns>
    public static IReadOnlyList<string> All() => [.. SimulationEnglishMessages.Table.Keys.Order(StringComparer.Ordinal)];
}
