namespace CheckIn.Cli;

/// <summary>Process exit codes of the <c>checkin</c> tool. Stable: scripts depend on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Invalid = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
}
