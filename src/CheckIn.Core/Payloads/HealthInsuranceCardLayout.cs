namespace CheckIn.Core.Payloads;

/// <summary>The two layouts of the health-insurance card QR.</summary>
public enum HealthInsuranceCardLayout
{
    /// <summary>The older layout: 15 fields, the last one <c>$</c>.</summary>
    Fields15 = 15,

    /// <summary>The newer layout: 17 fields, adding a marker (meaning unknown) and the issuing office.</summary>
    Fields17 = 17,
}
