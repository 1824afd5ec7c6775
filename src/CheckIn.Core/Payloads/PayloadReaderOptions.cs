using CheckIn.Core.Payloads.Signed;
using NodaTime;

namespace CheckIn.Core.Payloads;

/// <summary>Options for reading payloads. Immutable; pass an instance per call, never a global.</summary>
public sealed record PayloadReaderOptions
{
    /// <summary>The defaults: system clock, one day of tolerance, Asia/Ho_Chi_Minh dates, no verification keys.</summary>
    public static PayloadReaderOptions Default { get; } = new();

    /// <summary>The clock used to refuse dates in the future. Defaults to the system clock.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>How many days past today a card date may lie before it counts as in the future (clock skew, time zones). Default 1.</summary>
    public int FutureToleranceDays { get; init; } = 1;

    /// <summary>Keys for verifying CheckIn's signed payloads; null reads them without verifying (reported as such).</summary>
    public SigningKeyRing? VerificationKeys { get; init; }

    /// <summary>
    /// Accepted URL prefixes of CheckIn's signed payloads (compared without case), e.g.
    /// <c>https://checkin.example.vn/c/</c>. Empty accepts any host.
    /// </summary>
    public IReadOnlyList<string> SignedPayloadBases { get; init; } = [];

    internal LocalDate Today => VietnamTime.DateAt(Clock.GetCurrentInstant());
}
