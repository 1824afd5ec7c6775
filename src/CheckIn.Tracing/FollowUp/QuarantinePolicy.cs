namespace CheckIn.Tracing.FollowUp;

/// <summary>What protects a contact, as the Ministry of Health's F1 rules distinguish it.</summary>
public enum Protection
{
    /// <summary>Not known: the stricter rule applies.</summary>
    Unknown = 0,

    /// <summary>Not vaccinated, or not fully.</summary>
    NotFullyVaccinated = 1,

    /// <summary>Fully vaccinated (at least two doses, the last at least 14 days before), or recovered recently.</summary>
    FullyProtected = 2,
}

/// <summary>
/// One rule of a quarantine policy. Days count from the last exposure: day 1 is the day of the last exposure, so a
/// quarantine of 5 days ends at the end of day 5, and a test "on day 5" is due that day.
/// </summary>
/// <param name="QuarantineDays">Days of quarantine (0 for none).</param>
/// <param name="TestDays">The days a test is due (1-based, ascending).</param>
/// <param name="MonitoringDays">Days of self-monitoring after the quarantine, when the last test was negative.</param>
public sealed record QuarantineRule(int QuarantineDays, IReadOnlyList<int> TestDays, int MonitoringDays);

/// <summary>
/// An F1 quarantine policy: the rule for fully protected contacts and the rule for the others (unknown protection
/// included). The default, <see cref="Moh2022"/>, is the Ministry of Health's of February 2022; <see cref="Moh2021"/> its
/// rule of December 2021 for the fully vaccinated (dispatch 10696/BYT-MT). Sources and the day-counting convention:
/// <c>docs/tracing-followup.md</c>.
/// </summary>
/// <param name="Name">A name for reports.</param>
/// <param name="FullyProtected">The rule for fully vaccinated or recently recovered contacts.</param>
/// <param name="Others">The rule for everyone else.</param>
public sealed record QuarantinePolicy(string Name, QuarantineRule FullyProtected, QuarantineRule Others)
{
    /// <summary>
    /// February 2022 (the dispatch that replaced 10696/BYT-MT): fully vaccinated or recovered within 3 months, 5 days
    /// from the last exposure with a test on day 5, then 5 days of self-monitoring; others 7 days with a test on day 7,
    /// then 3 days.
    /// </summary>
    public static QuarantinePolicy Moh2022 { get; } = new("MOH 2022-02", new QuarantineRule(5, [5], 5), new QuarantineRule(7, [7], 3));

    /// <summary>
    /// December 2021 (10696/BYT-MT, 16 Dec 2021) for the fully vaccinated or recovered within 6 months: 7 days at home
    /// with tests on days 1 and 7, then 7 days of self-monitoring. The dispatch does not restate the rule for others;
    /// here they keep 14 days with tests on days 1, 7 and 14 (an assumption, documented).
    /// </summary>
    public static QuarantinePolicy Moh2021 { get; } = new("MOH 2021-12", new QuarantineRule(7, [1, 7], 7), new QuarantineRule(14, [1, 7, 14], 0));

    /// <summary>The rule for a contact's protection (<see cref="Protection.Unknown"/> takes <see cref="Others"/>).</summary>
    /// <param name="protection">The contact's protection.</param>
    /// <returns>The rule.</returns>
    public QuarantineRule RuleFor(Protection protection) => protection == Protection.FullyProtected ? FullyProtected : Others;
}
