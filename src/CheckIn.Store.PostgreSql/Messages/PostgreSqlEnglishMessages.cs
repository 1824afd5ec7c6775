namespace CheckIn.Store.PostgreSql;

/// <summary>The English message of every code in <see cref="PostgreSqlErrorCodes"/>.</summary>
internal static class PostgreSqlEnglishMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PostgreSqlErrorCodes.Options.Schema] = "The schema name is 1 to 63 lower-case letters, digits and underscores, starting with a letter",
        [PostgreSqlErrorCodes.Options.PartitionDaysAhead] = "Partitions are created 1 to 90 days ahead",
        [PostgreSqlErrorCodes.Options.CommandTimeout] = "The command timeout is 1 second to 1 hour",
        [PostgreSqlErrorCodes.Options.OverlapIndex] = "The overlap index is B-tree or GiST",
        [PostgreSqlErrorCodes.Shard.Unreachable] = "The shard holding this province did not answer: the trace holds nothing from it",
        [PostgreSqlErrorCodes.Options.Clock] = "The clock is required",
    };
}
