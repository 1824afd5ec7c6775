namespace CheckIn.Simulation;

/// <summary>One scenario of a study: the world (with its compliance) and the tracing rule.</summary>
/// <param name="Simulation">The synthetic province and its realities of check-in.</param>
/// <param name="Rule">The tracing rule.</param>
public sealed record StudyScenario(SimulationOptions Simulation, TracingRule Rule);
