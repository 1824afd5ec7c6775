namespace CheckIn.Cli;

/// <summary>
/// An expected failure of the tool itself (a file missing, a key unreadable), reported as <c>code  message</c> on
/// standard error with its exit code, never as a stack trace. The codes are listed in the tool's README.
/// </summary>
internal sealed class CliProblem(string code, string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    /// <summary>A file given on the command line does not exist.</summary>
    public const string FileMissing = "Cli.FileMissing";

    /// <summary>A file exists but cannot be read or written (permissions, a folder, an I/O error).</summary>
    public const string FileUnreadable = "Cli.FileUnreadable";

    /// <summary>A file is larger than the command reads.</summary>
    public const string FileTooLarge = "Cli.FileTooLarge";

    /// <summary>A key file is not a PEM ECDSA P-256 key of the kind asked for (private to sign, public to verify).</summary>
    public const string KeyInvalid = "Cli.KeyInvalid";

    /// <summary><c>payload keygen</c> would overwrite a file.</summary>
    public const string KeyExists = "Cli.KeyExists";

    /// <summary>An output file (a notice package) exists; the tool never overwrites one.</summary>
    public const string FileExists = "Cli.FileExists";

    /// <summary>An option's value is malformed or out of range.</summary>
    public const string Usage = "Cli.Usage";

    /// <summary>A failure CheckIn did not expect (a bug): the exception's type is printed, never its message or stack.</summary>
    public const string Internal = "Cli.Internal";

    /// <summary>The stable code.</summary>
    public string Code { get; } = code;

    /// <summary>The exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
