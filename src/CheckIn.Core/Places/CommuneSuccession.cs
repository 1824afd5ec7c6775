namespace CheckIn.Core.Places;

/// <summary>One row of the 1 July 2025 conversion: an old commune went wholly or partly into a new one.</summary>
/// <param name="OldCommuneCode">The legacy commune code.</param>
/// <param name="OldCommune">The legacy commune, or null when the January 2025 list no longer had the code.</param>
/// <param name="NewCommune">The commune from 1 July 2025.</param>
/// <param name="IsWhole">True when the whole old commune went into the new one; false for a part.</param>
public sealed record CommuneSuccession(int OldCommuneCode, AdministrativeUnit? OldCommune, AdministrativeUnit NewCommune, bool IsWhole);
