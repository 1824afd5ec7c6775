namespace CheckIn.Store.PostgreSql;

/// <summary>The SQL that depends on the options: the schema's name (validated, never quoted) and the overlap index's query.</summary>
internal sealed class StoreSql(string schema, OverlapIndex overlapIndex)
{
    public string Schema { get; } = schema;

    public OverlapIndex OverlapIndex { get; } = overlapIndex;

    /// <summary>
    /// The join condition between an exposure <c>e</c> and the visits <c>c</c> at its venue that overlap it. The B-tree's
    /// form bounds the start from below by the longest visit, so the scan is a range of the index; GiST's uses the
    /// range overlap operator its index answers.
    /// </summary>
    public string OverlapCondition => OverlapIndex == OverlapIndex.Gist
        ? "c.venue = e.venue AND tstzrange(c.start_at, c.end_at) && tstzrange(e.e_start, e.e_end)"
        : $"c.venue = e.venue AND c.start_at > e.e_start - interval '{PostgresVisitStore.MaxVisitSeconds} seconds' AND c.start_at < e.e_end AND c.end_at > e.e_start";

    /// <summary>Makes the index the options name and drops the other, so the planner has exactly one choice.</summary>
    public string OverlapIndexDdl => OverlapIndex == OverlapIndex.Gist
        ? $"""
          CREATE EXTENSION IF NOT EXISTS btree_gist;
          CREATE INDEX IF NOT EXISTS visits_venue_span ON {Schema}.visits USING gist (venue, tstzrange(start_at, end_at));
          DROP INDEX IF EXISTS {Schema}.visits_venue_start;
          """
        : $"""
          CREATE INDEX IF NOT EXISTS visits_venue_start ON {Schema}.visits (venue, start_at) INCLUDE (end_at, person, closure);
          DROP INDEX IF EXISTS {Schema}.visits_venue_span;
          """;
}
