namespace CheckIn.Hosting;

/// <summary>The English message of every code in <see cref="HostingErrorCodes"/>.</summary>
internal static class HostingEnglishMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [HostingErrorCodes.Snapshot.Magic] = "The file is not a CheckIn index snapshot",
        [HostingErrorCodes.Snapshot.Version] = "The index snapshot has another format version",
        [HostingErrorCodes.Snapshot.Truncated] = "The index snapshot is truncated",
        [HostingErrorCodes.Snapshot.Checksum] = "The index snapshot does not match its checksum",
        [HostingErrorCodes.Snapshot.Content] = "The index snapshot's content is inconsistent",
        [HostingErrorCodes.Snapshot.AheadOfLog] = "The index snapshot covers more than the event log holds",
        [HostingErrorCodes.Record.RequestIdReused] = "The request id was used before for another request",
        [HostingErrorCodes.Record.RequestId] = "The request id is empty or longer than 128 characters",
        [HostingErrorCodes.Options.DataDirectory] = "The data directory is required",
        [HostingErrorCodes.Options.Horizon] = "The horizon is 0 to 7 days",
        [HostingErrorCodes.Options.Retention] = "The retention is 1 to 365 days",
        [HostingErrorCodes.Options.SnapshotInterval] = "The snapshot interval is 1 minute to 1 day",
        [HostingErrorCodes.Options.MaintenanceInterval] = "The maintenance interval is 1 second to 1 hour",
        [HostingErrorCodes.Options.PseudonymKey] = "The pseudonymization key must be base64 of at least 32 random bytes",
    };
}
