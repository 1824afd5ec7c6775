using CheckIn.Core;

namespace CheckIn.Store.PostgreSql;

/// <summary>
/// The stable error codes of CheckIn.Store.PostgreSql. Codes never change meaning once published; callers compare
/// codes, never message text.
/// </summary>
public static class PostgreSqlErrorCodes
{
    /// <summary>Codes of <see cref="PostgresStoreOptions"/> out of range (the property names the option).</summary>
    public static class Options
    {
        /// <summary>The schema name is not 1 to 63 lower-case letters, digits and underscores starting with a letter.</summary>
        public const string Schema = "PostgresStoreOptions.Schema";

        /// <summary>Partitions are created 1 to 90 days ahead.</summary>
        public const string PartitionDaysAhead = "PostgresStoreOptions.PartitionDaysAhead";

        /// <summary>The command timeout is 1 second to 1 hour.</summary>
        public const string CommandTimeout = "PostgresStoreOptions.CommandTimeout";

        /// <summary>The overlap index is not one of <see cref="OverlapIndex"/>.</summary>
        public const string OverlapIndex = "PostgresStoreOptions.OverlapIndex";

        /// <summary>The clock is required.</summary>
        public const string Clock = "PostgresStoreOptions.Clock";
    }

    /// <summary>Codes of a sharded store's trace (<see cref="PostgresShardedStore"/>).</summary>
    public static class Shard
    {
        /// <summary>
        /// A warning: the shard holding a province did not answer, so the trace holds nothing from it
        /// (<see cref="CheckInError.Field"/> is the province's code; one warning per province).
        /// </summary>
        public const string Unreachable = "Shard.Unreachable";
    }

    /// <summary>The messages of these codes, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(PostgreSqlEnglishMessages.Table, PostgreSqlVietnameseMessages.Table);

    /// <summary>Every code defined here, for tools and tests.</summary>
    /// <returns>The codes, sorted.</returns>
    public static IReadOnlyList<string> All() => [.. PostgreSqlEnglishMessages.Table.Keys.Order(StringComparer.Ordinal)];
}
