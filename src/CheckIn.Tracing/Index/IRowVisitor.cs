namespace CheckIn.Tracing.Index;

/// <summary>Receives the rows a probe or sweep finds; a struct, so the call inlines without allocation.</summary>
internal interface IRowVisitor
{
    /// <summary>A row that overlaps long enough: where the overlap starts and how long it lasts (seconds).</summary>
    void Visit(int row, long overlapStart, int overlap);
}
