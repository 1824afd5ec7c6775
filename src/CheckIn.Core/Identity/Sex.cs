namespace CheckIn.Core.Identity;

/// <summary>A person's sex as recorded on cards and forms.</summary>
/// <remarks>
/// The numeric values match the health-insurance card QR (<c>1</c> male, <c>2</c> female). ID numbers
/// encode only male and female; declaration forms also offer "Khác" (<see cref="Other"/>).
/// </remarks>
public enum Sex
{
    /// <summary>Not recorded.</summary>
    Unspecified = 0,

    /// <summary>Male (Nam).</summary>
    Male = 1,

    /// <summary>Female (Nữ).</summary>
    Female = 2,

    /// <summary>Other (Khác), offered by declaration forms.</summary>
    Other = 3,
}
