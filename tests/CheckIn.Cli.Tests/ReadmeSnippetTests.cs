using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CheckIn.Checkpoints;
using CheckIn.Compliance;
using CheckIn.Core;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using CheckIn.Declarations;
using CheckIn.Qr;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Printing;
using CheckIn.Qr.Skia;
using CheckIn.Simulation;
using CheckIn.Testing;
using CheckIn.Tracing;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Cli.Tests;

/// <summary>
/// Every C# snippet in README.md is a region of this file, compiled with the tests and run by them; a test
/// checks the README text equals the region, so the README can never show code that does not work.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    [Fact]
    public void ReadPayload_ValidAndInvalid_PrintsMaskedPayloadOrCode()
    {
        Assert.StartsWith("CitizenCard { idNumber = **********56, oldIdNumber = *******56, fullName = T*** T** B", ReadPayload("079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||"), StringComparison.Ordinal);
        Assert.Equal("CitizenCard.DateOfBirth", ReadPayload("001090123456|012345678|A|31021990|Nam|X|15042021"));
    }

    [Fact]
    public void SignVenue_VerifiesWithRing()
    {
        var (url, verified, genuine) = SignVenue();
        Assert.StartsWith("HTTPS://CHECKIN.EXAMPLE.VN/C/EEAA", url, StringComparison.Ordinal);
        Assert.Equal(178, url.Length);
        Assert.Equal(SignatureStatus.Valid, ((SignedVenuePayload)verified.Value).SignatureStatus);
        Assert.True(genuine);
    }

    [Fact]
    public void VaccinePassport_IssuedReadVerifiedAndSummarized()
    {
        var (hc1, lines) = VaccinePassport();
        Assert.StartsWith("HC1:", hc1, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Name == "Chữ ký" && l.Value == "Đã xác minh (VN)");
        Assert.Contains(lines, l => l.Name == "Mũi" && l.Value == "2/2");
        Assert.Contains(lines, l => l.Name == "Họ tên" && l.Value == Redaction.MaskName("Nguyễn Văn An"));
    }

    [Fact]
    public void CheckpointPass_AnswersAsCommented()
    {
        var (outcome, line) = CheckpointPass(Instant.FromUtc(2021, 12, 15, 3, 0));
        Assert.Equal(PassOutcome.Pass, outcome);
        Assert.Equal("PASS: Identity checked; Fully vaccinated long enough ago; Health declaration made in time", line);
    }

    [Fact]
    public void VenueCompliance_AVenueThatStopsRecordingIsRecommendedForSuspension()
    {
        var start = new LocalDate(2021, 9, 6);
        var checkIns = Enumerable.Range(0, 14).SelectMany(d => Enumerable.Range(0, d < 3 ? 35 : 5).Select(i => new VenueCheckIn("V1",
            VietnamTime.Zone.AtStartOfDay(start.PlusDays(d)).ToInstant() + Duration.FromHours(10) + Duration.FromMinutes(i), Tracing.Csv.EventChannel.App))).ToList();
        var (summary, csv) = VenueComplianceSnippet(checkIns, new DateInterval(start, start.PlusDays(13)), []);
        Assert.Equal(VenueStatus.SuspensionRecommended, summary.Status);
        Assert.Contains("V1,Quán Hoa,19901,Restaurant,Unsafe,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Places_AnswersAsCommented()
    {
        var (hanoi, validity, successors) = Places();
        Assert.Equal("Thành phố Hà Nội (01)", hanoi.ToString());
        Assert.Equal(UnitValidity.NotInForce, validity);
        var row = Assert.Single(successors);
        Assert.Equal("Phường Hồng Hà (00097)", row.NewCommune.ToString());
        Assert.True(row.IsWhole);
    }

    [Fact]
    public void Pseudonymize_Runs() => Assert.Matches("^[0-9a-f]{32}$", Pseudonymize(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).ToString());

    [Fact]
    public void Trace_FindsTheMarketContact()
    {
        var key = new PersonPseudonymizer("readme-snippet-test-key-of-32-bytes!!"u8).Pseudonymize("001090123456");
        var other = new PersonPseudonymizer("readme-snippet-test-key-of-32-bytes!!"u8).Pseudonymize("079301000456");
        var at = Instant.FromUtc(2021, 9, 1, 8, 0);
        CheckInEvent Event(PersonPseudonym p, Instant when, CheckInEventKind kind) => new(p, "Chợ Đông Ba", VenueKind.Market, when, kind);
        var events = new[]
        {
            Event(key, at, CheckInEventKind.CheckIn),
            Event(key, at + Duration.FromHours(1), CheckInEventKind.CheckOut),
            Event(other, at + Duration.FromMinutes(40), CheckInEventKind.CheckIn),
        };
        var printed = Trace(events, key, at + Duration.FromDays(1), at + Duration.FromDays(3));
        Assert.Equal($"F1 at Chợ Đông Ba from {at + Duration.FromMinutes(40)}, exposed by {key}", printed);
    }

    [Fact]
    public void ValidateDeclaration_PrintsTheCodedFailure()
    {
        const string Json = "{\"kind\":\"paper-log\",\"venueId\":\"v1\",\"fullName\":\"Lê Văn Cường\",\"phone\":\"0912345678\",\"checkIn\":\"2021-09-01T01:00:00Z\",\"checkOut\":\"2021-09-01T00:00:00Z\",\"writtenBy\":\"Lan\"}";
        Assert.Equal("Time.EndBeforeStart  checkOut  The end must be after the start", ValidateDeclaration(Json));
        Assert.StartsWith("Json.Malformed", ValidateDeclaration("{"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate-declaration")]
    [InlineData("trace")]
    [InlineData("read-payload")]
    [InlineData("sign-venue")]
    [InlineData("vaccine-passport")]
    [InlineData("checkpoint-pass")]
    [InlineData("venue-compliance")]
    [InlineData("places")]
    [InlineData("pseudonymize")]
    [InlineData("print-poster")]
    [InlineData("read-image")]
    [InlineData("simulate")]
    [InlineData("study")]
    [InlineData("record-live")]
    public void Readme_SnippetText_EqualsCompiledRegion(string name)
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        var inReadme = Regex.Match(readme, $@"<!-- snippet: {Regex.Escape(name)} -->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(inReadme.Success, $"README.md has no snippet '{name}'.");
        var source = File.ReadAllText(RepositoryRoot.Combine("tests", "CheckIn.Cli.Tests", "ReadmeSnippetTests.cs"));
        var inSource = Regex.Match(source, $@"#region snippet:{Regex.Escape(name)}\n(?<code>.*?)\s*#endregion", RegexOptions.Singleline);
        Assert.True(inSource.Success, $"No region snippet:{name} here.");
        Assert.Equal(Normalize(inSource.Groups["code"].Value), Normalize(inReadme.Groups["code"].Value));
    }

    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string ReadPayload(string scannedText)
    {
        using var console = Console.Capture();
        #region snippet:read-payload
        var result = PayloadReader.Read(scannedText);
        if (result.TryGetValue(out var payload))
            Console.WriteLine(payload);           // CitizenCard { idNumber = **********56, fullName = T*** T** B, ... }
        else
            Console.WriteLine(result.Error.Code); // a stable code such as CitizenCard.DateOfBirth, with field and position
        #endregion
        return console.Text.Trim();
    }

    private static (string Url, CheckIn.Core.Result<CheckInPayload> Verified, bool Genuine) SignVenue()
    {
        #region snippet:sign-venue
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new CheckInSigner(key, keyId: 1, baseUrl: "https://checkin.example.vn/c/");
        var venue = signer.SignVenue(CheckInSigner.NewSubjectKey(), provinceCode: 46, VenueKind.Market, SystemClock.Instance.GetCurrentInstant());
        string url = venue.ToText(); // HTTPS://CHECKIN.EXAMPLE.VN/C/EEAA…: 178 characters, a version 7-M QR code
        var keys = new SigningKeyRing([new TrustedSigningKey(1, signer.ExportPublicKey())]); // or TrustList.Read(jwks)
        var verified = PayloadReader.Read(url, new PayloadReaderOptions { VerificationKeys = keys, TrustedHosts = ["checkin.example.vn"] });
        bool genuine = verified.Value is SignedPayload { IsVerified: true }; // moved, altered, expired or revoked codes fail with their own code
        #endregion
        return (url, verified, genuine);
    }

    private static (string Hc1, IReadOnlyList<PayloadField> Lines) VaccinePassport()
    {
        #region snippet:vaccine-passport
        var now = SystemClock.Instance.GetCurrentInstant();
        using var issuer = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.ES256, now - Duration.FromDays(30), now + Duration.FromDays(730));
        var certificate = new DigitalCovidCertificate("1.3.0", new DccName("Nguyễn", "NGUYEN", "Văn An", "VAN<AN"), new DccDateOfBirth(1990, 5, 17),
            new DccVaccination("840539006", "J07BX03", "EU/1/21/1529", "ORG-100001699", doseNumber: 2, totalDoses: 2, new LocalDate(2021, 10, 1),
                "VN", "Ministry of Health of Viet Nam", "URN:UVCI:01:VN:BYT/0123456789AB"));
        string hc1 = issuer.Issue(certificate, "VN", issuedAt: now, expiresAt: now + Duration.FromDays(365)); // "HC1:6BF…"
        var trust = new DccTrustList([issuer.TrustedCertificate]); // or DccTrustList.Read(gatewayJson), DccTrustList.ReadPem(pem)
        var read = PayloadReader.Read(hc1, new PayloadReaderOptions { DccTrustList = trust });
        IReadOnlyList<PayloadField> lines = read.TryGetValue(out var payload) && payload is DccPayload { SignatureStatus: SignatureStatus.Valid } passport
            ? DccSummary.Lines(passport, MessageLanguage.Vietnamese) // Chứng nhận: Tiêm chủng · Chữ ký: Đã xác minh (VN) · Vắc xin: Vaxzevria (AstraZeneca) · Mũi: 2/2 …
            : [];                                                    // altered, expired or untrusted: read.Error.Code is a Dcc.* code
        #endregion
        return (hc1, lines);
    }

    private static (PassOutcome Outcome, string Line) CheckpointPass(Instant at)
    {
        #region snippet:checkpoint-pass
        var card = PayloadReader.Read("079090001234||Nguyễn Văn An|17051990|Nam|Huế|01012021").Value; // scanned at the checkpoint
        var evidence = new List<PassEvidence>(PassEvidence.FromPayload(card)); // a vaccine passport gives its holder and its entry
        evidence.Add(new VaccinationEvidence(new LocalDate(2021, 10, 1), 2, 2, null, EvidenceSource.Registry, Verified: true));
        evidence.Add(new DeclarationEvidence(at - Duration.FromHours(3), HasSymptoms: false, HasExposure: false, EvidenceSource.Registry, Verified: true));
        var policy = PassPolicy.Default with { PcrValidity = Duration.FromHours(48) }; // every rule is an option with a documented default
        var decision = policy.Decide(evidence, at);
        string line = decision.Describe(MessageLanguage.English); // PASS: Identity checked; Fully vaccinated long enough ago; Health declaration made in time
        #endregion
        return (decision.Outcome, line);
    }

    private static (VenueComplianceSummary Summary, string Csv) VenueComplianceSnippet(List<VenueCheckIn> checkIns, DateInterval twoWeeks,
        List<VenueSafetyCheck> safetyChecks)
    {
        #region snippet:venue-compliance
        var profiles = new[] { new VenueProfile("V1", "Quán Hoa", CommuneCode: 19901, VenueKind.Restaurant, ExpectedDailyCheckIns: 40) };
        var report = VenueCompliance.Evaluate(checkIns, profiles, twoWeeks); // the store's check-ins: venue, time, channel
        VenueComplianceSummary quanHoa = report.Venues[0]; // Status, Share, AppShare/StaffShare/PaperShare, Warnings, SuspensionRecommendedOn
        var map = SafetyMap.AssessAll(report, safetyChecks, today: twoWeeks.End); // safe, needs attention or unsafe, with reasons
        using var csv = new StringWriter();
        SafetyMap.WriteCsv(csv, map); // or SafetyMap.WriteJson: one row per venue with its commune code
        #endregion
        return (quanHoa, csv.ToString());
    }

    private static (AdministrativeUnit Hanoi, UnitValidity Validity, IReadOnlyList<CommuneSuccession> Successors) Places()
    {
        #region snippet:places
        var units = AdministrativeUnits.Default;
        var hanoi = units.Search("ha noi", AdministrativeEra.Legacy)[0];          // Thành phố Hà Nội (01)
        var validity = units.CheckCommune(1, new LocalDate(2025, 7, 1));           // NotInForce: Phúc Xá was merged
        var successors = units.SuccessorsOf(1);                                    // → Phường Hồng Hà (00097), whole
        #endregion
        return (hanoi, validity, successors);
    }

    private static string ValidateDeclaration(string json)
    {
        using var console = Console.Capture();
        #region snippet:validate-declaration
        var read = DeclarationJson.Read(json);                      // coded failures for malformed JSON, never an exception
        var validator = new DeclarationValidator();                  // build once, reuse: thread-safe
        var failures = read.Document is { } document ? validator.Validate(document).Failures : read.Failures;
        foreach (var failure in failures)                          // CheckInError: a stable code, where, and a message per language
            Console.WriteLine($"{failure.Code}  {failure.DescribeLocation(MessageLanguage.English)}  {failure.GetDescription(MessageLanguage.English)}");
        #endregion
        return console.Text.Trim();
    }

    private static string Trace(IEnumerable<CheckInEvent> checkInEvents, PersonPseudonym caseKey, Instant onset, Instant negativeTest)
    {
        using var console = Console.Capture();
        #region snippet:trace
        var built = new VisitBuilder().Build(checkInEvents);   // built.Rejected says why any event was not used
        var store = new VisitStore();
        store.AddRange(built.Visits);
        var tracer = new ContactTracer(store.Flush());
        var result = tracer.Trace([TraceCase.FromOnset(caseKey, onset, negativeTest)], new ContactTracerOptions { Linger = Duration.FromMinutes(30) });
        foreach (var contact in result.Contacts)               // F1 then F2, each with the source and both visits
            Console.WriteLine($"F{contact.Level} at {contact.Venue} from {contact.ExposedAt}, exposed by {contact.Source}");
        #endregion
        return console.Text.Trim();
    }

    [Fact]
    public void RecordLive_OnePersonAcrossTheirChipCardAndTheir1405Code()
    {
        var pseudonymizer = new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32));
        var venues = new CheckIn.Tracing.Venues.VenueRegistry();
        venues.Register("clinic", VenueKind.Hospital);
        var at = Instant.FromUtc(2021, 9, 1, 1, 0);
        (string, string, Instant)[] staffScans =
        [
            ("079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||", "market", at),       // chip card: new and old numbers
            ("025123456|TRAN THI B|2001-06-15|0|QID8F3K2M9X|1<HS4010120878811", "clinic", at + Duration.FromHours(3)),        // 1405 code by the old number
            ("******123456|NGUYEN VAN A|1990-**-**|1|QID8F3K2M9X|1<GD4877*******<0943******", "clinic", at + Duration.FromHours(4)),
        ];
        var store = new VisitStore();
        var printed = RecordLive(staffScans, pseudonymizer, venues, store);
        Assert.Equal("Scan.MaskedCode", printed);
        var person = pseudonymizer.Pseudonymize(CheckIn.Tracing.Privacy.IdentifierKind.CitizenId, "079301000456");
        var visits = store.Flush().VisitsOf(person);
        Assert.Equal(["market", "clinic"], visits.Select(v => v.Venue));
        Assert.Equal(Duration.FromHours(2), visits[1].Length); // a hospital's default length: no check-out was scanned
    }

    private static string RecordLive(IEnumerable<(string, string, Instant)> staffScans, PersonPseudonymizer pseudonymizer, CheckIn.Tracing.Venues.VenueRegistry venues, VisitStore store)
    {
        using var console = Console.Capture();
        #region snippet:record-live
        var recorder = new VisitRecorder();               // events one at a time; late ones within the horizon placed where they belong
        var registry = new PersonRegistry();              // identifiers seen together are one person
        foreach (var (text, venue, at) in staffScans)     // a chip card at the market, a 1405 code at the clinic…
        {
            var scan = ScanInterpreter.PersonCodeScanned(text, venue, at, CheckInEventKind.CheckIn);
            if (!scan.TryGetValue(out var scanned))
            {
                Console.WriteLine(scan.Error.Code);       // Scan.MaskedCode: a masked code is no identity
                continue;
            }

            var recordable = ScanInterpreter.ToEvent(scanned, pseudonymizer, registry, venues);
            store.Merge(recordable.Merges);               // a new link makes two people one before the next trace
            store.AddRange(recorder.Record(recordable.Event).Closed);
        }

        store.AddRange(recorder.Complete().Closed);       // at the end of the day: open visits closed by default length
        #endregion
        return console.Text.Trim();
    }

    [Fact]
    public void PrintPoster_ThenReadImage_RoundTrip()
    {
        var folder = Directory.CreateTempSubdirectory("checkin-readme-");
        try
        {
            var png = Path.Combine(folder.FullName, "poster.png");
            var svg = Path.Combine(folder.FullName, "poster.svg");
            const string Url = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";
            Assert.Equal("8-H", PrintPoster(Url, png, svg));
            Assert.StartsWith("<svg", File.ReadAllText(svg), StringComparison.Ordinal);
            Assert.Equal("8-H: TokhaiyteVenue", ReadImage(png));
            var jpg = Path.Combine(folder.FullName, "photo.jpg");
            using (var bitmap = SkiaSharp.SKBitmap.Decode(png))
            using (var jpeg = SkiaSharp.SKImage.FromBitmap(bitmap).Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 75))
            {
                File.WriteAllBytes(jpg, jpeg.ToArray());
            }

            Assert.Equal("8-H: TokhaiyteVenue", ReadImage(jpg));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string PrintPoster(string venueUrl, string pngPath, string svgPath)
    {
        using var console = Console.Capture();
        #region snippet:print-poster
        var poster = QrDocument.VenuePoster(venueUrl, new VenuePosterContent
        {
            VenueName = "Chợ Đông Ba",
            Address = "2 Trần Hưng Đạo, Phường Phú Hòa, Thành phố Huế",
        });                                                    // A4, a 15 cm code sized for scanning from 1 m
        if (poster.TryGetValue(out var page))
        {
            File.WriteAllBytes(pngPath, page.ToPng());          // 300 dpi, recorded in the file
            File.WriteAllText(svgPath, page.ToSvg());
            Console.WriteLine($"{page.Symbol.Version}-{page.Symbol.ErrorCorrectionLevel}"); // 8-H: the highest level whose modules stay ≥ 2.5 mm
        }
        #endregion
        return console.Text.Trim();
    }

    private static string ReadImage(string photoPath)
    {
        using var console = Console.Capture();
        #region snippet:read-image
        IQrImageReader reader = new ManagedQrReader();                    // or new ZXingQrReader() from CheckIn.Qr.ZXing
        var bytes = File.ReadAllBytes(photoPath);
        var image = ImageReader.Read(bytes);                              // PNG, PGM or PPM; coded errors, a pixel limit
        if (!image.Success)
            image = SkiaImageReader.Read(bytes);                          // JPEG, WebP, … through CheckIn.Qr.Skia
        foreach (var code in reader.Read(image.Value))                    // every code in the image, any rotation
            Console.WriteLine($"{code.Version}-{code.ErrorCorrectionLevel}: {PayloadReader.Read(code.Text).Value.Kind}");
        #endregion
        return console.Text.Trim();
    }

    [Fact]
    public void Simulate_StreamsDaysAndInfections()
    {
        var (visits, recorded, infections) = Simulate(SimulationOptions.Default with { Residents = 2000, Days = 4 });
        Assert.True(visits > 2000 && recorded > visits / 2 && recorded < visits);
        Assert.True(infections > SimulationOptions.Default.Outbreak!.IndexCases, "the index cases infected others");
    }

    private static (long Visits, long Recorded, int Infections) Simulate(SimulationOptions options)
    {
        #region snippet:simulate
        var province = SyntheticProvince.Generate(options);      // same options and seed, same world
        var simulation = new ProvinceSimulation(province);
        long visits = 0, recorded = 0;
        foreach (SimulatedDay day in simulation.Run())             // one day in memory at a time
        {
            visits += day.Visits.Count;                            // the ground truth: who was where, when
            recorded += day.Visits.Count(v => v.IsTraceable);      // app, card scan or a paper log that can be matched
        }

        var infections = simulation.Infections;                    // who infected whom, where and when
        #endregion
        return (visits, recorded, infections.Count);
    }

    [Fact]
    public void Study_PrintsOneLinePerScenario()
    {
        using var console = Console.Capture();
        Study(SimulationOptions.Default with { Residents = 2000, Days = 7 });
        var lines = console.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^scan 0\.\d: F1 recall [\d.,]+\s?%, precision [\d.,]+\s?%$", l.Trim()));
    }

    private static void Study(SimulationOptions world)
    {
        #region snippet:study
        var scenarios = new[] { 0.2, 0.5, 0.8 }.Select(scan => new StudyScenario(world with { ScanShare = scan }, TracingRule.Default));
        foreach (var result in TracingStudy.Run(scenarios))       // same seed: same visits and outbreak, other records
            Console.WriteLine($"scan {result.Scenario.Simulation.ScanShare}: F1 recall {result.Score.F1Recall:P1}, precision {result.Score.F1Precision:P1}");
        #endregion
    }

    private static PersonPseudonym Pseudonymize(byte[] deploymentKey)
    {
        #region snippet:pseudonymize
        var pseudonymizer = new PersonPseudonymizer(deploymentKey); // at least 32 random secret bytes
        PersonPseudonym person = pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, "079301000456");
        #endregion
        return person;
    }

    /// <summary>Stands in for System.Console inside the snippets, so they print into the test, thread-safely.</summary>
    private static class Console
    {
        private static readonly AsyncLocal<StringWriter?> Current = new();

        public static Capture Capture()
        {
            var writer = new StringWriter();
            Current.Value = writer;
            return new Capture(writer);
        }

        public static void WriteLine(object? value) => (Current.Value ?? throw new InvalidOperationException("Not capturing.")).WriteLine(value);
    }

    private sealed class Capture(StringWriter writer) : IDisposable
    {
        public string Text => writer.ToString();

        public void Dispose() => writer.Dispose();
    }
}
