using System.Globalization;
using CheckIn.Simulation;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Consumer.Snippets;

internal static class SimulationSnippet
{
    public static void Run()
    {
        #region readme
        var options = SimulationOptions.Default with { Residents = 5_000, Days = 7, Seed = 1 };   // the same seed, the same world
        var province = SyntheticProvince.Generate(options);
        var world = RecordedWorld.Build(province, resident => new PersonPseudonym(0, (ulong)resident));
        var trace = world.TraceOutbreak(TracingRule.Default);            // the records traced, scored against the truth
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{world.Totals.TrueVisits:N0} visits, {world.Totals.RecordedVisits:N0} recorded; F1 recall {trace.Score.F1Recall:P0}, precision {trace.Score.F1Precision:P0}"));
        #endregion
    }
}
