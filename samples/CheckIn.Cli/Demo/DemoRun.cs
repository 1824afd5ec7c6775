using System.Globalization;
using System.Security.Cryptography;
using CheckIn.Cli.Io;
using CheckIn.Core;
using CheckIn.Core.Payloads;
using CheckIn.Core.Places;
using CheckIn.Declarations;
using CheckIn.Qr;
using CheckIn.Qr.Printing;
using CheckIn.Simulation;
using CheckIn.Tracing;
using CheckIn.Tracing.FollowUp;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Cli.Demo;

/// <summary>
/// The end-to-end demo: a synthetic province, its posters and cards printed and read back, declarations
/// validated, a fortnight of check-ins (apps, card scans, paper logs) indexed, an outbreak traced to F2 and
/// scored against the ground truth, and a report folder.
/// </summary>
internal sealed class DemoRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly SimulationOptions _options;
    private readonly DirectoryInfo _out;
    private readonly TextWriter _results;
    private readonly DemoFindings _findings = new();

    public DemoRun(SimulationOptions options, DirectoryInfo outDirectory, TextWriter results)
    {
        _options = options;
        _out = outDirectory;
        _results = results;
    }

    private IReadOnlyList<RecordedWorld> _comparison = [];

    public DemoFindings Run(IDemoSteps steps)
    {
        _out.Create();
        var posters = _out.CreateSubdirectory("posters");

        var province = steps.Run("Making the province", 1, _ => SyntheticProvince.Generate(_options));
        var residents = steps.Run("Pseudonymizing residents' ID, phone and insurance numbers", province.ResidentCount, advance => Pseudonymize(province, advance));
        _findings.Province = province;
        _findings.SmartphoneHolders = residents.Count(r => r.Resident.HasSmartphone);
        Line($"{province.ProvinceName}: {province.ResidentCount:N0} residents ({_findings.SmartphoneHolders:N0} with a smartphone), {province.Venues.Count:N0} venues in {province.Venues.Select(v => v.CommuneCode).Distinct().Count():N0} communes, {_options.Days} days from {_options.Start:yyyy-MM-dd} (seed {_options.Seed})");

        steps.Run("Validating venue registrations and declarations", province.Venues.Count + 2000, advance => ValidateDeclarations(province, residents, advance));
        steps.Run("Printing posters and cards, reading them back", 6, advance => PrintAndRead(province, residents, posters, advance));

        var world = steps.Run($"Simulating {_options.Days} days of check-ins and indexing them", _options.Days, advance => Simulate(province, residents, advance));
        Line($"Index: {world.Recorded.Count:N0} recorded visits of {world.Recorded.PersonCount:N0} people, {world.Recorded.BytesHeld / (double)Math.Max(1, world.Recorded.Count):F1} bytes a visit (ground truth: {world.Truth.Count:N0} visits)");

        steps.Run("Tracing the outbreak to F2", 1, advance => Trace(world, advance));
        steps.Run("Writing the report", 1, _ =>
        {
            _findings.Timings = steps.Timings.ToList();
            DemoReport.Write(_out, _findings);
            return 0;
        });
        Line($"Report: {Path.Combine(_out.Name, "index.html")} (with contacts.csv and posters/)");
        return _findings;
    }

    private void Line(string text) => _results.WriteLine(text);

    /// <summary>The residents with the keyed pseudonyms of their chip card, phone and insurance card: no number ever enters the index.</summary>
    private static DemoResident[] Pseudonymize(SyntheticProvince province, Action<double> advance)
    {
        var pseudonymizer = new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32));
        var residents = new DemoResident[province.ResidentCount];
        const int Chunk = 8192;
        Parallel.For(0, (residents.Length + Chunk - 1) / Chunk, chunk =>
        {
            var end = Math.Min(residents.Length, (chunk + 1) * Chunk);
            for (var i = chunk * Chunk; i < end; i++)
            {
                var resident = province.Resident(i);
                // The insurance number is made up from the province and the resident (the synthetic residents carry none).
                var insurance = string.Create(Invariant, $"HS4{province.Options.ProvinceCode:D2}{i:D10}");
                residents[i] = new DemoResident(resident, pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, resident.Id.Value),
                    pseudonymizer.Pseudonymize(IdentifierKind.Phone, resident.Phone.National), pseudonymizer.Pseudonymize(IdentifierKind.HealthInsurance, insurance));
            }

            lock (residents)
            {
                advance(end - (chunk * Chunk));
            }
        });
        return residents;
    }

    private void ValidateDeclarations(SyntheticProvince province, DemoResident[] residents, Action<double> advance)
    {
        var validator = new DeclarationValidator();
        var units = AdministrativeUnits.Default;
        Address AddressOf(int communeCode, string street) => new()
        {
            ProvinceCode = _options.ProvinceCode,
            DistrictCode = units.FindCommune(communeCode, AdministrativeEra.Legacy)?.Parent?.Code,
            CommuneCode = communeCode,
            Street = street,
        };

        // Every venue registers before the first day; the registrant is a resident.
        var registered = Instant.FromUtc(_options.Start.Year, _options.Start.Month, _options.Start.Day, 1, 0) - Duration.FromDays(10);
        var venueFailures = new Dictionary<string, int>();
        var venuesValid = 0;
        foreach (var venue in province.Venues)
        {
            var registrant = residents[(int)((venue.Index * 7919L) % residents.Length)].Resident;
            var registration = new VenueRegistration
            {
                RegisteredAt = registered,
                Name = venue.Name,
                VenueKind = venue.Kind,
                Address = AddressOf(venue.CommuneCode, $"{1 + (venue.Index % 200)} đường số {1 + (venue.Index % 30)}"),
                RegistrantName = registrant.FullName,
                RegistrantPhone = registrant.Phone.National,
            };
            var result = validator.Validate(registration);
            venuesValid += result.IsValid ? 1 : 0;
            Count(venueFailures, result);
            advance(1);
        }

        // Domestic declarations as residents typed them: now and then a name not in capitals or a phone with a digit lost.
        var random = new Random(_options.Seed);
        var failures = new Dictionary<string, int>();
        var valid = 0;
        const int Sample = 2000;
        for (var k = 0; k < Sample; k++)
        {
            var resident = residents[random.Next(residents.Length)].Resident;
            var upper = resident.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));
            var phone = resident.Phone.National;
            var declaration = new DomesticDeclaration
            {
                DeclaredAt = registered + Duration.FromDays(10 + random.Next(_options.Days)) + Duration.FromHours(random.Next(1, 12)),
                FullName = random.NextDouble() < 0.06 ? resident.FullName : upper,
                DocumentNumber = resident.Id.Value,
                BirthYear = resident.BirthYear,
                Sex = resident.Sex,
                Nationality = "VN",
                Address = AddressOf(resident.HomeCommune, $"{1 + random.Next(300)} kiệt {1 + random.Next(90)}"),
                Phone = random.NextDouble() < 0.03 ? phone.Remove(random.Next(1, phone.Length), 1) : phone,
            };
            var result = validator.Validate(declaration);
            valid += result.IsValid ? 1 : 0;
            Count(failures, result);
            advance(1);
        }

        _findings.VenueRegistrations = (province.Venues.Count, venuesValid);
        _findings.Declarations = (Sample, valid, failures);
        Line($"Declarations: {venuesValid:N0} of {province.Venues.Count:N0} venue registrations valid{Codes(venueFailures)}; {valid:N0} of {Sample:N0} sample health declarations valid{Codes(failures)}");
    }

    private static void Count(Dictionary<string, int> failures, DeclarationValidationResult result)
    {
        foreach (var code in result.Failures.Select(f => f.Code).Distinct())
        {
            failures[code] = failures.GetValueOrDefault(code) + 1;
        }
    }

    private static string Codes(Dictionary<string, int> failures) =>
        failures.Count == 0 ? string.Empty : $" (rejected: {string.Join(", ", failures.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} ×{f.Value}"))})";

    /// <summary>Four venue posters and two personal cards as PNG and SVG; each PNG read back with the QR reader and parsed.</summary>
    private void PrintAndRead(SyntheticProvince province, DemoResident[] residents, DirectoryInfo folder, Action<double> advance)
    {
        var byPopularity = province.Venues.OrderByDescending(v => v.Popularity).ThenBy(v => v.Index);
        var chosen = new[] { VenueKind.Market, VenueKind.School, VenueKind.Restaurant, VenueKind.Hospital }
            .Select(kind => byPopularity.First(v => v.Kind == kind))
            .ToList();
        var printed = new List<(string File, string Payload, string Label)>();
        var posterOptions = QrPrintOptions.VenuePoster with { DotsPerInch = 100 };
        foreach (var venue in chosen)
        {
            var document = QrDocument.VenuePoster(venue.CheckInUrl, new VenuePosterContent { VenueName = venue.Name, Address = venue.Address }, posterOptions).Value;
            var name = $"poster-{venue.Id}";
            File.WriteAllBytes(Path.Combine(folder.FullName, name + ".png"), document.ToPng());
            File.WriteAllText(Path.Combine(folder.FullName, name + ".svg"), document.ToSvg());
            printed.Add((name, venue.CheckInUrl, venue.Name));
        }

        var cardOptions = QrPrintOptions.PersonalCard with { DotsPerInch = 300 };
        foreach (var holder in residents.Select(r => r.Resident).Where(r => r.Age is >= 18 and <= 60).Take(2))
        {
            var born = new LocalDate(holder.BirthYear, 1 + (holder.Index % 12), 1 + (holder.Index % 28));
            var payload = new CitizenCardPayload(holder.Id, null, holder.FullName, born, holder.Sex, ResidenceOf(holder), new LocalDate(2021, 4, 15)).ToText();
            var content = new PersonalCardContent { HolderName = holder.FullName, DocumentNumber = Redaction.Mask(holder.Id.Value, 3, 2), DocumentLabel = "Số CCCD", Issuer = province.ProvinceName };
            var document = QrDocument.PersonalCard(payload, content, cardOptions).Value;
            var name = $"card-{holder.Key}";
            File.WriteAllBytes(Path.Combine(folder.FullName, name + ".png"), document.ToPng());
            File.WriteAllText(Path.Combine(folder.FullName, name + ".svg"), document.ToSvg());
            printed.Add((name, payload, holder.Key));
        }

        var reader = new ManagedQrReader();
        var readBack = new List<string>();
        var kinds = new List<PayloadKind>();
        foreach (var (file, payload, label) in printed)
        {
            var codes = reader.ReadFile(File.ReadAllBytes(Path.Combine(folder.FullName, file + ".png")));
            if (codes.TryGetValue(out var found) && found.Count == 1 && found[0].Text == payload && PayloadReader.Read(found[0].Text).TryGetValue(out var read))
            {
                readBack.Add(file);
                kinds.Add(read.Kind);
            }

            advance(1);
        }

        _findings.Printed = [.. printed.Select(p => (p.File, p.Label, readBack.Contains(p.File)))];
        Line($"Printed {printed.Count} codes as PNG and SVG (posters 15 cm, cards 5 cm); read back from the PNGs and parsed: {readBack.Count} of {printed.Count} ({string.Join(", ", kinds.GroupBy(k => k).Select(g => $"{g.Key} ×{g.Count()}"))})");
    }

    private static string ResidenceOf(SimulatedResident resident)
    {
        var commune = AdministrativeUnits.Default.FindCommune(resident.HomeCommune, AdministrativeEra.Legacy);
        return commune is null ? string.Empty : $"{commune.Name}, {commune.Parent?.Name}, {commune.Province.Name}";
    }

    /// <summary>
    /// Runs the days through CheckIn.Simulation's recording pipeline: what apps and staff recorded, and paper-log
    /// entries matched to residents by phone and name as tracers did, through the visit builder into one index; every
    /// true visit into a second index, the ground truth.
    /// </summary>
    private RecordedWorld Simulate(SyntheticProvince province, DemoResident[] residents, Action<double> advance)
    {
        // Recorded as a deployment sees visitors (app accounts, chip cards, insurance cards, linked as a real app learns),
        // and, for the comparison of identity linking, the same days with the cards kept apart and with one key per resident.
        PersonPseudonym IdentifierOf(int i, IdentifierKind kind) => kind switch
        {
            IdentifierKind.Phone => residents[i].Phone,
            IdentifierKind.HealthInsurance => residents[i].Insurance,
            _ => residents[i].Pseudonym,
        };
        var worlds = RecordedWorld.BuildEach(province, IdentifierOf, [RecordingIdentity.LinkedCards, RecordingIdentity.Cards, RecordingIdentity.OnePerResident],
            PaperLogMatching.PhoneAndName, Terminal.Progress<RecordedDay>(_ => advance(1)));
        var world = worlds[0];
        _comparison = worlds;
        var t = world.Totals;
        _findings.RecordedVisits = t.RecordedVisits;
        _findings.Channels = [t.Unrecorded, t.ByApp, t.ByCardScan, t.ByPaperLog];
        _findings.Infections = world.Infections;
        Line($"Visits: {t.TrueVisits:N0} happened; app {Share(t.ByApp, t.TrueVisits)}, card scan {Share(t.ByCardScan, t.TrueVisits)}, paper log {Share(t.ByPaperLog, t.TrueVisits)}, unrecorded {Share(t.Unrecorded, t.TrueVisits)}");
        Line($"Records: {t.Events:N0} check-in events → {t.RecordedVisits:N0} visits ({t.SetAside:N0} repeated or stray scans set aside); paper entries matched by phone and name: {t.PaperMatched:N0} of {t.PaperEntries:N0} ({t.PaperMatchedWrongly:N0} to the wrong person)");
        Line($"Identity: {t.LinksLearned:N0} links learned between chip cards, insurance cards and app accounts, {t.Merges:N0} people merged in the index in {world.MergeTime.TotalMilliseconds:N0} ms");
        Line($"Outbreak: {world.Infections.Count:N0} infections in the ground truth ({_options.Outbreak?.IndexCases ?? 0} index cases, up to generation {world.Infections.Select(i => i.Generation).DefaultIfEmpty().Max()})");
        return world;
    }

    private static string Share(long part, long whole) => Percent(part / (double)Math.Max(1, whole));

    internal static string Percent(double share) => string.Create(Invariant, $"{100 * share:F1}%");

    /// <summary>
    /// The cases are the infected whose symptoms began by the last day: each traced from two days before onset until
    /// isolation, over the recorded index and, for scoring, over the ground truth.
    /// </summary>
    /// <summary>The score above which an F1 is a source of F2 in the demo's ranked trace: about 50 minutes together.</summary>
    private const double ExpandAbove = 0.05;

    private void Trace(RecordedWorld world, Action<double> advance)
    {
        var trace = world.TraceOutbreak(TracingRule.Default);
        advance(1);
        HashSet<int> Level(TraceResult result, int level) => [.. result.AtLevel(level).Select(c => world.ResidentOf(c.Person))];
        var score = trace.Score;
        _findings.Cases = trace.Cases;
        _findings.Found = trace.FromRecords;
        _findings.FoundLevels = (Level(trace.FromRecords, 1), Level(trace.FromRecords, 2));
        _findings.IdealLevels = (Level(trace.FromTruth, 1), Level(trace.FromTruth, 2));
        _findings.ResidentOf = world.ResidentOf;
        _findings.TraceTime = trace.TraceTime;
        _findings.Score = score;

        // Follow-up: every contact opened in the book as of the trace, in the commune of the venue that exposed them
        // (their home commune when a Bluetooth encounter did).
        var venueCommunes = world.Province.Venues.ToDictionary(v => v.Id, v => v.CommuneCode, StringComparer.Ordinal);
        var book = new FollowUpBook();
        book.Open(trace.FromRecords, c => c.Venue is { } venue && venueCommunes.TryGetValue(venue, out var commune) ? commune
            : world.ResidentOf(c.Person) is >= 0 and var resident ? world.Province.Resident(resident).HomeCommune : null, world.End, "demo");
        _findings.FollowUp = book;

        Line($"Tracing: {trace.Cases.Count:N0} cases (symptoms by {VietnamTime.DateAt(world.End - Duration.FromMinutes(1)):yyyy-MM-dd}) traced to F2 in {trace.TraceTime.TotalMilliseconds:N0} ms: {score.RecordedF1:N0} F1, {score.RecordedF2:N0} F2, {trace.FromRecords.Notices.Count:N0} exposure notices");
        Line($"Against the ground truth (every true visit, same window, 15 min overlap): {score.TrueF1:N0} F1, {score.TrueF2:N0} F2");
        Line($"  F1 recall {Percent(score.F1Recall)}, precision {Percent(score.F1Precision)}; F2 recall {Percent(score.F2Recall)}, precision {Percent(score.F2Precision)}");
        Line($"  infections the cases caused: {score.InfectedByCases:N0}; found by tracing the records {score.InfectedFound:N0} ({Percent(score.InfectionRecall)}; {score.InfectedFoundAsF1:N0} as F1), by tracing every true visit {score.InfectedFoundFromTrueVisits:N0}");

        // Ranking (docs/tracing-risk.md): the F2 grown only from the riskiest F1, and what a team that calls a fixed
        // number of contacts finds calling them by score or in list order, on the same trace.
        var expanded = world.TraceOutbreakWith(TracingRule.Default, o => o with { ExpandAbove = ExpandAbove });
        _findings.ExpandedF2 = (expanded.Score.RecordedF2, expanded.FromRecords.Hops[0].Expanded);
        Line($"Ranking: {score.RecordedF2:N0} F2 grown from every F1; {expanded.Score.RecordedF2:N0} grown from the {expanded.FromRecords.Hops[0].Expanded:N0} F1 scored above {ExpandAbove} ({expanded.Score.InfectedFound:N0} infections found, against {score.InfectedFound:N0})");
        _findings.Workloads = [.. new[] { 1_000, 10_000 }.Select(calls => world.Workload(trace, calls))];
        foreach (var w in _findings.Workloads)
        {
            Line($"  calling {w.Calls:N0} of {w.Contacts:N0} contacts: {w.FoundRanked:N0} of the {w.InfectedByCases:N0} infections the cases caused by score, {w.FoundUnranked:N0} in list order; infected contacts {w.InfectedFoundRanked:N0} against {w.InfectedFoundUnranked:N0}");
        }

        // Proximity (docs/tracing-semantics.md): the same cases traced over the visits and the Bluezone users' encounters.
        var near = world.TraceOutbreak(TracingRule.Default with { Proximity = true });
        _findings.Proximity = (near.Score, near.FromRecords.Hops.Sum(h => h.ByProximity), [.. new[] { 1_000, 10_000 }.Select(calls => world.Workload(near, calls))]);
        Line($"Proximity: {world.Encounters.Count:N0} Bluetooth encounters of {world.Encounters.PersonCount:N0} Bluezone users traced with the visits: {near.Score.RecordedF1:N0} F1 (against {score.RecordedF1:N0}), {near.FromRecords.Hops.Sum(h => h.ByProximity):N0} contacts with proximity evidence; {near.Score.InfectedFound:N0} infections found ({near.Score.InfectedFoundAsF1:N0} as F1, against {score.InfectedFoundAsF1:N0})");
        foreach (var (with, without) in _findings.Proximity.Workloads.Zip(_findings.Workloads))
        {
            Line($"  calling {with.Calls:N0} by score: {with.FoundRanked:N0} of the {with.InfectedByCases:N0} with proximity, {without.FoundRanked:N0} without; in list order {with.FoundUnranked:N0} against {without.FoundUnranked:N0}");
        }

        // The same cases traced over the same days recorded with the cards kept apart, and with one key per resident.
        var identity = new List<(string Label, TracingScore Score)> { ("cards linked (as recorded)", score) };
        foreach (var (other, label) in _comparison.Skip(1).Zip(new[] { "cards apart (no linking)", "one key per resident (upper bound)" }))
        {
            identity.Add((label, other.TraceOutbreak(TracingRule.Default).Score));
        }

        _findings.Identity = identity;
        Line($"Identity linking: F1 recall {Percent(identity[0].Score.F1Recall)} with links, {Percent(identity[1].Score.F1Recall)} with the cards apart, {Percent(identity[2].Score.F1Recall)} with one key per resident (same days, same cases)");
    }
}

/// <summary>A resident and the keyed pseudonyms of their chip card, phone (app account) and insurance card.</summary>
internal readonly record struct DemoResident(SimulatedResident Resident, PersonPseudonym Pseudonym, PersonPseudonym Phone, PersonPseudonym Insurance);

/// <summary>What the demo found, for the report.</summary>
internal sealed class DemoFindings
{
    /// <summary>The province (its options, name, residents and venues).</summary>
    public SyntheticProvince Province { get; set; } = null!;

    public int SmartphoneHolders { get; set; }

    public (int Total, int Valid) VenueRegistrations { get; set; }

    public (int Total, int Valid, Dictionary<string, int> Failures) Declarations { get; set; } = (0, 0, []);

    public IReadOnlyList<(string File, string Label, bool ReadBack)> Printed { get; set; } = [];

    /// <summary>Visits that happened: every channel, the unrecorded included.</summary>
    public long TrueVisits => Channels.Sum();

    public long RecordedVisits { get; set; }

    public long[] Channels { get; set; } = new long[4];

    public IReadOnlyList<Infection> Infections { get; set; } = [];

    public IReadOnlyList<Infection> Cases { get; set; } = [];

    public TraceResult? Found { get; set; }

    public (HashSet<int> F1, HashSet<int> F2) FoundLevels { get; set; } = ([], []);

    public (HashSet<int> F1, HashSet<int> F2) IdealLevels { get; set; } = ([], []);

    /// <summary>The resident a pseudonym stands for (−1 for none).</summary>
    public Func<PersonPseudonym, int> ResidentOf { get; set; } = _ => -1;

    public TimeSpan TraceTime { get; set; }

    public TracingScore? Score { get; set; }

    /// <summary>F2 when grown only from F1 scored above the demo's threshold, and how many F1 that was.</summary>
    public (int F2, int ExpandedF1) ExpandedF2 { get; set; }

    /// <summary>Infections found calling 1,000 and 10,000 contacts, by score and in list order.</summary>
    public IReadOnlyList<WorkloadScore> Workloads { get; set; } = [];

    /// <summary>The contacts' follow-up, opened from the trace at its end.</summary>
    public FollowUpBook? FollowUp { get; set; }

    /// <summary>The trace with Bluezone encounters too: its score, the contacts with proximity evidence, and the workloads of <see cref="Workloads"/>.</summary>
    public (TracingScore? Score, int ByProximity, IReadOnlyList<WorkloadScore> Workloads) Proximity { get; set; } = (null, 0, []);

    /// <summary>The trace's score with the records' identities linked, kept apart, and one key per resident.</summary>
    public IReadOnlyList<(string Label, TracingScore Score)> Identity { get; set; } = [];

    public IReadOnlyList<(string Title, TimeSpan Elapsed)> Timings { get; set; } = [];

    private Dictionary<string, string>? _venueNames;

    /// <summary>A venue's name by its id (the id itself when unknown).</summary>
    public string VenueName(string id)
    {
        _venueNames ??= Province.Venues.ToDictionary(v => v.Id, v => v.Name, StringComparer.Ordinal);
        return _venueNames.GetValueOrDefault(id, id);
    }
}
