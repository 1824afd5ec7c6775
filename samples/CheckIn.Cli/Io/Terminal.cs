using Spectre.Console;

namespace CheckIn.Cli.Io;

/// <summary>Whether a command may draw a progress display, and progress told through a callback.</summary>
internal static class Terminal
{
    /// <summary>True when <paramref name="output"/> is the process's own console on an interactive terminal (not a file, a pipe or a test's writer).</summary>
    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
    public static IProgress<T> Progress<T>(Action<T> report) => new CallbackProgress<T>(report);

    private sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
