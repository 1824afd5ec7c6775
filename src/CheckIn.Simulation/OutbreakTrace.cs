using CheckIn.Tracing;

namespace CheckIn.Simulation;

/// <summary>An outbreak traced over a <see cref="RecordedWorld"/> under one rule, and scored against the ground truth.</summary>
/// <param name="Rule">The tracing rule.</param>
/// <param name="Cases">The cases: the infected whose symptoms began by the world's end.</param>
/// <param name="FromRecords">The trace over the recorded visits.</param>
/// <param name="FromTruth">The same trace over every true visit.</param>
/// <param name="Score">How the first compares with the second and with the infections.</param>
/// <param name="TraceTime">How long tracing the records took.</param>
public sealed record OutbreakTrace(TracingRule Rule, IReadOnlyList<Infection> Cases, TraceResult FromRecords, TraceResult FromTruth, TracingScore Score, TimeSpan TraceTime);
