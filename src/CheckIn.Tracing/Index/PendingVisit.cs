namespace CheckIn.Tracing.Index;

/// <summary>A visit in the append buffer: dense ids and index seconds.</summary>
internal readonly record struct PendingVisit(int Person, int Venue, int Start, int Length);
