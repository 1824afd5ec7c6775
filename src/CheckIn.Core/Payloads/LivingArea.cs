namespace CheckIn.Core.Payloads;

/// <summary>The living-area code of a health-insurance card (field 11), for people in disadvantaged areas.</summary>
public enum LivingArea
{
    /// <summary>Code 4: no living-area benefit.</summary>
    None = 4,

    /// <summary>Code 5: K1.</summary>
    K1 = 5,

    /// <summary>Code 6: K2.</summary>
    K2 = 6,

    /// <summary>Code 7: K3.</summary>
    K3 = 7,
}
