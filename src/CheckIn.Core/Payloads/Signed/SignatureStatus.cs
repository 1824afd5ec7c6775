namespace CheckIn.Core.Payloads.Signed;

/// <summary>What the reader knows about a signed payload's signature.</summary>
public enum SignatureStatus
{
    /// <summary>The reader had no verification keys; the signature was not checked.</summary>
    NotVerified = 0,

    /// <summary>The signature verified with the key its key id names.</summary>
    Valid = 1,
}
