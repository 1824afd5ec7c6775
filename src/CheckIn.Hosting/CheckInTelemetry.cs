using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CheckIn.Hosting;

/// <summary>
/// CheckIn's metrics and traces: the meter and activity source named <see cref="Name"/>. Counters carry codes and
/// channels, never a person.
/// </summary>
public static class CheckInTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "CheckIn";

    internal static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> CheckIns = Meter.CreateCounter<long>("checkin.events", unit: "{event}", description: "Check-in and check-out events recorded.");

    internal static readonly Counter<long> Rejected = Meter.CreateCounter<long>("checkin.events.rejected", unit: "{event}", description: "Events not used, by code.");

    internal static readonly Counter<long> Repeated = Meter.CreateCounter<long>("checkin.requests.repeated", unit: "{request}", description: "Requests repeated with a request id already recorded.");

    internal static readonly Counter<long> Merges = Meter.CreateCounter<long>("checkin.persons.merged", unit: "{merge}", description: "People found to be one.");

    internal static readonly Histogram<double> TraceTime = Meter.CreateHistogram<double>("checkin.trace.duration", unit: "ms", description: "Time to trace a set of cases.");
}
