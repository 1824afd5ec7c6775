namespace CheckIn.Simulation;

/// <summary>The English message of every code in <see cref="SimulationErrorCodes"/>.</summary>
internal static class SimulationEnglishMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SimulationErrorCodes.SimulationFile.Header] = "The file does not start with a valid CheckIn simulation header (CKSIM, version 1 or 2)",
        [SimulationErrorCodes.SimulationFile.Truncated] = "The file ends inside a visit record or before its trailer",
        [SimulationErrorCodes.SimulationFile.Checksum] = "The file's checksum or record count does not match its contents: it was altered or damaged",
        [SimulationErrorCodes.SimulationFile.Record] = "A visit record holds values out of range",
        [SimulationErrorCodes.Options.Residents] = "The residents are 10 to 20 million",
        [SimulationErrorCodes.Options.Days] = "The days are 1 to 120",
        [SimulationErrorCodes.Options.Share] = "A share is 0 to 1",
        [SimulationErrorCodes.Options.VenuesPerThousand] = "The venues per 1,000 residents are 0.1 to 100",
        [SimulationErrorCodes.Options.ProvinceCode] = "The province code is a province of the list before July 2025",
        [SimulationErrorCodes.Outbreak.IndexCases] = "The index cases are 0 or more",
        [SimulationErrorCodes.Outbreak.LatentDays] = "The latent days are 0 or more",
        [SimulationErrorCodes.Outbreak.OnsetDays] = "Symptoms begin no earlier than infectiousness",
        [SimulationErrorCodes.Outbreak.CloseContacts] = "The close contacts are 1 or more",
        [SimulationErrorCodes.Outbreak.HouseholdRiskPerDay] = "The household risk is 0 to 1 a day",
        [SimulationErrorCodes.Outbreak.RatePerMinute] = "The rate is 0 to 1 a minute",
        [SimulationErrorCodes.Rule.WindowBeforeOnset] = "The window before onset is 0 to 30 days",
        [SimulationErrorCodes.Rule.MinOverlap] = "The minimum overlap is 0 to 1 day",
        [SimulationErrorCodes.Rule.Linger] = "The linger is 0 to 1 day",
        [SimulationErrorCodes.Rule.MaxDepth] = "The depth is 0 to 32 hops",
        [SimulationErrorCodes.Identity.Model] = "The identity model is not one CheckIn knows",
        [SimulationErrorCodes.Identity.Share] = "A share is 0 to 1",
    };
}
