using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace CheckIn.Cli.Demo;

/// <summary>Runs the demo's steps and shows their progress: a Spectre.Console display on a terminal, plain lines otherwise.</summary>
internal interface IDemoSteps
{
    /// <summary>Runs one step.</summary>
    /// <param name="title">What the step does.</param>
    /// <param name="total">Units of work, for the progress bar.</param>
    /// <param name="work">The step, told how to advance the bar.</param>
    /// <returns>The step's result.</returns>
    T Run<T>(string title, double total, Func<Action<double>, T> work);

    /// <summary>How long each step took, in order.</summary>
    IReadOnlyList<(string Title, TimeSpan Elapsed)> Timings { get; }
}

/// <summary>Plain lines, for logs, pipes and tests: "… title" when a step starts, the time when it ends.</summary>
internal sealed class PlainSteps(TextWriter output) : IDemoSteps
{
    private readonly List<(string, TimeSpan)> _timings = [];

    public IReadOnlyList<(string Title, TimeSpan Elapsed)> Timings => _timings;

    public T Run<T>(string title, double total, Func<Action<double>, T> work)
    {
        output.WriteLine($"▸ {title}…");
        var stopwatch = Stopwatch.StartNew();
        var result = work(_ => { });
        _timings.Add((title, stopwatch.Elapsed));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  done in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        return result;
    }
}

/// <summary>A Spectre.Console progress display: one bar per step, with elapsed time.</summary>
internal sealed class SpectreSteps(ProgressContext context) : IDemoSteps
{
    private readonly List<(string, TimeSpan)> _timings = [];

    public IReadOnlyList<(string Title, TimeSpan Elapsed)> Timings => _timings;

    public static void Show(Action<IDemoSteps> run) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context => run(new SpectreSteps(context)));

    public T Run<T>(string title, double total, Func<Action<double>, T> work)
    {
        var task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(1, total));
        var stopwatch = Stopwatch.StartNew();
        var result = work(step => task.Increment(step));
        task.Value = task.MaxValue;
        task.StopTask();
        _timings.Add((title, stopwatch.Elapsed));
        return result;
    }
}

/// <summary>Steps without a result.</summary>
internal static class DemoStepsExtensions
{
    public static void Run(this IDemoSteps steps, string title, double total, Action<Action<double>> work) =>
        steps.Run(title, total, advance =>
        {
            work(advance);
            return 0;
        });
}
