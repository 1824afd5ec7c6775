using CheckIn.Core.Payloads.Signed;
using NodaTime;

namespace CheckIn.Core.Payloads;

/// <summary>Options for reading payloads. Immutable; pass an instance per call, never a global.</summary>
public sealed record PayloadReaderOptions
{
    /// <summary>The defaults: system clock, one day of tolerance, Asia/Ho_Chi_Minh dates, no verification keys or trust list.</summary>
    public static PayloadReaderOptions Default { get; } = new();

    /// <summary>The clock used to refuse dates in the future. Defaults to the system clock.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>How many days past today a card date may lie before it counts as in the future (clock skew, time zones). Default 1.</summary>
    public int FutureToleranceDays { get; init; } = 1;

    /// <summary>Keys for verifying CheckIn's signed payloads; null reads them without verifying (reported as such).</summary>
    public SigningKeyRing? VerificationKeys { get; init; }

    /// <summary>
    /// Document signer certificates for verifying EU Digital COVID Certificates (<c>HC1:</c>); null reads them without
    /// verifying (<see cref="SignatureStatus.NotVerified"/>). Validity is checked at <see cref="Clock"/>, within
    /// <see cref="SignedClockSkew"/>.
    /// </summary>
    public Dcc.DccTrustList? DccTrustList { get; init; }

    /// <summary>
    /// Accepted URL prefixes of CheckIn's signed payloads (compared without case), e.g.
    /// <c>https://checkin.example.vn/c/</c>. Empty accepts any host.
    /// </summary>
    public IReadOnlyList<string> SignedPayloadBases { get; init; } = [];

    /// <summary>
    /// Hosts (and ports, as written in the URL) whose signed payloads are accepted, compared without case, e.g.
    /// <c>checkin.example.vn</c>; any other host fails with <c>SignedPayload.WrongHost</c>. Empty accepts any host
    /// (a version 2 code still refuses to be moved away from the host it was signed for).
    /// </summary>
    public IReadOnlyList<string> TrustedHosts { get; init; } = [];

    /// <summary>How far the reader's clock may be off from the issuer's when checking issue and expiry times. Default 5 minutes; 0 to 1 day.</summary>
    public Duration SignedClockSkew { get; init; } = Duration.FromMinutes(5);

    /// <summary>The oldest signed payload version accepted: 1 (default, reads older codes) or 2 (refuses version 1, which does not bind its address).</summary>
    public int MinimumSignedVersion { get; init; } = 1;

    internal LocalDate Today => VietnamTime.DateAt(Clock.GetCurrentInstant());

    /// <summary>Checks every option.</summary>
    /// <returns>One coded error per option out of range (<c>PayloadReaderOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(CoreErrorCodes.Messages)
        .Check(Clock is not null, CoreErrorCodes.ReaderOptions.Clock, nameof(Clock))
        .Check(FutureToleranceDays is >= 0 and <= 366, CoreErrorCodes.ReaderOptions.FutureToleranceDays, nameof(FutureToleranceDays))
        .Check(SignedPayloadBases is not null && SignedPayloadBases.All(b => b is not null && CheckInSigner.IsValidBaseUrl(b)), CoreErrorCodes.ReaderOptions.SignedPayloadBases, nameof(SignedPayloadBases))
        .Check(TrustedHosts is not null && TrustedHosts.All(IsValidHost), CoreErrorCodes.ReaderOptions.TrustedHosts, nameof(TrustedHosts))
        .Check(SignedClockSkew >= Duration.Zero && SignedClockSkew <= Duration.FromDays(1), CoreErrorCodes.ReaderOptions.SignedClockSkew, nameof(SignedClockSkew))
        .Check(MinimumSignedVersion is 1 or 2, CoreErrorCodes.ReaderOptions.MinimumSignedVersion, nameof(MinimumSignedVersion))
        .ToList();

    private static bool IsValidHost(string? host) =>
        host is { Length: >= 1 and <= 253 } && !host.AsSpan().ContainsAnyExcept(HostCharacters);

    private static readonly System.Buffers.SearchValues<char> HostCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-:");

    /// <summary>The checks of <see cref="Validate"/> without building errors, for the per-call check of the hot path.</summary>
    internal bool IsValid()
    {
        if (Clock is null || FutureToleranceDays is < 0 or > 366 || SignedPayloadBases is null || TrustedHosts is null
            || SignedClockSkew < Duration.Zero || SignedClockSkew > Duration.FromDays(1) || MinimumSignedVersion is not (1 or 2))
        {
            return false;
        }

        foreach (var host in TrustedHosts)
        {
            if (!IsValidHost(host))
            {
                return false;
            }
        }

        foreach (var candidate in SignedPayloadBases)
        {
            if (candidate is null || !CheckInSigner.IsValidBaseUrl(candidate))
            {
                return false;
            }
        }

        return true;
    }
}
