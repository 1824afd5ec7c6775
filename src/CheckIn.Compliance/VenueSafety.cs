using System.Globalization;
using System.Text.Json;
using CheckIn.Core;
using CheckIn.Declarations;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Compliance;

/// <summary>A venue's status on the safety map.</summary>
public enum SafetyStatus
{
    /// <summary>Safe: a recent checklist passed, no reports, no check-in warnings.</summary>
    Safe = 1,

    /// <summary>Needs attention: no recent checklist, some criteria failed, a report, or a check-in warning.</summary>
    NeedsAttention = 2,

    /// <summary>Unsafe: a critical criterion failed, many criteria failed, many reports, or suspension recommended.</summary>
    Unsafe = 3,
}

/// <summary>
/// How the daily safety checklist (AntoanCovid) and public reports give a venue its status. Unsafe: the latest
/// checklist fails a <see cref="Critical"/> criterion or <see cref="FailedItemsUnsafe"/> criteria, or the public reported
/// it <see cref="ReportsUnsafe"/> times within <see cref="ReportWindowDays"/> days, or check-in compliance recommends
/// suspension. Needs attention: no checklist within <see cref="ChecklistMaxAgeDays"/> days, a criterion failed, a
/// report, or a check-in warning. Safe otherwise.
/// </summary>
public sealed record SafetyRule
{
    /// <summary>The defaults described on the type.</summary>
    public static SafetyRule Default { get; } = new();

    /// <summary>How old the latest checklist may be, in days. Default 1 (yesterday's counts).</summary>
    public int ChecklistMaxAgeDays { get; init; } = 1;

    /// <summary>Failed criteria that make a venue unsafe. Default 3.</summary>
    public int FailedItemsUnsafe { get; init; } = 3;

    /// <summary>Criteria whose failure alone makes a venue unsafe. Default masks worn and the check-in code posted.</summary>
    public IReadOnlyList<SafetyCriterion> Critical { get; init; } = [SafetyCriterion.MasksWorn, SafetyCriterion.CheckInCodePosted];

    /// <summary>Days a public report counts. Default 7.</summary>
    public int ReportWindowDays { get; init; } = 7;

    /// <summary>Reports within the window that make a venue unsafe. Default 3.</summary>
    public int ReportsUnsafe { get; init; } = 3;

    /// <summary>Checks every option.</summary>
    /// <returns>The coded errors (<c>ComplianceRule.SafetyRule</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(ComplianceCodes.Messages)
        .Check(ChecklistMaxAgeDays is >= 0 and <= 30 && FailedItemsUnsafe is >= 1 and <= 20 && ReportWindowDays is >= 1 and <= 90 && ReportsUnsafe is >= 1 and <= 100
            && Critical is not null, ComplianceCodes.Rule.SafetyRule, nameof(SafetyRule))
        .ToList();
}

/// <summary>A venue's safety assessment: its status and the reasons for it.</summary>
/// <param name="Profile">The venue.</param>
/// <param name="Status">The status.</param>
/// <param name="Reasons">The <see cref="ComplianceCodes.Safety"/> codes behind it.</param>
/// <param name="LastChecked">The day of the latest checklist, or null.</param>
/// <param name="FailedItems">Criteria the latest checklist failed.</param>
/// <param name="Reports">Public reports within the window.</param>
/// <param name="Compliance">The check-in compliance it took into account, or null.</param>
public sealed record VenueSafety(VenueProfile Profile, SafetyStatus Status, IReadOnlyList<string> Reasons, LocalDate? LastChecked, int FailedItems, int Reports,
    VenueComplianceSummary? Compliance);

/// <summary>Gives venues their safety status and exports the safety map's data.</summary>
public static class SafetyMap
{
    /// <summary>Assesses one venue.</summary>
    /// <param name="venue">The venue.</param>
    /// <param name="checks">Its safety checklists (validated), any order; those of other venues are ignored.</param>
    /// <param name="compliance">Its check-in compliance, or null.</param>
    /// <param name="today">The day of the assessment.</param>
    /// <param name="rule">The rule, or null for the default.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="InvalidOptionsException">The rule is out of range.</exception>
    public static VenueSafety Assess(VenueProfile venue, IEnumerable<VenueSafetyCheck> checks, VenueComplianceSummary? compliance, LocalDate today, SafetyRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(checks);
        rule ??= SafetyRule.Default;
        InvalidOptionsException.ThrowIfAny(rule.Validate(), nameof(rule));
        var mine = checks.Where(c => c.VenueId == venue.Venue && c.Date is { } d && d <= today).ToList();
        var latest = mine.MaxBy(c => c.Date);
        var failed = latest?.Items.Where(i => !i.Passed).Select(i => i.Criterion).ToList() ?? [];
        var windowStart = VietnamTime.Zone.AtStartOfDay(today.PlusDays(1 - rule.ReportWindowDays)).ToInstant();
        var windowEnd = VietnamTime.Zone.AtStartOfDay(today.PlusDays(1)).ToInstant();
        var reports = mine.SelectMany(c => c.Reports).Count(r => r.ReportedAt is { } at && at >= windowStart && at < windowEnd);

        var unsafeReasons = new List<string>();
        var attention = new List<string>();
        if (latest is null || Period.DaysBetween(latest.Date!.Value, today) > rule.ChecklistMaxAgeDays)
        {
            attention.Add(ComplianceCodes.Safety.NoRecentChecklist);
        }

        if (failed.Any(rule.Critical.Contains))
        {
            unsafeReasons.Add(ComplianceCodes.Safety.CriticalItemFailed);
        }

        if (failed.Count >= rule.FailedItemsUnsafe)
        {
            unsafeReasons.Add(ComplianceCodes.Safety.ItemsFailed);
        }
        else if (failed.Count > 0 && !failed.Any(rule.Critical.Contains))
        {
            attention.Add(ComplianceCodes.Safety.ItemsFailed);
        }

        if (reports >= rule.ReportsUnsafe)
        {
            unsafeReasons.Add(ComplianceCodes.Safety.ManyReports);
        }
        else if (reports > 0)
        {
            attention.Add(ComplianceCodes.Safety.Reported);
        }

        switch (compliance?.Status)
        {
            case VenueStatus.SuspensionRecommended:
                unsafeReasons.Add(ComplianceCodes.Safety.SuspensionRecommended);
                break;
            case VenueStatus.Warned:
                attention.Add(ComplianceCodes.Safety.CheckInWarned);
                break;
        }

        var status = unsafeReasons.Count > 0 ? SafetyStatus.Unsafe : attention.Count > 0 ? SafetyStatus.NeedsAttention : SafetyStatus.Safe;
        return new VenueSafety(venue, status, [.. unsafeReasons, .. attention], latest?.Date, failed.Count, reports, compliance);
    }

    /// <summary>Assesses every venue of a compliance report (and every profile given), in venue order.</summary>
    /// <param name="report">The check-in compliance of the period.</param>
    /// <param name="checks">The safety checklists.</param>
    /// <param name="today">The day of the assessment (usually the report's last day).</param>
    /// <param name="rule">The rule, or null for the default.</param>
    /// <returns>The assessments.</returns>
    public static IReadOnlyList<VenueSafety> AssessAll(ComplianceReport report, IReadOnlyCollection<VenueSafetyCheck> checks, LocalDate today, SafetyRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(checks);
        var byVenue = checks.Where(c => c.VenueId is not null).ToLookup(c => c.VenueId!, StringComparer.Ordinal);
        return [.. report.Venues.Select(v => Assess(v.Profile, byVenue[v.Profile.Venue], v, today, rule))];
    }

    /// <summary>The CSV header of <see cref="WriteCsv"/>.</summary>
    public const string CsvHeader = "venue,name,commune_code,kind,status,reasons,check_in_status,check_in_share,app_share,staff_share,paper_share,warnings,last_checked,reports";

    /// <summary>Writes the safety map's rows as CSV (<see cref="CsvHeader"/>; LF line ends; shares with 3 decimals; a text starting as a spreadsheet formula gets a leading apostrophe).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="venues">The assessments.</param>
    public static void WriteCsv(TextWriter writer, IEnumerable<VenueSafety> venues)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(venues);
        writer.Write(CsvHeader);
        writer.Write('\n');
        foreach (var v in venues)
        {
            var c = v.Compliance;
            string Number(double? value) => value is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : string.Empty;
            writer.Write(string.Join(',',
                Field(v.Profile.Venue), Field(v.Profile.Name ?? string.Empty), v.Profile.CommuneCode?.ToString("D5", CultureInfo.InvariantCulture) ?? string.Empty,
                v.Profile.Kind.ToString(), v.Status.ToString(), Field(string.Join(' ', v.Reasons)), c?.Status.ToString() ?? string.Empty,
                Number(c?.Share), Number(c?.AppShare), Number(c?.StaffShare), Number(c?.PaperShare), (c?.ActiveWarnings ?? 0).ToString(CultureInfo.InvariantCulture),
                v.LastChecked is { } d ? LocalDatePattern.Iso.Format(d) : string.Empty, v.Reports.ToString(CultureInfo.InvariantCulture)));
            writer.Write('\n');
        }
    }

    /// <summary>Writes the safety map's rows as a JSON array of objects with the CSV's columns (numbers as numbers, reasons as an array).</summary>
    /// <param name="stream">Where to write (UTF-8).</param>
    /// <param name="venues">The assessments.</param>
    public static void WriteJson(Stream stream, IEnumerable<VenueSafety> venues)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(venues);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var v in venues)
        {
            var c = v.Compliance;
            json.WriteStartObject();
            json.WriteString("venue", v.Profile.Venue);
            json.WriteString("name", v.Profile.Name);
            if (v.Profile.CommuneCode is { } commune)
            {
                json.WriteString("communeCode", commune.ToString("D5", CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("communeCode");
            }

            json.WriteString("kind", v.Profile.Kind.ToString());
            json.WriteString("status", v.Status.ToString());
            json.WriteStartArray("reasons");
            foreach (var reason in v.Reasons)
            {
                json.WriteStringValue(reason);
            }

            json.WriteEndArray();
            json.WriteString("checkInStatus", c?.Status.ToString());
            WriteNumber(json, "checkInShare", c?.Share);
            WriteNumber(json, "appShare", c?.AppShare);
            WriteNumber(json, "staffShare", c?.StaffShare);
            WriteNumber(json, "paperShare", c?.PaperShare);
            json.WriteNumber("warnings", c?.ActiveWarnings ?? 0);
            json.WriteString("lastChecked", v.LastChecked is { } d ? LocalDatePattern.Iso.Format(d) : null);
            json.WriteNumber("reports", v.Reports);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } x)
        {
            json.WriteNumber(name, Math.Round(x, 4));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Field(string value)
    {
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
