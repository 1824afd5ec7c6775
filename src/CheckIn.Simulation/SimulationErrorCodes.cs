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
        /// <summary>The header is missing, of another format or version (1 and 2 are read), or holds impossible counts or dates.</summary>
        public const string Header = "SimulationFile.Header";

        /// <summary>The file ends inside a visit record, or (version 2) before its trailer.</summary>
        public const string Truncated = "SimulationFile.Truncated";

        /// <summary>
        /// Version 2: the trailer's CRC-32 or record count does not match the header and records read, or bytes follow
        /// the trailer (position: the trailer's byte offset). The file was altered or damaged.
        /// </summary>
        public const string Checksum = "SimulationFile.Checksum";

        /// <summary>A visit record holds values out of range for the header (position: the record's byte offset).</summary>
        public const string Record = "SimulationFile.Record";
    }

    /// <summary>Codes of <see cref="SimulationOptions"/> out of range (the property names the option).</summary>
    public static class Options
    {
        /// <summary>The residents are 10 to 20 million.</summary>
        public const string Residents = "SimulationOptions.Residents";

        /// <summary>The days are 1 to 120.</summary>
        public const string Days = "SimulationOptions.Days";

        /// <summary>A share is 0 to 1.</summary>
        public const string Share = "SimulationOptions.Share";

        /// <summary>The venues per 1,000 residents are 0.1 to 100.</summary>
        public const string VenuesPerThousand = "SimulationOptions.VenuesPerThousand";

        /// <summary>The province code is a province of the list before July 2025.</summary>
        public const string ProvinceCode = "SimulationOptions.ProvinceCode";
    }

    /// <summary>Codes of <see cref="OutbreakOptions"/> out of range (the property names the option).</summary>
    public static class Outbreak
    {
        /// <summary>The index cases are 0 or more.</summary>
        public const string IndexCases = "OutbreakOptions.IndexCases";

        /// <summary>The latent days are 0 or more.</summary>
        public const string LatentDays = "OutbreakOptions.LatentDays";

        /// <summary>Symptoms begin no earlier than infectiousness.</summary>
        public const string OnsetDays = "OutbreakOptions.OnsetDays";

        /// <summary>The close contacts are 1 or more.</summary>
        public const string CloseContacts = "OutbreakOptions.CloseContacts";

        /// <summary>The household risk is 0 to 1 a day.</summary>
        public const string HouseholdRiskPerDay = "OutbreakOptions.HouseholdRiskPerDay";

        /// <summary>The rate is 0 to 1 a minute.</summary>
        public const string RatePerMinute = "OutbreakOptions.RatePerMinute";
    }

    /// <summary>Codes of <see cref="TracingRule"/> out of range (the property names the option).</summary>
    public static class Rule
    {
        /// <summary>The window before onset is 0 to 30 days.</summary>
        public const string WindowBeforeOnset = "TracingRule.WindowBeforeOnset";

        /// <summary>The minimum overlap is 0 to 1 day.</summary>
        public const string MinOverlap = "TracingRule.MinOverlap";

        /// <summary>The linger is 0 to 1 day.</summary>
        public const string Linger = "TracingRule.Linger";

        /// <summary>The depth is 0 to 32 hops.</summary>
        public const string MaxDepth = "TracingRule.MaxDepth";
    }

    /// <summary>Codes of <see cref="RecordingIdentity"/> out of range (the property names the setting).</summary>
    public static class Identity
    {
        /// <summary>The identity model is not defined.</summary>
        public const string Model = "RecordingIdentity.Model";

        /// <summary>A share is not 0 to 1.</summary>
        public const string Share = "RecordingIdentity.Share";
    }

    /// <summary>The messages of these codes, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(SimulationEnglishMessages.Table, SimulationVietnameseMessages.Table);

    /// <summary>Every code defined here, for tools and tests.</summary>
    /// <returns>The codes, sorted.</returns>
    public static IReadOnlyList<string> All() => [.. SimulationEnglishMessages.Table.Keys.Order(StringComparer.Ordinal)];
}
