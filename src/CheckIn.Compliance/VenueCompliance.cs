using CheckIn.Core;
using CheckIn.Core.Places;
using CheckIn.Tracing.Csv;
using NodaTime;

namespace CheckIn.Compliance;

/// <summary>One check-in a venue recorded (check-outs are not counted): where, when, and through which channel.</summary>
/// <param name="Venue">The venue's id.</param>
/// <param name="At">When.</param>
/// <param name="Channel">The visitor's app, staff scanning, or the paper log.</param>
public readonly record struct VenueCheckIn(string Venue, Instant At, EventChannel Channel);

/// <summary>What a district knows about a venue: where it is, its kind, its registered footfall and the days it is closed.</summary>
/// <param name="Venue">The venue's id.</param>
/// <param name="Name">Its name, or null.</param>
/// <param name="CommuneCode">Its commune's code, or null.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="ExpectedDailyCheckIns">Expected visitors on an open day (registered capacity); null to expect the venue's own history.</param>
public sealed record VenueProfile(string Venue, string? Name = null, int? CommuneCode = null, VenueKind Kind = VenueKind.Other, double? ExpectedDailyCheckIns = null)
{
    /// <summary>Days of the week the venue is closed (not judged). Default none.</summary>
    public IReadOnlyList<IsoDayOfWeek> ClosedOn { get; init; } = [];
}

/// <summary>Where a venue stands on recording check-ins.</summary>
public enum VenueStatus
{
    /// <summary>Judged and recording enough check-ins, or its warnings lapsed or were cleared.</summary>
    Compliant = 1,

    /// <summary>Never judged: no registered footfall and too little history, or too few visitors expected to tell.</summary>
    NotJudged = 2,

    /// <summary>Warned for recording too few check-ins.</summary>
    Warned = 3,

    /// <summary>Warned as many times as the rule allows: suspension is recommended until check-ins resume.</summary>
    SuspensionRecommended = 4,
}

/// <summary>
/// The rule a district applies to venues' check-ins (Hà Đông, 2021: warn venues that do not check people in, recommend
/// suspending them after three warnings). A venue is judged on an open day when its expected footfall is known (its
/// registered footfall, else the median of its own last <see cref="HistoryDays"/> open days that were not shortfalls,
/// given at least <see cref="MinimumHistoryDays"/>) and at least <see cref="MinimumExpected"/>. A judged day is a shortfall when the
/// check-ins of its last <see cref="JudgeDays"/> judged days (itself included) are below <see cref="MinimumShare"/> of
/// their expected footfall: a window, so one quiet day or a weekday pattern does not count against a venue. A shortfall
/// earns a warning unless one was given in the last <see cref="WarningIntervalDays"/> days (each warning rests on days of
/// its own, as an inspection would). With <see cref="WarningsToSuspend"/> warnings within <see cref="WarningWindowDays"/>
/// days suspension is recommended. <see cref="ResumeDays"/> judged days in a row without a shortfall clear the warnings
/// and lift the recommendation.
/// </summary>
/// <remarks>Expected footfall from history cannot find a venue that never checked people in (its history is as low as
/// its present); give registered footfall for that.</remarks>
public sealed record ComplianceRule
{
    /// <summary>The defaults described on the type: 50 % over 3 judged days, 10 visitors, 14 days of history (5 at least), a warning at most every 3 days, 3 warnings in 30 days, 3 days to resume.</summary>
    public static ComplianceRule Default { get; } = new();

    /// <summary>The share of expected footfall below which a judged day is a shortfall. Default 0.5.</summary>
    public double MinimumShare { get; init; } = 0.5;

    /// <summary>The smallest expected footfall judged. Default 10.</summary>
    public double MinimumExpected { get; init; } = 10;

    /// <summary>The open days of history the expected footfall is the median of, when none is registered. Default 14.</summary>
    public int HistoryDays { get; init; } = 14;

    /// <summary>The fewest open days of history that give an expected footfall. Default 5.</summary>
    public int MinimumHistoryDays { get; init; } = 5;

    /// <summary>The judged days whose check-ins are summed to judge a day. Default 3.</summary>
    public int JudgeDays { get; init; } = 3;

    /// <summary>Days after a warning before the next can be given. Default 3 (the judging window: each warning rests on days of its own).</summary>
    public int WarningIntervalDays { get; init; } = 3;

    /// <summary>Warnings within the window that recommend suspension. Default 3.</summary>
    public int WarningsToSuspend { get; init; } = 3;

    /// <summary>How many days a warning counts. Default 30.</summary>
    public int WarningWindowDays { get; init; } = 30;

    /// <summary>Judged days in a row without a shortfall that clear the warnings and lift a recommendation. Default 3.</summary>
    public int ResumeDays { get; init; } = 3;

    /// <summary>Checks every option.</summary>
    /// <returns>One coded error per option out of range (<c>ComplianceRule.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(ComplianceCodes.Messages)
        .Check(MinimumShare is > 0 and <= 1, ComplianceCodes.Rule.MinimumShare, nameof(MinimumShare))
        .Check(MinimumExpected is >= 1 and <= 100_000, ComplianceCodes.Rule.MinimumExpected, nameof(MinimumExpected))
        .Check(HistoryDays is >= 1 and <= 90 && MinimumHistoryDays >= 1 && MinimumHistoryDays <= HistoryDays, ComplianceCodes.Rule.HistoryDays, nameof(HistoryDays))
        .Check(JudgeDays is >= 1 and <= 30, ComplianceCodes.Rule.JudgeDays, nameof(JudgeDays))
        .Check(WarningIntervalDays is >= 1 and <= 90, ComplianceCodes.Rule.WarningIntervalDays, nameof(WarningIntervalDays))
        .Check(WarningsToSuspend is >= 1 and <= 20, ComplianceCodes.Rule.WarningsToSuspend, nameof(WarningsToSuspend))
        .Check(WarningWindowDays is >= 1 and <= 365, ComplianceCodes.Rule.WarningWindowDays, nameof(WarningWindowDays))
        .Check(ResumeDays is >= 1 and <= 60, ComplianceCodes.Rule.ResumeDays, nameof(ResumeDays))
        .ToList();
}

/// <summary>One venue on one day.</summary>
/// <param name="Venue">The venue's id.</param>
/// <param name="Date">The day (Vietnam's calendar).</param>
/// <param name="CheckIns">Check-ins recorded.</param>
/// <param name="App">Of which through visitors' apps.</param>
/// <param name="Staff">Of which scanned by staff.</param>
/// <param name="Paper">Of which from the paper log.</param>
/// <param name="Expected">The expected footfall, or null when unknown or the venue was closed.</param>
/// <param name="Judged">Whether the day was judged.</param>
/// <param name="Shortfall">Whether it was a shortfall (and earned a warning).</param>
/// <param name="Status">The venue's status at the end of the day.</param>
public sealed record VenueDay(string Venue, LocalDate Date, int CheckIns, int App, int Staff, int Paper, double? Expected, bool Judged, bool Shortfall, VenueStatus Status)
{
    /// <summary>Check-ins over expected footfall, or null when not known.</summary>
    public double? Share => Expected is > 0 and var e ? CheckIns / e : null;
}

/// <summary>One venue over the period.</summary>
/// <param name="Profile">The venue.</param>
/// <param name="JudgedDays">Days judged.</param>
/// <param name="CheckIns">Check-ins recorded.</param>
/// <param name="Expected">Expected footfall summed over the judged days.</param>
/// <param name="CheckInsOnJudgedDays">Check-ins on the judged days.</param>
/// <param name="AppShare">Share of check-ins through apps (0 when none).</param>
/// <param name="StaffShare">Share scanned by staff.</param>
/// <param name="PaperShare">Share from the paper log.</param>
/// <param name="Warnings">Warnings over the period.</param>
/// <param name="ActiveWarnings">Warnings counting at the end of the period.</param>
/// <param name="Status">The status at the end of the period.</param>
/// <param name="SuspensionRecommendedOn">The day suspension was last recommended, or null.</param>
/// <param name="LiftedOn">The day a recommendation was last lifted, or null.</param>
public sealed record VenueComplianceSummary(VenueProfile Profile, int JudgedDays, int CheckIns, double Expected, int CheckInsOnJudgedDays, double AppShare, double StaffShare,
    double PaperShare, int Warnings, int ActiveWarnings, VenueStatus Status, LocalDate? SuspensionRecommendedOn, LocalDate? LiftedOn)
{
    /// <summary>Check-ins over expected footfall on the judged days, or null when none was judged.</summary>
    public double? Share => Expected > 0 ? CheckInsOnJudgedDays / Expected : null;
}

/// <summary>The evaluation of a period: every venue-day, and every venue.</summary>
/// <param name="Period">The days evaluated.</param>
/// <param name="Days">Venue-days, by venue then date.</param>
/// <param name="Venues">Venues, by id.</param>
/// <param name="Ignored">Check-ins outside the period.</param>
public sealed record ComplianceReport(DateInterval Period, IReadOnlyList<VenueDay> Days, IReadOnlyList<VenueComplianceSummary> Venues, long Ignored);

/// <summary>Evaluates venues' check-ins under a <see cref="ComplianceRule"/>.</summary>
public static class VenueCompliance
{
    /// <summary>Counts check-ins per venue and day and applies the rule day by day.</summary>
    /// <param name="checkIns">The recorded check-ins, in any order (a venue not among <paramref name="venues"/> is evaluated by its history).</param>
    /// <param name="venues">What is known about the venues (every one is evaluated, with or without check-ins).</param>
    /// <param name="period">The days to evaluate, 1 to 366, in Vietnam's calendar.</param>
    /// <param name="rule">The rule, or null for <see cref="ComplianceRule.Default"/>.</param>
    /// <param name="cancellationToken">Stops a long evaluation.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidOptionsException">The rule or the period is out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static ComplianceReport Evaluate(IEnumerable<VenueCheckIn> checkIns, IReadOnlyCollection<VenueProfile> venues, DateInterval period, ComplianceRule? rule = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        var counter = new Counter(venues, period, rule);
        var n = 0;
        foreach (var checkIn in checkIns)
        {
            if ((++n & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            counter.Add(checkIn);
        }

        return counter.Finish(cancellationToken);
    }

    /// <summary>As <see cref="Evaluate"/>, from a stream (a store's log read as it goes).</summary>
    /// <param name="checkIns">The recorded check-ins.</param>
    /// <param name="venues">What is known about the venues.</param>
    /// <param name="period">The days to evaluate.</param>
    /// <param name="rule">The rule, or null for the default.</param>
    /// <param name="cancellationToken">Stops a long evaluation.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidOptionsException">The rule or the period is out of range.</exception>
    public static async Task<ComplianceReport> EvaluateAsync(IAsyncEnumerable<VenueCheckIn> checkIns, IReadOnlyCollection<VenueProfile> venues, DateInterval period,
        ComplianceRule? rule = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        var counter = new Counter(venues, period, rule);
        await foreach (var checkIn in checkIns.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            counter.Add(checkIn);
        }

        return counter.Finish(cancellationToken);
    }

    private sealed class Counter
    {
        private readonly Dictionary<string, VenueProfile> _profiles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);
        private readonly DateInterval _period;
        private readonly ComplianceRule _rule;
        private readonly int _days;
        private long _ignored;

        public Counter(IReadOnlyCollection<VenueProfile> venues, DateInterval period, ComplianceRule? rule)
        {
            ArgumentNullException.ThrowIfNull(venues);
            ArgumentNullException.ThrowIfNull(period);
            _rule = rule ?? ComplianceRule.Default;
            var errors = _rule.Validate().ToList();
            if (period.Length is < 1 or > 366)
            {
                errors.Add(new CheckInError(ComplianceCodes.Rule.Days, ComplianceCodes.Messages) { Property = nameof(period) });
            }

            InvalidOptionsException.ThrowIfAny(errors, nameof(rule));
            _period = period;
            _days = period.Length;
            foreach (var venue in venues)
            {
                ArgumentNullException.ThrowIfNull(venue, nameof(venues));
                _profiles[venue.Venue] = venue;
                _counts.TryAdd(venue.Venue, new int[_days * 3]);
            }
        }

        public void Add(VenueCheckIn checkIn)
        {
            ArgumentNullException.ThrowIfNull(checkIn.Venue);
            var day = Period.DaysBetween(_period.Start, VietnamTime.DateAt(checkIn.At));
            if (day < 0 || day >= _days || checkIn.Channel is < EventChannel.App or > EventChannel.Paper)
            {
                _ignored++;
                return;
            }

            if (!_counts.TryGetValue(checkIn.Venue, out var counts))
            {
                counts = new int[_days * 3];
                _counts[checkIn.Venue] = counts;
            }

            counts[(day * 3) + (int)checkIn.Channel - 1]++;
        }

        public ComplianceReport Finish(CancellationToken cancellationToken)
        {
            var days = new List<VenueDay>();
            var summaries = new List<VenueComplianceSummary>();
            foreach (var venue in _counts.Keys.Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var profile = _profiles.GetValueOrDefault(venue) ?? new VenueProfile(venue);
                summaries.Add(Walk(profile, _counts[venue], days));
            }

            return new ComplianceReport(_period, days, summaries, _ignored);
        }

        private VenueComplianceSummary Walk(VenueProfile profile, int[] counts, List<VenueDay> into)
        {
            var history = new List<int>();
            var window = new Queue<(int Count, double Expected)>();
            var warnings = new List<LocalDate>();
            LocalDate? lastWarning = null;
            var status = VenueStatus.NotJudged;
            var inRow = 0;
            int total = 0, app = 0, staff = 0, paper = 0, judgedDays = 0, judgedCheckIns = 0, warned = 0;
            double expectedSum = 0;
            LocalDate? suspendedOn = null;
            LocalDate? liftedOn = null;
            for (var d = 0; d < _days; d++)
            {
                var date = _period.Start.PlusDays(d);
                var (a, s, p) = (counts[d * 3], counts[(d * 3) + 1], counts[(d * 3) + 2]);
                var count = a + s + p;
                total += count;
                app += a;
                staff += s;
                paper += p;
                if (profile.ClosedOn.Contains(date.DayOfWeek))
                {
                    into.Add(new VenueDay(profile.Venue, date, count, a, s, p, null, false, false, status));
                    continue;
                }

                double? expected = profile.ExpectedDailyCheckIns ?? (history.Count >= _rule.MinimumHistoryDays ? Median(history) : null);

                var judgeable = expected is { } e && e >= _rule.MinimumExpected;
                if (judgeable)
                {
                    window.Enqueue((count, expected!.Value));
                    if (window.Count > _rule.JudgeDays)
                    {
                        window.Dequeue();
                    }
                }

                var judged = judgeable && window.Count == _rule.JudgeDays;
                var shortfall = judged && window.Sum(w => w.Count) < _rule.MinimumShare * window.Sum(w => w.Expected);
                // History learns from days that were not shortfalls, so a venue that stops checking people in is not taken at its new level.
                if (!shortfall)
                {
                    history.Add(count);
                    if (history.Count > _rule.HistoryDays)
                    {
                        history.RemoveAt(0);
                    }
                }

                warnings.RemoveAll(w => Period.DaysBetween(w, date) >= _rule.WarningWindowDays);
                if (judged)
                {
                    judgedDays++;
                    judgedCheckIns += count;
                    expectedSum += expected!.Value;
                    if (shortfall)
                    {
                        inRow = 0;
                        var warnedRecently = lastWarning is { } last && Period.DaysBetween(last, date) < _rule.WarningIntervalDays;
                        if (!warnedRecently)
                        {
                            warnings.Add(date);
                            lastWarning = date;
                            warned++;
                            if (status != VenueStatus.SuspensionRecommended && warnings.Count >= _rule.WarningsToSuspend)
                            {
                                status = VenueStatus.SuspensionRecommended;
                                suspendedOn = date;
                            }
                            else if (status != VenueStatus.SuspensionRecommended)
                            {
                                status = VenueStatus.Warned;
                            }
                        }
                    }
                    else
                    {
                        inRow++;
                        if (inRow >= _rule.ResumeDays && status is VenueStatus.Warned or VenueStatus.SuspensionRecommended)
                        {
                            if (status == VenueStatus.SuspensionRecommended)
                            {
                                liftedOn = date;
                            }

                            warnings.Clear();
                            status = VenueStatus.Compliant;
                        }
                        else if (status == VenueStatus.NotJudged || (status == VenueStatus.Warned && warnings.Count == 0))
                        {
                            status = VenueStatus.Compliant;
                        }
                    }
                }

                into.Add(new VenueDay(profile.Venue, date, count, a, s, p, expected, judged, shortfall, status));
            }

            double Of(int part) => total == 0 ? 0 : (double)part / total;
            return new VenueComplianceSummary(profile, judgedDays, total, expectedSum, judgedCheckIns, Of(app), Of(staff), Of(paper), warned, warnings.Count, status, suspendedOn, liftedOn);
        }

        private static double Median(List<int> values)
        {
            var sorted = values.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        }
    }
}
