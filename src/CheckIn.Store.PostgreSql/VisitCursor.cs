namespace CheckIn.Store.PostgreSql;

/// <summary>
/// Where an in-memory copy of the store stands: the database's transaction snapshot when it was last read, so the
/// next catch-up reads exactly the visits and erasures committed since, whatever order their transactions committed in.
/// Opaque; keep it with the copy (an index snapshot file, for example) to catch up after a restart.
/// </summary>
/// <param name="Snapshot">The snapshot in PostgreSQL's text form (<c>pg_snapshot</c>).</param>
public sealed record VisitCursor(string Snapshot);

/// <summary>What a load or catch-up did.</summary>
/// <param name="Visits">Visits added to the in-memory store.</param>
/// <param name="Erased">Persons erased from it.</param>
/// <param name="Cursor">Where the next catch-up goes on from.</param>
public sealed record VisitLoad(long Visits, long Erased, VisitCursor Cursor);
