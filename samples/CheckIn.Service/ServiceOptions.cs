namespace CheckIn.Service;

/// <summary>The service's own settings (section <c>Service</c>); CheckIn's are in section <c>CheckIn</c>.</summary>
public sealed class ServiceOptions
{
    /// <summary>The base URL signed venue codes carry (what a phone camera opens); ends with <c>/</c>.</summary>
    public string PublicBaseUrl { get; set; } = "https://checkin.example.vn/c/";

    /// <summary>
    /// API keys that health staff present (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>) for traces and contact
    /// details. When none is configured, one is made on first start and kept in the data directory (owner-only).
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>
    /// Document signer certificates that verify vaccine passports at the checkpoint: a file of PEM certificates, or a JSON
    /// list as the EU gateway publishes it. Empty: passports are read but not verified, and never count for a pass.
    /// </summary>
    public string? DccTrustList { get; set; }

    /// <summary>The checkpoint's rules (<c>Service:Pass</c>); every one unset keeps CheckIn.Checkpoints' default.</summary>
    public PassPolicyOptions Pass { get; set; } = new();

    /// <summary>Requests a client may make a minute (by remote address).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>
/// The checkpoint's pass policy as settings (hours and days as numbers), mapped onto <see cref="CheckIn.Checkpoints.PassPolicy"/>;
/// out of range, the service does not start.
/// </summary>
public sealed class PassPolicyOptions
{
    /// <summary>Days after the last dose that must be exceeded.</summary>
    public int? VaccinationWaitDays { get; set; }

    /// <summary>Whether the dose must complete its series.</summary>
    public bool? RequireCompleteSeries { get; set; }

    /// <summary>Hours a negative PCR test counts.</summary>
    public int? PcrValidityHours { get; set; }

    /// <summary>Hours a negative rapid test counts.</summary>
    public int? RapidTestValidityHours { get; set; }

    /// <summary>Days a recovery counts from the first positive test.</summary>
    public int? RecoveryValidityDays { get; set; }

    /// <summary>Whether a health declaration is required.</summary>
    public bool? RequireDeclaration { get; set; }

    /// <summary>Hours a declaration counts.</summary>
    public int? DeclarationValidityHours { get; set; }

    /// <summary>Whether unverified evidence counts (a passport read without a trust list).</summary>
    public bool? AcceptUnverified { get; set; }

    /// <summary>The policy these settings give.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="CheckIn.Core.InvalidOptionsException">A setting is out of range.</exception>
    public CheckIn.Checkpoints.PassPolicy ToPolicy()
    {
        var d = CheckIn.Checkpoints.PassPolicy.Default;
        var policy = d with
        {
            VaccinationWaitDays = VaccinationWaitDays ?? d.VaccinationWaitDays,
            RequireCompleteSeries = RequireCompleteSeries ?? d.RequireCompleteSeries,
            PcrValidity = PcrValidityHours is { } pcr ? NodaTime.Duration.FromHours(pcr) : d.PcrValidity,
            RapidTestValidity = RapidTestValidityHours is { } rapid ? NodaTime.Duration.FromHours(rapid) : d.RapidTestValidity,
            RecoveryValidityDays = RecoveryValidityDays ?? d.RecoveryValidityDays,
            RequireDeclaration = RequireDeclaration ?? d.RequireDeclaration,
            DeclarationValidity = DeclarationValidityHours is { } hours ? NodaTime.Duration.FromHours(hours) : d.DeclarationValidity,
            AcceptUnverified = AcceptUnverified ?? d.AcceptUnverified,
        };
        CheckIn.Core.InvalidOptionsException.ThrowIfAny(policy.Validate(), "Service:Pass");
        return policy;
    }
}
