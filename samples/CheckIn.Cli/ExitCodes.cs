namespace CheckIn.Cli;

/// <summary>Process exit codes of the <c>checkin</c> tool. Stable: scripts depend on them (listed in the tool's README).</summary>
public static class ExitCodes
{
    /// <summary>Done; the input was valid.</summary>
    public const int Success = 0;

    /// <summary>The input was read and is invalid (a payload, a declaration, an image).</summary>
    public const int Invalid = 1;

    /// <summary>A usage mistake or a file problem (missing, unreadable, not a key): nothing was done.</summary>
    public const int Usage = 2;

    /// <summary><c>decode</c>: the image holds no QR code.</summary>
    public const int NotFound = 3;

    /// <summary><c>trace</c>: some rows of the visits file were bad and skipped (each reported); the rest was traced.</summary>
    public const int Partial = 4;

    /// <summary><c>payload read</c>: a signed code was read but not verified (no trust list or key given); never 0, so a script cannot take it for a verified one.</summary>
    public const int NotVerified = 5;

    /// <summary><c>pass check</c>: the traveller may not pass.</summary>
    public const int PassRefused = 6;

    /// <summary><c>pass check</c>: the traveller is referred to the checkpoint's medical team.</summary>
    public const int PassReferred = 7;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>A failure CheckIn did not expect (a bug).</summary>
    public const int Internal = 70;
}
