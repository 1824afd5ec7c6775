using CheckIn.Core;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Declarations;

/// <summary>The settings the declaration validators apply. Immutable; passed in, never global.</summary>
public sealed record DeclarationRules
{
    /// <summary>The defaults: system clock, 10 minutes of tolerance for the future, the embedded administrative units.</summary>
    public static DeclarationRules Default { get; } = new();

    /// <summary>The clock that decides what "the future" is.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>How far past now a time may lie (device clocks drift). Default 10 minutes; dates may be one day ahead.</summary>
    public Duration FutureTolerance { get; init; } = Duration.FromMinutes(10);

    /// <summary>The administrative units addresses are checked against.</summary>
    public AdministrativeUnits Units { get; init; } = AdministrativeUnits.Default;

    /// <summary>The most people one pooled tube may hold. Default 10.</summary>
    public int MaxPooledPersons { get; init; } = 10;

    /// <summary>The most entries a list (places, countries, reports) may hold. Default 50.</summary>
    public int MaxListEntries { get; init; } = 50;

    internal Instant Latest => Clock.GetCurrentInstant() + FutureTolerance;

    internal LocalDate Today => VietnamTime.DateAt(Clock.GetCurrentInstant());

    /// <summary>Checks every rule's setting.</summary>
    /// <returns>One coded error per setting out of range (<c>DeclarationRules.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(DeclarationErrorCodes.Messages)
        .Check(Clock is not null, DeclarationErrorCodes.RulesOptions.Clock, nameof(Clock))
        .Check(FutureTolerance >= Duration.Zero && FutureTolerance <= Duration.FromDays(1), DeclarationErrorCodes.RulesOptions.FutureTolerance, nameof(FutureTolerance))
        .Check(Units is not null, DeclarationErrorCodes.RulesOptions.Units, nameof(Units))
        .Check(MaxPooledPersons is >= 1 and <= 1000, DeclarationErrorCodes.RulesOptions.MaxPooledPersons, nameof(MaxPooledPersons))
        .Check(MaxListEntries is >= 1 and <= 1000, DeclarationErrorCodes.RulesOptions.MaxListEntries, nameof(MaxListEntries))
        .ToList();
}
