using System.Globalization;
using System.Net;
using System.Text;
using CheckIn.Cli.Reports;
using CheckIn.Core;
using CheckIn.Core.Places;
using CheckIn.Simulation;
using CheckIn.Tracing.Csv;
using NodaTime;

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
        WriteParquet(folder.FullName, findings);
        File.WriteAllText(Path.Combine(folder.FullName, "index.html"), Html(findings), new UTF8Encoding(false));
    }

    /// <summary>
    /// For researchers: contacts.parquet (every contact with its follow-up, persons by resident key), residents.parquet and
    /// venues.parquet (the attributes to break results down by: age band, sex, home commune, household, phone and
    /// Bluezone; kind, commune, door staff, opening hours). No name, ID number or phone.
    /// </summary>
    private static void WriteParquet(string folder, DemoFindings f)
    {
        string NameOf(CheckIn.Tracing.Privacy.PersonPseudonym person) => f.ResidentOf(person) is >= 0 and var r ? SimulatedResident.KeyOf(r) : person.ToString();
        if (f.Found is { } found)
        {
            using var file = File.Create(Path.Combine(folder, "contacts.parquet"));
            CheckIn.Parquet.ContactsParquet.WriteAsync(file, found, NameOf, f.FollowUp).GetAwaiter().GetResult();
        }

        var residents = f.Province.Residents.ToList();
        using (var file = File.Create(Path.Combine(folder, "residents.parquet")))
        {
            new CheckIn.Parquet.ParquetTable(residents.Count)
                .Add("resident", [.. residents.Select(r => (string?)r.Key)])
                .Add("sex", [.. residents.Select(r => (string?)(r.Sex == CheckIn.Core.Identity.Sex.Female ? "female" : "male"))])
                .Add("age", [.. residents.Select(r => r.Age)])
                .Add("age_band", [.. residents.Select(r => (string?)AgeBand(r.Age))])
                .Add("role", [.. residents.Select(r => (string?)r.Role.ToString().ToLowerInvariant())])
                .Add("home_commune", [.. residents.Select(r => r.HomeCommune)])
                .Add("household", [.. residents.Select(r => (string?)SimulatedResident.KeyOf(r.Household))])
                .Add("smartphone", [.. residents.Select(r => r.HasSmartphone)])
                .Add("bluezone", [.. residents.Select(r => r.RunsBluezone)])
                .WriteAsync(file).GetAwaiter().GetResult();
        }

        var venues = f.Province.Venues;
        using (var file = File.Create(Path.Combine(folder, "venues.parquet")))
        {
            new CheckIn.Parquet.ParquetTable(venues.Count)
                .Add("venue", [.. venues.Select(v => (string?)v.Id)])
                .Add("name", [.. venues.Select(v => (string?)v.Name)])
                .Add("kind", [.. venues.Select(v => (string?)System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(v.Kind.ToString()))])
                .Add("commune", [.. venues.Select(v => v.CommuneCode)])
                .Add("door_staff", [.. venues.Select(v => v.HasDoorStaff)])
                .Add("opens_minute", [.. venues.Select(v => v.OpensMinute)])
                .Add("closes_minute", [.. venues.Select(v => v.ClosesMinute)])
                .Add("popularity", [.. venues.Select(v => v.Popularity)])
                .WriteAsync(file).GetAwaiter().GetResult();
        }
    }

    /// <summary>Ten-year age bands, 80 and over together.</summary>
    private static string AgeBand(int age) => age >= 80 ? "80+" : string.Create(Invariant, $"{age / 10 * 10}-{(age / 10 * 10) + 9}");

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

    /// <summary>Both languages of a text; the page shows Vietnamese unless the English switch is on.</summary>
    private static string T(string vi, string en) => $"<span class=\"vi\" lang=\"vi\">{vi}</span><span class=\"en\" lang=\"en\">{en}</span>";

    private static string N(long value) => value.ToString("N0", Invariant);

    private static string Html(DemoFindings f)
    {
        var html = new StringBuilder();
        void Add(string text) => html.Append(text).Append('\n');
        var score = f.Score;
        var options = f.Province.Options;
        var contacts = f.Found?.Contacts ?? [];
        var lastDay = options.Start.PlusDays(options.Days - 1);
        Add("<!DOCTYPE html>");
        Add("<html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Add("<title>Báo cáo truy vết — CheckIn</title>");
        Add("<style>body{font-family:\"DejaVu Sans\",system-ui,sans-serif;margin:1.5em auto;max-width:1180px;color:#1b1f24;padding:0 1em;line-height:1.45}"
            + "h1{margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:2px solid #e3e7ea;padding-bottom:.2em}table{border-collapse:collapse;margin:.5em 0 1.5em}"
            + "td,th{border:1px solid #ccd;padding:.3em .7em;text-align:left;vertical-align:top}th{background:#eef2f7}td.n{text-align:right;font-variant-numeric:tabular-nums}"
            + ".grid{display:flex;flex-wrap:wrap;gap:1em}.grid figure{margin:0;border:1px solid #ccd;padding:.5em;background:#fafbfc}.grid img{display:block;width:220px}"
            + "figcaption{font-size:.85em;margin-top:.3em}.legend>span{display:inline-block;margin-right:1.2em}.sw{width:.9em;height:.9em;display:inline-block;border-radius:50%;margin-right:.3em;vertical-align:middle}"
            + ".kpi{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}.kpi div{border:1px solid #ccd;border-radius:6px;padding:.6em 1em;background:#f7f9fb;min-width:9em}.kpi b{display:block;font-size:1.6em}"
            + ".lang{float:right;font-size:.9em}.lang a{margin-left:.6em}.note{color:#555;font-size:.9em}"
            + ".en{display:none!important}#en:target~main .en{display:revert!important}#en:target~main .vi{display:none!important}#en:target~nav .to-en{display:none}nav .to-vi{display:none}#en:target~nav .to-vi{display:inline}</style></head><body>");
        // The language switch needs no script: the #en fragment shows the English texts.
        Add("<i id=\"en\"></i><nav class=\"lang\"><a class=\"to-en\" href=\"#en\">English</a><a class=\"to-vi\" href=\"#\">Tiếng Việt</a></nav><main>");
        Add($"<h1>{T("Báo cáo truy vết tiếp xúc", "Contact tracing report")}</h1>");
        Add($"<p>{T($"{E(f.Province.ProvinceName)}, dữ liệu tổng hợp (hạt giống {options.Seed}): {N(f.Province.ResidentCount)} cư dân, {N(f.Province.Venues.Count)} địa điểm, {options.Days} ngày từ {options.Start:dd/MM/yyyy} đến {lastDay:dd/MM/yyyy}. Mọi người và địa điểm ở đây đều do máy sinh ra; cư dân chỉ hiện bằng mã tổng hợp (R0001234).",
            $"{E(f.Province.ProvinceName)}, synthetic data (seed {options.Seed}): {N(f.Province.ResidentCount)} residents, {N(f.Province.Venues.Count)} venues, {options.Days} days from {options.Start:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}. Every person and place here is generated; residents appear only as synthetic keys (R0001234).")}</p>");

        var book = f.FollowUp;
        var due = book?.DueOn(lastDay) ?? [];
        Add("<div class=\"kpi\">");
        Add($"<div>{T("Ca bệnh (F0) đã truy vết", "Cases (F0) traced")}<b>{N(f.Cases.Count)}</b></div>");
        Add($"<div>F1<b>{N(f.FoundLevels.F1.Count)}</b></div>");
        Add($"<div>F2<b>{N(f.FoundLevels.F2.Count)}</b></div>");
        if (score is not null)
        {
            Add($"<div>{T("Ca lây từ F0 được tìm thấy", "Infections by cases found")}<b>{N(score.InfectedFound)} / {N(score.InfectedByCases)}</b></div>");
        }

        Add($"<div>{T("Cần gọi hôm nay", "To call today")}<b>{N(due.Count)}</b></div>");
        Add("</div>");

        Add($"<h2>{T("Diễn biến theo ngày", "Epidemic curve by day")}</h2>");
        Add(EpidemicCurve(f, contacts));

        Add($"<h2>{T("Người tiếp xúc theo xã, phường và theo loại địa điểm", "Contacts by commune and by venue kind")}</h2>");
        Add(ByCommuneAndKind(f, contacts));

        Add($"<h2>{T("Các địa điểm có nhiều người phơi nhiễm nhất", "Top venues by exposure")}</h2>");
        Add(TopVenues(f, contacts));

        Add($"<h2>{T($"Danh sách cần theo dõi hôm nay ({lastDay:dd/MM/yyyy})", $"Follow-up due today ({lastDay:yyyy-MM-dd})")}</h2>");
        Add(FollowUpDue(f, due, contacts));

        Add($"<h2>{T("Một chuỗi lây nhiễm", "One cluster's chain")}</h2>");
        Add(ClusterSvg(f));

        if (score is not null)
        {
            Add($"<h2>{T("Truy vết từ dữ liệu quét mã so với thực tế", "Tracing the records against the ground truth")}</h2>");
            Add($"<p>{T("Cùng các ca, cùng cửa sổ (từ 2 ngày trước khi khởi phát đến khi cách ly) và cùng ngưỡng 15 phút, truy vết một lần trên những gì ứng dụng, nhân viên và sổ giấy ghi lại, một lần trên mọi lượt đến thật.",
                "The same cases, windows (two days before onset until isolation) and minimum overlap (15 minutes), traced once over what apps, staff and paper logs recorded and once over every visit that truly happened.")}</p><table>");
            Add($"<tr><th></th><th>{T("Độ phủ", "Recall")}</th><th>{T("Độ chính xác", "Precision")}</th></tr>");
            Add($"<tr><td>F1</td><td class=\"n\">{DemoRun.Percent(score.F1Recall)}</td><td class=\"n\">{DemoRun.Percent(score.F1Precision)}</td></tr>");
            Add($"<tr><td>F2</td><td class=\"n\">{DemoRun.Percent(score.F2Recall)}</td><td class=\"n\">{DemoRun.Percent(score.F2Precision)}</td></tr>");
            Add($"<tr><td>{T("Ca lây do các F0", "Infections the cases caused")}</td><td class=\"n\" colspan=\"2\">{N(score.InfectedByCases)}: {T($"tìm thấy {N(score.InfectedFound)} từ dữ liệu ({N(score.InfectedFoundAsF1)} là F1), {N(score.InfectedFoundFromTrueVisits)} từ mọi lượt đến thật", $"{N(score.InfectedFound)} found from the records ({N(score.InfectedFoundAsF1)} as F1), {N(score.InfectedFoundFromTrueVisits)} from every true visit")}</td></tr>");
            Add("</table>");
        }

        if (f.Workloads.Count > 0)
        {
            Add($"<h2>{T("Gọi ai trước: xếp hạng theo điểm nguy cơ", "Whom to call first: ranking by risk score")}</h2>");
            Add($"<p>{T("Một đội gọi được số người có hạn mỗi ngày. Số ca lây do F0 gây ra nằm trong những người được gọi đầu tiên, khi gọi theo điểm nguy cơ và khi gọi theo thứ tự danh sách (F1 trước, phơi nhiễm sớm trước):",
                "A team can call only so many people a day. The infections the cases caused among the first people called, by risk score and in list order (F1 first, earliest exposed first):")}</p><table>");
            Add($"<tr><th>{T("Số người gọi", "Calls")}</th><th>{T("Theo điểm", "By score")}</th><th>{T("Theo danh sách", "List order")}</th>"
                + (f.Proximity.Workloads.Count > 0 ? $"<th>{T("Theo điểm, thêm Bluezone", "By score, with Bluezone")}</th>" : string.Empty) + "</tr>");
            for (var i = 0; i < f.Workloads.Count; i++)
            {
                var w = f.Workloads[i];
                Add($"<tr><td class=\"n\">{N(w.Calls)}</td><td class=\"n\">{N(w.FoundRanked)} / {N(w.InfectedByCases)}</td><td class=\"n\">{N(w.FoundUnranked)}</td>"
                    + (i < f.Proximity.Workloads.Count ? $"<td class=\"n\">{N(f.Proximity.Workloads[i].FoundRanked)}</td>" : string.Empty) + "</tr>");
            }

            Add("</table>");
            Add($"<p>{T($"Chỉ mở rộng F2 từ {N(f.ExpandedF2.ExpandedF1)} F1 có điểm trên ngưỡng: {N(f.ExpandedF2.F2)} F2 thay vì {N(f.FoundLevels.F2.Count)}.", $"Growing F2 only from the {N(f.ExpandedF2.ExpandedF1)} F1 scored above the threshold: {N(f.ExpandedF2.F2)} F2 instead of {N(f.FoundLevels.F2.Count)}.")}</p>");
        }

        if (f.Identity.Count > 0)
        {
            Add($"<h2>{T("Một người, nhiều thẻ", "One person behind many cards")}</h2>");
            Add($"<p>{T("Ứng dụng ghi theo tài khoản điện thoại, nhân viên quét CCCD gắn chip hoặc thẻ BHYT, sổ giấy ghi số điện thoại. Dữ liệu trên được liên kết như một ứng dụng thật học được. Cùng những ngày đó, khi để các thẻ riêng rẽ và khi mỗi cư dân một mã:",
                "Apps check in under the phone account, staff scan a chip ID card or a health-insurance card, paper logs carry the phone written. The records above link them as a real app learns. The same days recorded with the cards kept apart, and with one key per resident:")}</p><table>");
            Add($"<tr><th>{T("Định danh", "Identity")}</th><th>{T("F1 tìm thấy", "F1 found")}</th><th>{T("Độ phủ F1", "F1 recall")}</th><th>{T("Độ chính xác F1", "F1 precision")}</th><th>{T("Độ phủ F2", "F2 recall")}</th><th>{T("Ca lây tìm thấy", "Infections found")}</th></tr>");
            foreach (var (label, s) in f.Identity)
            {
                var vi = label switch
                {
                    "cards linked (as recorded)" => "các thẻ được liên kết (như dữ liệu)",
                    "cards apart (no linking)" => "các thẻ riêng rẽ (không liên kết)",
                    "one key per resident (upper bound)" => "mỗi cư dân một mã (giới hạn trên)",
                    _ => label,
                };
                Add($"<tr><td>{T(E(vi), E(label))}</td><td class=\"n\">{s.RecordedF1:N0}</td><td class=\"n\">{DemoRun.Percent(s.F1Recall)}</td><td class=\"n\">{DemoRun.Percent(s.F1Precision)}</td><td class=\"n\">{DemoRun.Percent(s.F2Recall)}</td><td class=\"n\">{s.InfectedFound:N0} / {s.InfectedByCases:N0}</td></tr>");
            }

            Add("</table>");
        }

        Add($"<h2>{T("Cách tính", "How this was computed")}</h2><ul>");
        Add($"<li>{T("F0: những người nhiễm có triệu chứng trước ngày cuối; mỗi người được truy vết từ 2 ngày trước khởi phát đến khi cách ly.", "F0: the infected whose symptoms began by the last day, each traced from two days before onset until isolation.")}</li>");
        Add($"<li>{T("F1: ở cùng địa điểm với F0 cùng lúc ít nhất 15 phút (khoảng thời gian nửa mở, chạm nhau không tính), hoặc điện thoại Bluezone ghi nhận ở gần trong 2 m ít nhất 15 phút. F2: như vậy với F1, sau lúc F1 bị phơi nhiễm.", "F1: at the same venue as a case at the same time for at least 15 minutes (half-open intervals: touching does not count), or Bluezone phones within about 2 m for 15 minutes. F2: the same with an F1, after the F1's exposure.")}</li>");
        Add($"<li>{T("Điểm nguy cơ: 1 − exp(−0,001 × trọng số loại địa điểm × số phút), nhân với điểm của nguồn ở F2; khoảng đuôi giả định (không quét ra) tính một nửa (docs/tracing-risk.md).", "Risk score: 1 − exp(−0.001 × the venue kind's weight × minutes), times the source's score at F2; an assumed tail (no check-out) counts half (docs/tracing-risk.md).")}</li>");
        Add($"<li>{T("Theo dõi: thời gian cách ly và ngày xét nghiệm theo quy định F1 của Bộ Y tế năm 2022, tính từ ngày phơi nhiễm cuối theo giờ Việt Nam (docs/tracing-followup.md).", "Follow-up: quarantine and test days under the Ministry of Health's 2022 F1 rules, counted from the last exposure in Vietnam's time (docs/tracing-followup.md).")}</li>");
        Add($"<li>{T("Mọi định danh được giả danh hóa bằng khóa bí mật trước khi vào chỉ mục; báo cáo không chứa tên, số giấy tờ hay số điện thoại.", "Every identifier is pseudonymized with a secret key before it enters the index; the report holds no name, ID number or phone.")}</li>");
        Add("</ul>");
        Add($"<p>{T("Tệp kèm theo: <a href=\"contacts.csv\">contacts.csv</a>, <a href=\"contacts.parquet\">contacts.parquet</a> (kèm trạng thái theo dõi), <a href=\"residents.parquet\">residents.parquet</a> và <a href=\"venues.parquet\">venues.parquet</a> (thuộc tính để phân tích).",
            "Files: <a href=\"contacts.csv\">contacts.csv</a>, <a href=\"contacts.parquet\">contacts.parquet</a> (with follow-up), <a href=\"residents.parquet\">residents.parquet</a> and <a href=\"venues.parquet\">venues.parquet</a> (attributes to break results down by).")}</p>");

        Add($"<h2 id=\"posters\">{T("Áp phích và thẻ, đọc lại bằng trình đọc QR", "Posters and cards, read back by the QR reader")}</h2><div class=\"grid\">");
        foreach (var (file, label, readBack) in f.Printed)
        {
            Add($"<figure><a href=\"posters/{E(file)}.svg\"><img src=\"posters/{E(file)}.png\" alt=\"{E(label)}\"></a><figcaption>{E(label)}<br>{(readBack ? "read back ✓" : "NOT read back")}</figcaption></figure>");
        }

        Add("</div>");

        Add($"<h2>{T("Số liệu kỹ thuật", "Engineering")}</h2><table>");
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
        Row(html, "F1 / F2 from every true visit", $"{f.IdealLevels.F1.Count:N0} / {f.IdealLevels.F2.Count:N0}");
        Add("</table><table><tr><th>Step</th><th>Seconds</th></tr>");
        foreach (var (title, elapsed) in f.Timings)
        {
            Add($"<tr><td>{E(title)}</td><td class=\"n\">{elapsed.TotalSeconds.ToString("F2", Invariant)}</td></tr>");
        }

        Add($"<tr><td>Tracing the records (within the step above)</td><td class=\"n\">{f.TraceTime.TotalSeconds.ToString("F3", Invariant)}</td></tr></table>");
        Add("</main></body></html>");
        return html.ToString();
    }

    /// <summary>The Vietnamese name of a venue kind.</summary>
    internal static string KindVi(VenueKind kind) => kind switch
    {
        VenueKind.Market => "Chợ",
        VenueKind.Supermarket => "Siêu thị",
        VenueKind.School => "Trường học",
        VenueKind.Hospital => "Cơ sở y tế",
        VenueKind.Office => "Cơ quan, văn phòng",
        VenueKind.Factory => "Nhà máy, xí nghiệp",
        VenueKind.Restaurant => "Nhà hàng, quán ăn",
        VenueKind.PlaceOfWorship => "Cơ sở tôn giáo",
        VenueKind.Transport => "Phương tiện công cộng",
        VenueKind.Checkpoint => "Chốt kiểm soát",
        VenueKind.Other => "Khác",
        _ => "Không rõ",
    };

    private static string KindEn(VenueKind kind) => kind switch
    {
        VenueKind.PlaceOfWorship => "Place of worship",
        VenueKind.Unspecified => "Unknown",
        _ => kind.ToString(),
    };

    /// <summary>Two bar charts of the same days, one per language (the page shows one).</summary>
    private static string Chart(Func<bool, string> draw) =>
        $"<div class=\"vi\" lang=\"vi\">{draw(true)}</div><div class=\"en\" lang=\"en\">{draw(false)}</div>";

    private static string EpidemicCurve(DemoFindings f, IReadOnlyList<CheckIn.Tracing.Contact> contacts)
    {
        var options = f.Province.Options;
        var days = Enumerable.Range(0, options.Days).Select(options.Start.PlusDays).ToList();
        int DayOf(NodaTime.Instant at) => Period.DaysBetween(options.Start, VietnamTime.DateAt(at));
        var infections = new double[days.Count];
        var onsets = new double[days.Count];
        var f1 = new double[days.Count];
        var f2 = new double[days.Count];
        foreach (var i in f.Infections)
        {
            if (DayOf(i.At) is var d and >= 0 && d < days.Count)
            {
                infections[d]++;
            }
        }

        foreach (var c in f.Cases)
        {
            if (DayOf(c.Onset) is var d and >= 0 && d < days.Count)
            {
                onsets[d]++;
            }
        }

        foreach (var c in contacts)
        {
            if (DayOf(c.ExposedAt) is var d and >= 0 && d < days.Count)
            {
                (c.Level == 1 ? f1 : f2)[d]++;
            }
        }

        string Draw(bool vi)
        {
            var labels = days.Select(d => vi ? d.ToString("dd/MM", Invariant) : d.ToString("MM-dd", Invariant)).ToList();
            var cases = SvgChart.Bars(vi ? "Ca nhiễm (thực tế) và ca khởi phát triệu chứng theo ngày" : "Infections (ground truth) and symptom onsets by day",
                vi ? "số người" : "people", vi ? ["Nhiễm mới", "Khởi phát (F0)"] : ["New infections", "Onsets (cases)"],
                [.. labels.Select((l, k) => new SvgBarGroup(l, [infections[k], onsets[k]]))]);
            var traced = SvgChart.Bars(vi ? "F1 và F2 theo ngày phơi nhiễm" : "F1 and F2 by day of exposure",
                vi ? "số người" : "people", ["F1", "F2"], [.. labels.Select((l, k) => new SvgBarGroup(l, [f1[k], f2[k]]))]);
            return cases + traced;
        }

        return Chart(Draw);
    }

    private static string ByCommuneAndKind(DemoFindings f, IReadOnlyList<CheckIn.Tracing.Contact> contacts)
    {
        var venues = f.Province.Venues.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var byCommune = new Dictionary<int, double[]>();
        var byKind = new Dictionary<VenueKind, double[]>();
        foreach (var c in contacts)
        {
            var level = Math.Min(2, c.Level) - 1;
            int commune;
            if (c.Venue is { } id && venues.TryGetValue(id, out var venue))
            {
                commune = venue.CommuneCode;
                var kindCounts = byKind.TryGetValue(venue.Kind, out var k) ? k : byKind[venue.Kind] = new double[2];
                kindCounts[level]++;
            }
            else if (f.ResidentOf(c.Person) is >= 0 and var resident)
            {
                commune = f.Province.Resident(resident).HomeCommune; // reached by Bluetooth only: their home commune
            }
            else
            {
                continue;
            }

            var counts = byCommune.TryGetValue(commune, out var existing) ? existing : byCommune[commune] = new double[2];
            counts[level]++;
        }

        if (byCommune.Count == 0)
        {
            return $"<p>{T("Không có người tiếp xúc.", "No contacts.")}</p>";
        }

        string CommuneName(int code) => AdministrativeUnits.Default.FindCommune(code, AdministrativeEra.Legacy)?.Name ?? code.ToString("D5", Invariant);
        var topCommunes = byCommune.OrderByDescending(x => x.Value[0] + x.Value[1]).ThenBy(x => x.Key).Take(15).ToList();
        var kinds = byKind.OrderByDescending(x => x.Value[0] + x.Value[1]).ThenBy(x => x.Key).ToList();
        string Draw(bool vi) =>
            SvgChart.Bars(vi ? $"15 xã, phường có nhiều người tiếp xúc nhất (trong {byCommune.Count} xã, phường)" : $"The 15 communes with the most contacts (of {byCommune.Count})",
                vi ? "số người" : "people", ["F1", "F2"], [.. topCommunes.Select(x => new SvgBarGroup(CommuneName(x.Key), x.Value))])
            + SvgChart.Bars(vi ? "Người tiếp xúc theo loại địa điểm phơi nhiễm" : "Contacts by the kind of venue that exposed them",
                vi ? "số người" : "people", ["F1", "F2"], [.. kinds.Select(x => new SvgBarGroup(vi ? KindVi(x.Key) : KindEn(x.Key), x.Value))]);
        return Chart(Draw);
    }

    private static string TopVenues(DemoFindings f, IReadOnlyList<CheckIn.Tracing.Contact> contacts)
    {
        var venues = f.Province.Venues.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var top = contacts.Where(c => c.Level == 1 && c.Venue is not null).GroupBy(c => c.Venue!, StringComparer.Ordinal)
            .Select(g => (Venue: g.Key, F1: g.Count(), Risk: g.Sum(c => c.Score), Max: g.Max(c => c.Score)))
            .OrderByDescending(x => x.Risk).ThenBy(x => x.Venue, StringComparer.Ordinal).Take(10).ToList();
        var table = new StringBuilder();
        table.Append(Invariant, $"<p>{T("Xếp theo tổng điểm nguy cơ của các F1 phơi nhiễm tại đó (kỳ vọng số ca lây).", "Ranked by the sum of the risk scores of the F1 exposed there (the infections to expect).")}</p><table>");
        table.Append(Invariant, $"<tr><th>{T("Địa điểm", "Venue")}</th><th>{T("Loại", "Kind")}</th><th>{T("Xã, phường", "Commune")}</th><th>F1</th><th>{T("Tổng điểm", "Sum of scores")}</th><th>{T("Điểm cao nhất", "Highest score")}</th></tr>\n");
        foreach (var (id, count, risk, max) in top)
        {
            var venue = venues.GetValueOrDefault(id);
            var commune = venue is null ? string.Empty : AdministrativeUnits.Default.FindCommune(venue.CommuneCode, AdministrativeEra.Legacy)?.Name ?? string.Empty;
            table.Append(Invariant, $"<tr><td>{E(venue?.Name ?? id)} <span class=\"note\">{E(id)}</span></td><td>{(venue is null ? string.Empty : T(KindVi(venue.Kind), KindEn(venue.Kind)))}</td><td>{E(commune)}</td><td class=\"n\">{N(count)}</td><td class=\"n\">{risk:F2}</td><td class=\"n\">{max:F3}</td></tr>\n");
        }

        return table.Append("</table>").ToString();
    }

    private static string FollowUpDue(DemoFindings f, IReadOnlyList<CheckIn.Tracing.FollowUp.FollowUpRecord> due, IReadOnlyList<CheckIn.Tracing.Contact> contacts)
    {
        if (due.Count == 0)
        {
            return $"<p>{T("Không có ai cần gọi hôm nay.", "Nobody to call today.")}</p>";
        }

        var scores = contacts.ToDictionary(c => c.Person, c => c.Score);
        var first = due.OrderByDescending(r => scores.GetValueOrDefault(r.Person)).ThenBy(r => r.Level).Take(20).ToList();
        var table = new StringBuilder();
        table.Append(Invariant, $"<p>{T($"{N(due.Count)} người cần liên hệ (chưa được thông báo, hoặc đến hạn xét nghiệm hay hết cách ly hôm nay). 20 người có điểm nguy cơ cao nhất:", $"{N(due.Count)} people to contact (not yet notified, or a test or the end of quarantine due today). The 20 with the highest risk score:")}</p><table>");
        table.Append(Invariant, $"<tr><th>{T("Người", "Person")}</th><th>{T("Mức", "Level")}</th><th>{T("Phơi nhiễm cuối", "Last exposure")}</th><th>{T("Xã, phường", "Commune")}</th><th>{T("Trạng thái", "State")}</th><th>{T("Điểm", "Score")}</th></tr>\n");
        foreach (var r in first)
        {
            var resident = f.ResidentOf(r.Person);
            var commune = r.Commune is { } code ? AdministrativeUnits.Default.FindCommune(code, AdministrativeEra.Legacy)?.Name ?? string.Empty : string.Empty;
            table.Append(Invariant, $"<tr><td>{(resident >= 0 ? SimulatedResident.KeyOf(resident) : T("(sổ giấy, chưa khớp)", "(paper log, unmatched)"))}</td><td>F{r.Level}</td><td>{r.LastExposure:dd/MM/yyyy}</td><td>{E(commune)}</td><td>{T(StateVi(r.State), r.State.ToString())}</td><td class=\"n\">{scores.GetValueOrDefault(r.Person):F3}</td></tr>\n");
        }

        return table.Append("</table>").ToString();
    }

    private static string StateVi(CheckIn.Tracing.FollowUp.FollowUpState state) => state switch
    {
        CheckIn.Tracing.FollowUp.FollowUpState.Identified => "Chưa liên hệ",
        CheckIn.Tracing.FollowUp.FollowUpState.Quarantined => "Đang cách ly",
        CheckIn.Tracing.FollowUp.FollowUpState.TestedNegative => "Xét nghiệm âm tính",
        CheckIn.Tracing.FollowUp.FollowUpState.TestedPositive => "Dương tính",
        CheckIn.Tracing.FollowUp.FollowUpState.Unreachable => "Không liên lạc được",
        _ => "Đã kết thúc",
    };

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

        const int ColumnWidth = 170, RowHeight = 36, Left = 60, Top = 46;
        var generations = nodes.Max(n => n.Infection.Generation - root.Generation) + 1;
        var width = Left + (generations * ColumnWidth) + 40;
        var height = Top + (Math.Max(1, rows) * RowHeight) + 20;
        var position = nodes.ToDictionary(n => n.Infection.Resident, n => (X: Left + ((n.Infection.Generation - root.Generation) * ColumnWidth), Y: Top + (n.Row * RowHeight)));
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Infection chain of one cluster\" style=\"max-width:100%;height:auto\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#fbfcfd\" stroke=\"#ccd\"/>\n");
        for (var g = 0; g < generations; g++)
        {
            svg.Append(Invariant, $"<text class=\"vi\" x=\"{Left + (g * ColumnWidth) - 30}\" y=\"18\" font-size=\"12\" fill=\"#555\">thế hệ {root.Generation + g}</text>");
            svg.Append(Invariant, $"<text class=\"en\" x=\"{Left + (g * ColumnWidth) - 30}\" y=\"18\" font-size=\"12\" fill=\"#555\">generation {root.Generation + g}</text>\n");
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
            // The key above its node: edges leave a node to the right, so no edge runs through a label, and rows are
            // farther apart than a label is tall, so no two labels meet.
            svg.Append(Invariant, $"<text x=\"{x}\" y=\"{y - 12:F0}\" font-size=\"10.5\" text-anchor=\"middle\" fill=\"#263238\">{SimulatedResident.KeyOf(infection.Resident)}</text></g>\n");
        }

        svg.Append("</svg>");
        var legend = string.Join(string.Empty, new[]
            {
                ("#c62828", T("ca bệnh (có triệu chứng trước ngày cuối, đã truy vết)", "case (symptoms by the last day, traced)")), ("#ef6c00", T("tìm thấy là F1", "found as F1")),
                ("#f9a825", T("tìm thấy là F2", "found as F2")), ("#90a4ae", T("bỏ sót", "missed")),
            }
            .Select(l => $"<span><i class=\"sw\" style=\"background:{l.Item1}\"></i>{l.Item2}</span>"));
        var size = Size(root.Resident);
        var key = SimulatedResident.KeyOf(root.Resident);
        return "<p>" + T($"Chuỗi lớn nhất trong thực tế: ca chỉ điểm {key} và {size - 1:N0} ca lây tiếp theo" + (truncated ? $" (vẽ {nodes.Count} người đầu)" : string.Empty)
                + ". Mỗi người tô màu theo kết quả truy vết từ dữ liệu; di chuột để xem ngày và địa điểm.",
                $"The largest cluster of the ground truth: index case {key} and the {size - 1:N0} infections that followed from it" + (truncated ? $" (the first {nodes.Count} drawn)" : string.Empty)
                + ". Each person is coloured by what tracing the records made of them; hover for dates and venues.")
            + $"</p><p class=\"legend\">{legend}</p>\n{svg}";
    }
}
