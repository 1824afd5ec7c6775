using CheckIn.Core;

namespace CheckIn.Hosting;

/// <summary>
/// The stable error codes of CheckIn.Hosting: index snapshots refused, requests that conflict, options out of range.
/// Codes never change meaning once published; callers compare codes, never message text.
/// </summary>
public static class HostingErrorCodes
{
    /// <summary>Codes of an index snapshot file that cannot be used (the store then rebuilds from its log).</summary>
    public static class Snapshot
    {
        /// <summary>The file is not a CheckIn index snapshot.</summary>
        public const string Magic = "Snapshot.Magic";

        /// <summary>The snapshot was written by another format version.</summary>
        public const string Version = "Snapshot.Version";

        /// <summary>The file ends before its content does.</summary>
        public const string Truncated = "Snapshot.Truncated";

        /// <summary>The content does not match its checksum.</summary>
        public const string Checksum = "Snapshot.Checksum";

        /// <summary>The content is well formed but inconsistent (a visit that does not fit the index, a registry out of order).</summary>
        public const string Content = "Snapshot.Content";

        /// <summary>The snapshot covers more of the log than the log holds (the log was replaced or rolled back).</summary>
        public const string AheadOfLog = "Snapshot.AheadOfLog";
    }

    /// <summary>Codes of a recording request refused.</summary>
    public static class Record
    {
        /// <summary>The client request id was used before for a different request.</summary>
        public const string RequestIdReused = "Record.RequestIdReused";

        /// <summary>The client request id is empty or longer than 128 characters.</summary>
        public const string RequestId = "Record.RequestId";
    }

    /// <summary>Codes of <see cref="CheckInHostingOptions"/> out of range (the property names the option).</summary>
    public static class Options
    {
        /// <summary>The data directory is empty.</summary>
        public const string DataDirectory = "CheckInHostingOptions.DataDirectory";

        /// <summary>The horizon is 0 to 7 days.</summary>
        public const string Horizon = "CheckInHostingOptions.Horizon";

        /// <summary>The retention is 1 to 365 days.</summary>
        public const string Retention = "CheckInHostingOptions.Retention";

        /// <summary>The snapshot interval is 1 minute to 1 day.</summary>
        public const string SnapshotInterval = "CheckInHostingOptions.SnapshotInterval";

        /// <summary>The maintenance interval is 1 second to 1 hour.</summary>
        public const string MaintenanceInterval = "CheckInHostingOptions.MaintenanceInterval";

        /// <summary>The pseudonymization key is not base64 of at least 32 bytes.</summary>
        public const string PseudonymKey = "CheckInHostingOptions.PseudonymKey";
    }

    /// <summary>The messages of these codes, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(HostingEnglishMessages.Table, HostingVietnameseMessages.Table);

    /// <summary>Every code defined here, for tools and tests.</summary>
    /// <returns>The codes, sorted.</returns>
    public static IReadOnlyList<string> All() => [.. HostingEnglishMessages.Table.Keys.Order(StringComparer.Ordinal)];
}

/// <summary>Makes <see cref="CheckInError"/> values with the messages of <see cref="HostingErrorCodes"/>.</summary>
internal static class HostingErrors
{
    public static CheckInError Of(string code) => new(code, HostingErrorCodes.Messages);

    public static Result<T> Fail<T>(string code) => Result.Fail<T>(Of(code));
}
