namespace CheckIn.Simulation;

/// <summary>What a simulation wrote.</summary>
/// <param name="Days">Days simulated.</param>
/// <param name="TrueVisits">Visits that happened.</param>
/// <param name="WrittenVisits">Visits written (recorded visits for CSV; every visit for the binary file).</param>
/// <param name="MergedOrRejectedEvents">Recorded events the visit builder merged (repeated scans) or rejected.</param>
/// <param name="Infections">Ground-truth infections.</param>
public sealed record SimulationSummary(int Days, long TrueVisits, long WrittenVisits, long MergedOrRejectedEvents, int Infections);
