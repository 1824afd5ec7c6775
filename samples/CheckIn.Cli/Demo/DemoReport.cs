using System.Globalization;
using System.Net;
using System.Text;
using CheckIn.Simulation;
using CheckIn.Tracing.Csv;

namespace CheckIn.Cli.Demo;

/// <summary>
/// The demo's report folder: <c>index.html</c> (summary, timings, scores, one cluster's chain drawn as an SVG graph,
/// the posters and cards) and <c>contacts.csv</c> (every contact traced from the records). Residents appear only as
/// their synthetic keys (R0001234) and pseudonyms; no name, ID number or phone is written.
/// </summary>
internal static class DemoReport
{
    private const int MaxGraphNodes = 60;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(DirectoryInfo folder, DemoFindings findings)
    {
        WriteContacts(Path.Combine(folder.FullName, "contacts.csv"), findings);
        File.WriteAllText(Path.Combine(folder.FullName, "index.html"), Html(findings), new UTF8Encoding(false));
    }

    private static void WriteContacts(string path, DemoFindings findings)
    {
        var infected = findings.Infections.Select(i => i.Resident).ToHashSet();
        var (idealF1, idealF2) = findings.IdealLevels;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        CsvRecordWriter.WriteRecord(writer, "person", "resident", "level", "exposed_at", "venue", "venue_name", "overlap_minutes", "source", "source_resident", "infected", "in_ground_truth_trace");
        foreach (var contact in findings.Found?.Contacts ?? [])
        {
            var resident = findings.ResidentOf(contact.Person);
            var source = findings.ResidentOf(contact.Source) is >= 0 and var s ? SimulatedResident.KeyOf(s) : string.Empty;
            CsvRecordWriter.WriteRecord(
                writer,
                contact.Person.ToString(),
                resident >= 0 ? SimulatedResident.KeyOf(resident) : string.Empty, // empty: a paper-log entry that matched nobody
                contact.Level.ToString(Invariant),
                contact.ExposedAt.ToString("uuuu-MM-ddTHH:mm:ss'Z'", Invariant),
                contact.Venue ?? string.Empty, // empty: reached by a Bluetooth encounter
                contact.Venue is { } venue ? findings.VenueName(venue) : string.Empty,
                contact.Overlap.TotalMinutes.ToString("F0", Invariant),
                contact.Source.ToString(),
                source,
                infected.Contains(resident) ? "yes" : "no",
                idealF1.Contains(resident) || idealF2.Contains(resident) ? "yes" : "no");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Html(DemoFindings f)
    {
        var html = new StringBuilder();
        void Add(string text) => html.Append(text).Append('\n');
        var score = f.Score;
        Add("<!DOCTYPE html>");
        Add("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CheckIn demo report</title>");
        Add("<style>body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1180px;color:#1b1f24;padding:0 1em}"
            + "h1{margin-bottom:.2em}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccd;padding:.3em .7em;text-align:left}"
            + "th{background:#eef2f7}td.n{text-align:right;font-variant-numeric:tabular-nums}.grid{display:flex;flex-wrap:wrap;gap:1em}"
            + ".grid figure{margin:0;border:1px solid #ccd;padding:.5em;background:#fafbfc}.grid img{display:block;width:220px}"
            + "figcaption{font-size:.85em;margin-top:.3em}.legend span{display:inline-block;margin-right:1.2em}.sw{width:.9em;height:.9em;display:inline-block;border-radius:50%;margin-right:.3em;vertical-align:middle}"
            + "svg text{font-family:system-ui,sans-serif}</style></head><body>");
        Add("<h1>CheckIn demo report</h1>");
        var options = f.Province.Options;
        Add($"<p>{E(f.Province.ProvinceName)}: a synthetic province (seed {options.Seed}) of {f.Province.ResidentCount:N0} residents and {f.Province.Venues.Count:N0} venues over {options.Days} days from {options.Start:yyyy-MM-dd}. "
            + "Every person and place here is generated; residents appear only as synthetic keys and keyed pseudonyms.</p>");

        Add("<h2>Summary</h2><table>");
        Row(html, "Residents with a smartphone", $"{f.SmartphoneHolders:N0} ({Percent(f.SmartphoneHolders, f.Province.ResidentCount)})");
        Row(html, "Visits that happened", $"{f.TrueVisits:N0}");
        Row(html, "… checked in with an app", Percent(f.Channels[1], f.TrueVisits));
        Row(html, "… ID or insurance card scanned by staff", Percent(f.Channels[2], f.TrueVisits));
        Row(html, "… written in a paper log", Percent(f.Channels[3], f.TrueVisits));
        Row(html, "… not recorded", Percent(f.Channels[0], f.TrueVisits));
        Row(html, "Recorded visits in the index", $"{f.RecordedVisits:N0}");
        Row(html, "Venue registrations valid", $"{f.VenueRegistrations.Valid:N0} of {f.VenueRegistrations.Total:N0}");
        Row(html, "Sample health declarations valid", $"{f.Declarations.Valid:N0} of {f.Declarations.Total:N0}"
            + (f.Declarations.Failures.Count == 0 ? string.Empty : $" (rejected: {string.Join(", ", f.Declarations.Failures.OrderByDescending(x => x.Value).Select(x => $"{x.Key} ×{x.Value}"))})"));
        Row(html, "Infections (ground truth)", $"{f.Infections.Count:N0}");
        Row(html, "Cases traced (symptoms by the last day)", $"{f.Cases.Count:N0}");
        Row(html, "F1 / F2 from the records", $"{f.FoundLevels.F1.Count:N0} / {f.FoundLevels.F2.Count:N0}");
        Row(html, "F1 / F2 from every true visit", $"{f.IdealLevels.F1.Count:N0} / {f.IdealLevels.F2.Count:N0}");
        Add("</table>");

        if (score is not null)
        {
            Add("<h2>Tracing the records against the ground truth</h2>");
            Add("<p>The same cases, windows (two days before onset until isolation) and minimum overlap (15 minutes), traced once over what apps, staff and paper logs recorded and once over every visit that truly happened.</p><table>");
            Add("<tr><th></th><th>Recall</th><th>Precision</th></tr>");
            Add($"<tr><td>F1</td><td class=\"n\">{DemoRun.Percent(score.F1Recall)}</td><td class=\"n\">{DemoRun.Percent(score.F1Precision)}</td></tr>");
            Add($"<tr><td>F2</td><td class=\"n\">{DemoRun.Percent(score.F2Recall)}</td><td class=\"n\">{DemoRun.Percent(score.F2Precision)}</td></tr>");
            Add($"<tr><td>Infections the cases caused</td><td class=\"n\" colspan=\"2\"> {score.InfectedByCases:N0}: {score.InfectedFound:N0} found from the records ({score.InfectedFoundAsF1:N0} as F1), {score.InfectedFoundFromTrueVisits:N0} from every true visit</td></tr>");
            Add("</table>");
        }

        if (f.Identity.Count > 0)
        {
            Add("<h2>One person behind many cards</h2>");
            Add("<p>Apps check in under the phone account, staff scan a chip ID card or a health-insurance card, paper logs carry the phone written. "
                + "The records above link them as a real app learns (the 1405 registration joins the account to the ID number, a declaration or a 1405 code's EXT the insurance number). "
                + "The same days recorded with the cards kept apart, and with one key per resident, traced for the same cases by their ID number:</p><table>");
            Add("<tr><th>Identity</th><th>F1 found</th><th>F1 recall</th><th>F1 precision</th><th>F2 recall</th><th>Infections found</th></tr>");
            foreach (var (label, s) in f.Identity)
            {
                Add($"<tr><td>{E(label)}</td><td class=\"n\">{s.RecordedF1:N0}</td><td class=\"n\">{DemoRun.Percent(s.F1Recall)}</td><td class=\"n\">{DemoRun.Percent(s.F1Precision)}</td><td class=\"n\">{DemoRun.Percent(s.F2Recall)}</td><td class=\"n\">{s.InfectedFound:N0} of {s.InfectedByCases:N0}</td></tr>");
            }

            Add("</table>");
        }

        Add("<h2>One cluster</h2>");
        Add(ClusterSvg(f));

        Add("<h2>Posters and cards, read back by the QR reader</h2><div class=\"grid\">");
        foreach (var (file, label, readBack) in f.Printed)
        {
            Add($"<figure><a href=\"posters/{E(file)}.svg\"><img src=\"posters/{E(file)}.png\" alt=\"{E(label)}\"></a><figcaption>{E(label)}<br>{(readBack ? "read back ✓" : "NOT read back")}</figcaption></figure>");
        }

        Add("</div>");

        Add("<h2>Timings</h2><table><tr><th>Step</th><th>Seconds</th></tr>");
        foreach (var (title, elapsed) in f.Timings)
        {
            Add($"<tr><td>{E(title)}</td><td class=\"n\">{elapsed.TotalSeconds.ToString("F2", Invariant)}</td></tr>");
        }

        Add($"<tr><td>Tracing the records (within the step above)</td><td class=\"n\">{f.TraceTime.TotalSeconds.ToString("F3", Invariant)}</td></tr></table>");
        Add("<h2>Contacts</h2><p><a href=\"contacts.csv\">contacts.csv</a>: every F1 and F2 traced from the records, with the venue, the overlap, the source and whether the contact was truly infected.</p>");
        Add("</body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    private static string Percent(long part, long whole) => DemoRun.Percent(part / (double)Math.Max(1, whole));

    /// <summary>
    /// The ground-truth chain of the largest cluster: who infected whom (left to right by generation), each person
    /// coloured by what tracing the records made of them.
    /// </summary>
    private static string ClusterSvg(DemoFindings f)
    {
        var children = f.Infections.Where(i => i.Infector >= 0).GroupBy(i => i.Infector).ToDictionary(g => g.Key, g => g.OrderBy(i => i.At).ToList());
        int Size(int resident) => 1 + (children.TryGetValue(resident, out var c) ? c.Sum(i => Size(i.Resident)) : 0);
        var root = f.Infections.Where(i => i.Generation == 0).OrderByDescending(i => Size(i.Resident)).ThenBy(i => i.Resident).FirstOrDefault();
        if (root.Generation != 0 || f.Infections.Count == 0)
        {
            return "<p>No outbreak was seeded.</p>";
        }

        // Nodes in depth-first order, at most MaxGraphNodes; leaves take rows in turn, parents sit between their children.
        var nodes = new List<(Infection Infection, double Row)>();
        var rows = 0;
        var truncated = false;
        double Place(Infection infection)
        {
            var index = nodes.Count;
            nodes.Add((infection, 0));
            var kids = children.TryGetValue(infection.Resident, out var c) ? c : [];
            var placed = new List<double>();
            foreach (var kid in kids)
            {
                if (nodes.Count >= MaxGraphNodes)
                {
                    truncated = true;
                    break;
                }

                placed.Add(Place(kid));
            }

            var row = placed.Count == 0 ? rows++ : placed.Average();
            nodes[index] = (infection, row);
            return row;
        }

        Place(root);
        var cases = f.Cases.Select(c => c.Resident).ToHashSet();
        var (foundF1, foundF2) = f.FoundLevels;
        (string Fill, string Label) Status(int resident) =>
            cases.Contains(resident) ? ("#c62828", "case (symptoms, traced)")
            : foundF1.Contains(resident) ? ("#ef6c00", "found as F1")
            : foundF2.Contains(resident) ? ("#f9a825", "found as F2")
            : ("#90a4ae", "missed (not yet a case, not traced)");

        const int ColumnWidth = 190, RowHeight = 34, Left = 70, Top = 30;
        var generations = nodes.Max(n => n.Infection.Generation - root.Generation) + 1;
        var width = Left + (generations * ColumnWidth) + 40;
        var height = Top + (Math.Max(1, rows) * RowHeight) + 20;
        var position = nodes.ToDictionary(n => n.Infection.Resident, n => (X: Left + ((n.Infection.Generation - root.Generation) * ColumnWidth), Y: Top + (n.Row * RowHeight)));
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Infection chain of one cluster\" style=\"max-width:100%;height:auto\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#fbfcfd\" stroke=\"#ccd\"/>\n");
        for (var g = 0; g < generations; g++)
        {
            svg.Append(Invariant, $"<text x=\"{Left + (g * ColumnWidth) - 30}\" y=\"18\" font-size=\"12\" fill=\"#555\">generation {root.Generation + g}</text>\n");
        }

        foreach (var (infection, _) in nodes.Skip(1))
        {
            if (!position.TryGetValue(infection.Infector, out var from))
            {
                continue;
            }

            var to = position[infection.Resident];
            var venue = infection.IsAtHome ? "at home" : f.Province.Venues[infection.Venue].Name;
            svg.Append(Invariant, $"<path d=\"M{from.X + 8} {from.Y:F0} C{from.X + 90} {from.Y:F0} {to.X - 90} {to.Y:F0} {to.X - 8} {to.Y:F0}\" fill=\"none\" stroke=\"#8899aa\" stroke-width=\"1.4\"><title>{E(venue)}, {infection.At:uuuu-MM-dd HH:mm} UTC</title></path>\n");
        }

        foreach (var (infection, _) in nodes)
        {
            var (x, y) = position[infection.Resident];
            var (fill, label) = Status(infection.Resident);
            svg.Append(Invariant, $"<g><title>{SimulatedResident.KeyOf(infection.Resident)}: infected {infection.At:uuuu-MM-dd HH:mm} UTC, onset {infection.Onset:uuuu-MM-dd}; {label}</title>");
            svg.Append(Invariant, $"<circle cx=\"{x}\" cy=\"{y:F0}\" r=\"8\" fill=\"{fill}\" stroke=\"#263238\" stroke-width=\"0.8\"/>");
            svg.Append(Invariant, $"<text x=\"{x + 12}\" y=\"{y + 4:F0}\" font-size=\"11\" fill=\"#263238\">{SimulatedResident.KeyOf(infection.Resident)}</text></g>\n");
        }

        svg.Append("</svg>");
        var legend = string.Join(string.Empty, new[] { ("#c62828", "case (symptoms by the last day, traced)"), ("#ef6c00", "found as F1"), ("#f9a825", "found as F2"), ("#90a4ae", "missed") }
            .Select(l => $"<span><i class=\"sw\" style=\"background:{l.Item1}\"></i>{E(l.Item2)}</span>"));
        var size = Size(root.Resident);
        return $"<p>The largest cluster of the ground truth: index case {SimulatedResident.KeyOf(root.Resident)} and the {size - 1:N0} infections that followed from it"
            + (truncated ? $" (the first {nodes.Count} drawn)" : string.Empty)
            + ". Each person is coloured by what tracing the records made of them; hover for dates and venues.</p>"
            + $"<p class=\"legend\">{legend}</p>\n{svg}";
    }
}
