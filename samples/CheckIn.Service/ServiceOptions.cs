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

    /// <summary>Requests a client may make a minute (by remote address).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
