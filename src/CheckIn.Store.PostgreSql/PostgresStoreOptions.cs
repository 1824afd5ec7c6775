using CheckIn.Core;
using NodaTime;

namespace CheckIn.Store.PostgreSql;

/// <summary>How a <see cref="PostgresVisitStore"/> lays out and uses its database.</summary>
public sealed record PostgresStoreOptions
{
    /// <summary>The defaults: schema <c>checkin</c>, partitions a week ahead, a B-tree overlap index, 5-minute commands.</summary>
    public static PostgresStoreOptions Default { get; } = new();

    /// <summary>
    /// The schema that holds the store's tables (created when missing). Several stores can share a database under
    /// different schemas. Lower-case letters, digits and underscores, starting with a letter, at most 63.
    /// </summary>
    public string Schema { get; init; } = "checkin";

    /// <summary>
    /// How many days of partitions exist ahead of today (UTC) after <see cref="PostgresVisitStore.MaintainAsync"/>: live
    /// inserts then never wait for a partition to be made. Ingest makes any other day it needs. 1 to 90; default 7.
    /// </summary>
    public int PartitionDaysAhead { get; init; } = 7;

    /// <summary>The index the overlap query uses (see <c>docs/postgresql.md</c> for the measured comparison).</summary>
    public OverlapIndex OverlapIndex { get; init; } = OverlapIndex.BTree;

    /// <summary>The bound on any one command (a hop of a trace, an ingest batch): 1 second to 1 hour; default 5 minutes.</summary>
    public Duration CommandTimeout { get; init; } = Duration.FromMinutes(5);

    /// <summary>The clock that says what "today" is for partitions made ahead.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>Every option out of range, as coded errors (empty when all are valid).</summary>
    /// <returns>The errors.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(PostgreSqlErrorCodes.Messages)
        .Check(SchemaName.IsValid(Schema), PostgreSqlErrorCodes.Options.Schema, nameof(Schema))
        .Check(PartitionDaysAhead is >= 1 and <= 90, PostgreSqlErrorCodes.Options.PartitionDaysAhead, nameof(PartitionDaysAhead))
        .Check(CommandTimeout >= Duration.FromSeconds(1) && CommandTimeout <= Duration.FromHours(1), PostgreSqlErrorCodes.Options.CommandTimeout, nameof(CommandTimeout))
        .Check(Enum.IsDefined(OverlapIndex), PostgreSqlErrorCodes.Options.OverlapIndex, nameof(OverlapIndex))
        .Check(Clock is not null, PostgreSqlErrorCodes.Options.Clock, nameof(Clock))
        .ToList();
}

/// <summary>The index that finds the visits at a venue overlapping an exposure.</summary>
public enum OverlapIndex
{
    /// <summary>
    /// A B-tree on <c>(venue, start_at)</c> with the end, person and closure included: an index-only range scan from the
    /// exposure's start less the longest visit (18 h 12 min 15 s) to its end.
    /// </summary>
    BTree = 0,

    /// <summary>A GiST index on <c>(venue, tstzrange(start_at, end_at))</c> (extension <c>btree_gist</c>): the <c>&amp;&amp;</c> operator.</summary>
    Gist = 1,
}

/// <summary>The schema names the store accepts (never quoted, so never injected).</summary>
internal static class SchemaName
{
    public static bool IsValid(string? name) =>
        name is { Length: >= 1 and <= 63 } && name[0] is >= 'a' and <= 'z' && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
