using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Cli.Commands;

/// <summary>
/// <c>checkin demo</c>: the README's main job. Runs what the libraries can do today, end to end, on embedded
/// defaults: reads every national code, signs and verifies a venue code, builds visits from check-in events,
/// indexes them and traces a case.
/// </summary>
public static class DemoCommand
{
    private static readonly Instant Day0 = Instant.FromUtc(2021, 9, 1, 0, 0);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var residents = new Option<int>("--residents") { Description = "Residents in the demo town.", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same output).", DefaultValueFactory = _ => 2021 };
        var command = new Command("demo", "Run the end-to-end demonstration of the CheckIn libraries on embedded defaults.") { residents, seed };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(residents);
            if (count is < 10 or > 2_000_000)
            {
                error.WriteLine("--residents must be between 10 and 2,000,000.");
                return ExitCodes.Usage;
            }

            return Run(output, count, parse.GetValue(seed));
        });
        return command;
    }

    private static int Run(TextWriter output, int residents, int seed)
    {
        output.WriteLine("CheckIn demo");
        output.WriteLine($"  CheckIn.Core    {VersionOf(typeof(PayloadReader).Assembly)}");
        output.WriteLine($"  CheckIn.Tracing {VersionOf(typeof(ContactTracer).Assembly)}");
        output.WriteLine();

        ReadNationalCodes(output);
        var (venueUrl, verified) = SignVenueCode();
        output.WriteLine("CheckIn signed venue code (ECDSA P-256, fits a version 7-M QR code):");
        output.WriteLine($"  {venueUrl[..60]}… ({venueUrl.Length} characters), signature {verified}");
        output.WriteLine();

        Trace(output, residents, seed);
        return ExitCodes.Success;
    }

    private static void ReadNationalCodes(TextWriter output)
    {
        string Hex(string text) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));
        string[] scans =
        [
            "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||\r\n",
            string.Join('|', "HS4010120878811", Hex("Nguyễn Văn An"), "15/08/2008", "1", "-", "46 - 123", "01/01/2021", "31/12/2021", "01/01/2021", "46010120878811", "-", "4", "-", "a1b2c3d4e5f60718-1234", "$"),
            "******123456|NGUYEN VAN A|1990-**-**|1|QID8F3K2M9X|1<GD4877*******<0943******",
            "https://tokhaiyte.vn/?groupId=5f8a1c2b3d4e5f6a7b8c9d0e&page=Group.checkin",
            "001090123456|012345678|NGUYEN VAN A|31021990|Nam|Phường Bến Nghé|15042021",
        ];
        output.WriteLine("Scanned codes read by PayloadReader (personal data masked):");
        foreach (var scan in scans)
        {
            var result = PayloadReader.Read(scan);
            output.WriteLine(result.TryGetValue(out var payload)
                ? $"  {payload}{(payload.Quirks == PayloadQuirks.None ? string.Empty : $" [repaired: {payload.Quirks}]")}"
                : $"  rejected: {result.Error.Code} at field {result.Error.FieldIndex}, position {result.Error.Position}");
        }

        output.WriteLine();
    }

    private static (string Url, SignatureStatus Status) SignVenueCode()
    {
        // A demo key made for this run; a deployment keeps its private key in a vault and publishes the public one.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new CheckInSigner(key, 1, "https://checkin.example.vn/c/");
        var url = signer.SignVenue(CheckInSigner.NewSubjectKey(), 46, VenueKind.Market, Day0).ToText();
        var ring = new SigningKeyRing([KeyValuePair.Create((ushort)1, signer.ExportPublicKey())]);
        var read = PayloadReader.Read(url, new PayloadReaderOptions { VerificationKeys = ring });
        return (url, ((SignedVenuePayload)read.Value).SignatureStatus);
    }

    private static void Trace(TextWriter output, int residents, int seed)
    {
        var random = new Random(seed);
        var pseudonymizer = new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32));
        var people = Enumerable.Range(0, residents)
            .Select(i => pseudonymizer.Pseudonymize("046" + (i % 2 == 0 ? "0" : "1") + (60 + (i % 40)).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
        var venueCount = Math.Max(10, residents / 100);
        var kinds = Enum.GetValues<VenueKind>().Where(k => k != VenueKind.Unspecified).ToArray();
        var venues = Enumerable.Range(0, venueCount).Select(v => (Id: $"venue-{v:D5}", Kind: kinds[v % kinds.Length])).ToArray();

        // Check-in events over 7 days: a few stops a day per person, busy venues busier; a third never check out.
        var stopwatch = Stopwatch.StartNew();
        var events = new List<CheckInEvent>();
        for (var day = 0; day < 7; day++)
        {
            foreach (var person in people)
            {
                var time = Day0 + Duration.FromDays(day) + Duration.FromHours(6 + random.Next(4));
                for (var stop = random.Next(1, 4); stop > 0; stop--)
                {
                    var u = random.NextDouble();
                    var venue = venues[(int)(venueCount * u * u)];
                    var stay = Duration.FromMinutes(random.Next(10, 120));
                    events.Add(new CheckInEvent(person, venue.Id, venue.Kind, time, CheckInEventKind.CheckIn));
                    if (random.Next(3) != 0)
                    {
                        events.Add(new CheckInEvent(person, venue.Id, venue.Kind, time + stay, CheckInEventKind.CheckOut));
                    }

                    time += stay + Duration.FromMinutes(random.Next(5, 90));
                }
            }
        }

        var built = new VisitBuilder().Build(events);
        var buildVisits = stopwatch.Elapsed;
        stopwatch.Restart();
        var store = new VisitStore();
        store.AddRange(built.Visits);
        var snapshot = store.Flush();
        var index = stopwatch.Elapsed;
        stopwatch.Restart();
        var cases = people.Take(3).Select(p => TraceCase.FromOnset(p, Day0 + Duration.FromDays(3), Day0 + Duration.FromDays(6))).ToList();
        var result = new ContactTracer(snapshot).Trace(cases, new ContactTracerOptions { AsOf = Day0 + Duration.FromDays(7), Linger = Duration.FromMinutes(30) });
        var trace = stopwatch.Elapsed;

        output.WriteLine($"A town of {residents:N0} residents and {venueCount:N0} venues over 7 days (seed {seed}):");
        var rejected = built.Rejected.Count == 0 ? "none" : string.Join(", ", built.Rejected.GroupBy(r => r.Reason).Select(g => $"{g.Key} {g.Count():N0}"));
        output.WriteLine($"  {events.Count:N0} check-in events → {built.Visits.Count:N0} visits in {buildVisits.TotalMilliseconds:N0} ms; events not used: {rejected}");
        output.WriteLine($"  indexed in {index.TotalMilliseconds:N0} ms, {snapshot.BytesHeld / (double)snapshot.Count:F1} bytes per visit");
        output.WriteLine($"  3 cases traced to F2 in {trace.TotalMilliseconds:N1} ms: {result.AtLevel(1).Count():N0} F1, {result.AtLevel(2).Count():N0} F2, {result.Notices.Count:N0} exposure notices");
        if (result.Contacts.Count > 0)
        {
            var f2 = result.AtLevel(2).FirstOrDefault() ?? result.Contacts[0];
            output.WriteLine("  one chain of evidence (pseudonyms shortened):");
            foreach (var link in result.ChainOf(f2.Person))
            {
                output.WriteLine($"    F{link.Level} {Short(link.Person)} ← {Short(link.Source)} at {link.Venue}, {link.ExposedAt:yyyy-MM-dd HH:mm}, {link.Overlap.TotalMinutes:N0} min");
            }
        }

        var matcher = new ExposureMatcher(result.Notices, ContactTracerOptions.Default.MinOverlap);
        var caseSet = cases.Select(c => c.Person).ToHashSet();
        var notified = people.Count(p => !caseSet.Contains(p) && matcher.Match(snapshot.VisitsOf(p)).Count > 0);
        output.WriteLine($"  residents (not cases) whose own phone matches a published notice: {notified:N0} (the F1 count, by design)");
    }

    private static string Short(PersonPseudonym person) => person.ToString()[..8];

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
