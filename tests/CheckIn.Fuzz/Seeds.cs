using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using CheckIn.Core.Tests.Support;
using CheckIn.Declarations;
using CheckIn.Declarations.Tests;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Printing;
using CheckIn.Simulation;
using CheckIn.Tracing.Notices;
using NodaTime;

namespace CheckIn.Fuzz;

/// <summary>Writes the seed corpus: a few small valid inputs per target, made by the library itself (committed under corpus/).</summary>
internal static class Seeds
{
    public static void Write(string folder)
    {
        var signer = new CheckInSigner(FuzzTargets.SigningKey, 1, "https://checkin.example.vn/c/");
        var issued = Instant.FromUtc(2025, 6, 1, 0, 0);
        var venue = signer.SignVenue(0x0123456789abcdef, 46, VenueKind.Market, issued, issued + Duration.FromDays(365), 7).ToText();
        var person = signer.SignPerson(42, 1, issued).ToText();
        var oldKey = new CheckInSigner(FuzzTargets.SigningKey, 2, "https://qr.hue.vn/").SignVenue(5, 46, VenueKind.School, Instant.FromUtc(2023, 1, 1, 0, 0)).ToText();

        Text(folder, "payload", Samples.CitizenCard2021, Samples.CitizenCard2024, Samples.CitizenCardNoOldId, Samples.PersonalQr, Samples.PersonalQrMasked,
            Samples.PersonalQrPassport, Samples.TokhaiyteVenue, Samples.HealthInsurance15, Samples.HealthInsurance17, venue, person);
        Text(folder, "signed", venue, person, oldKey, "\uFEFF" + venue + "\r\n");

        using var ring = new SigningKeyRing(
            [new TrustedSigningKey(1, FuzzTargets.SigningKey.ExportSubjectPublicKeyInfo()) { NotBefore = issued, NotAfter = issued + Duration.FromDays(900), Subjects = SignedSubjects.Venue | SignedSubjects.Notices }],
            [new RevokedCode(1, 41)]);
        Text(folder, "trustlist", TrustList.Write(ring));

        var symbol = Smallest(venue);
        var small = Smallest("HTTPS://QR.HUE.VN/C/1");
        Bytes(folder, "png", ("qr.png", small.ToPng()), ("gradient.png", PngWriter.Write(Gradient(16, 9))));
        Bytes(folder, "pnm", ("gray.pgm", Pgm(Gradient(12, 7))), ("ascii.pgm", Encoding.ASCII.GetBytes("P2\n3 2\n255\n0 128 255\n255 128 0\n")),
            ("colour.ppm", Encoding.ASCII.GetBytes("P3\n2 1\n255\n255 0 0 0 0 255\n")));
        Bytes(folder, "qr", ("venue.png", symbol.ToPng()), ("small.pgm", Pgm(small.ToImage())));

        var json = DeclarationSamples.All.Select(DeclarationJson.Write).ToArray();
        Text(folder, "declaration", json);

        Text(folder, "visitscsv",
            "person,venue,check_in,check_out\nP1,V1,2021-09-20T08:00:00Z,2021-09-20T09:00:00Z\nP2,V1,2021-09-20T08:30:00Z,2021-09-20T10:00:00Z\n",
            "person,venue,check_in,check_out\r\n\"0912 345 678\",\"Chợ, Đông Ba\",2021-09-20T08:00:00+07:00,\r\n",
            "person,venue,check_in,check_out,closure\nP1,V1,2021-09-20T08:00:00Z,2021-09-20T09:00:00Z,DefaultLength\nP2,V1,2021-09-20T08:30:00Z,2021-09-20T10:00:00Z,\n");

        Text(folder, "eventscsv",
            "id_kind,id,venue,event,at,channel\ncccd,001090123456,V1,in,2021-09-01T08:00:00+07:00,staff\ncccd,001090123456,V1,out,2021-09-01T02:00:00Z,\nphone,0912345678,\"Chợ, Đông Ba\",in,2021-09-01T03:00:00Z,app\n",
            "id_kind,id,venue,event,at\nbhyt,HS4010120878811,V2,in,2021-09-01T01:00:00Z\npaper,P-1,V2,in,2021-09-01T01:02:00Z\nbhyt,HS4010120878811,V2,out,2021-09-01T00:59:00Z\n");

        Text(folder, "linkscsv",
            "id_kind,id,id_kind2,id2\ncccd,046090001234,cmnd,191234567\ncccd,046090001234,phone,+84 912 345 678\nbhyt,DN4797915123456,qid,abc123\n",
            "id_kind,id,id_kind2,id2\r\npaper,\"NGUYEN, AN|0912345678\",phone,0912345678\r\n");

        Text(folder, "venuescsv",
            "venue,kind,commune,name\nV1,market,00001,\"Chợ, Đông Ba\"\nV2,place_of_worship,,\nV3,,,\n",
            "venue,kind\ntokhaiyte:5f8a,School\n");

        Text(folder, "encounterscsv",
            "person,other,start,minutes,distance\nP1,P2,2021-09-20T08:00:00Z,20,close\nP2,P3,2021-09-20T08:10:00Z,5.5,1.8\nP1,P2,2021-09-20T08:00:00Z,20,close\n",
            "person,other,start,minutes,distance\r\n\"0912 345 678\",P9,2021-09-20T23:50:00Z,1440,far\r\nP9,P8,2021-09-21T00:00:00Z,0.5,medium\r\n");

        Text(folder, "followupjson",
            """[{"person":"0912345678","level":1,"lastExposure":"2021-09-01","commune":19753,"state":"tested-negative","protection":"fully-protected","quarantineUntil":"2021-09-07","testsDue":["2021-09-07"],"history":[{"at":"2021-09-01T13:00:00Z","by":"tracer-1","from":"identified","to":"identified","note":"opened"},{"at":"2021-09-01T14:00:00Z","by":"tracer-1","from":"identified","to":"quarantined"},{"at":"2021-09-03T02:00:00Z","by":"lab","from":"quarantined","to":"tested-negative","note":"negative"}]},{"person":"cccd:046090001234","level":2,"lastExposure":"2021-09-02","state":"identified","protection":"unknown","testsDue":[],"history":[{"at":"2021-09-02T13:00:00Z","by":"trace","from":"identified","to":"identified"}]}]""",
            "[]");

        Text(folder, "paperlog", "nguyen thi my hanh\n0912 345 678", "Tran Van Binh\n0912354678", "Võ Thị Em\n+84912345678", "\n");

        using (var stream = new MemoryStream())
        {
            SimulationFiles.WriteBinary(new ProvinceSimulation(SyntheticProvince.Generate(SimulationOptions.Default with { Residents = 30, Days = 1, Seed = 3 })), stream);
            Bytes(folder, "simulation", ("tiny.cksim", stream.ToArray()));
        }

        var windows = new[]
        {
            new ExposureNotice("V-HUE-0001", Instant.FromUtc(2025, 9, 20, 1, 0), Instant.FromUtc(2025, 9, 20, 2, 0)),
            new ExposureNotice("Chợ Đông Ba", Instant.FromUtc(2025, 9, 20, 3, 0), Instant.FromUtc(2025, 9, 20, 5, 30)),
        };
        Text(folder, "base45", "QED8WEX0", "%69 VD92EX0", CheckIn.Core.Text.Base45.Encode(Encoding.UTF8.GetBytes(venue)), "BB8");
        Dcc(folder);
        Text(folder, "venueprofilecsv", CheckIn.Compliance.VenueProfileCsvReader.Header + "\nV1,market,19901,\"Chợ Đông Ba, Huế\",850,\nV2,office,,UBND,40.5,sat sun\n",
            "venue\nV9\n", "venue,kind,commune\nV1,school,00097\n");
        Bytes(folder, "notices", ("two.cknote", ExposureNoticePackage.Sign(FuzzTargets.SigningKey, 1, windows, Instant.FromUtc(2025, 9, 21, 0, 0))),
            ("empty.cknote", ExposureNoticePackage.Sign(FuzzTargets.SigningKey, 1, [], Instant.FromUtc(2025, 9, 21, 0, 0))));
    }

    /// <summary>The code at the smallest whole-dot size the printer rules allow at 100 dpi (small seeds fuzz faster).</summary>
    /// <summary>DCC seeds signed with the fuzz key: the three certificate types as text, and one as its decompressed COSE bytes.</summary>
    private static void Dcc(string folder)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(FuzzTargets.FuzzKeyPem);
        using var certificate = X509Certificate2.CreateFromPem(FuzzTargets.FuzzDscPem).CopyWithPrivateKey(key);
        using var issuer = new DccIssuer(certificate);
        var name = new DccName("Trần", "TRAN", "Thị Bích", "THI<BICH");
        var issued = FuzzTargets.DccNow - Duration.FromDays(1);
        var expires = FuzzTargets.DccNow + Duration.FromDays(365);
        var texts = new[]
        {
            issuer.Issue(new DigitalCovidCertificate("1.3.0", name, new DccDateOfBirth(1985, 7, 2), new DccVaccination("840539006", "1119349007", "EU/1/20/1528",
                "ORG-100030215", 3, 2, new LocalDate(2027, 1, 10), "VN", "Ministry of Health of Viet Nam", "URN:UVCI:01:VN:FUZZ/V1")), "VN", issued, expires),
            issuer.Issue(new DigitalCovidCertificate("1.3.0", name, new DccDateOfBirth(1985, 7, null), new DccTest("840539006", "LP217198-3", null, "1232",
                FuzzTargets.DccNow - Duration.FromHours(5), DccTest.NotDetected, null, "VN", "Ministry of Health of Viet Nam", "URN:UVCI:01:VN:FUZZ/T1")), "VN", issued, expires),
            issuer.Issue(new DigitalCovidCertificate("1.3.0", name, new DccDateOfBirth(1985, null, null), new DccRecovery("840539006", new LocalDate(2027, 3, 1), "VN",
                "Ministry of Health of Viet Nam", new LocalDate(2027, 3, 12), new LocalDate(2027, 8, 28), "URN:UVCI:01:VN:FUZZ/R1")), "VN", issued, expires),
        };
        Text(folder, "dcc", texts);
        var zlib = CheckIn.Core.Text.Base45.Decode(texts[0].AsSpan(4)).GetValueOrThrow();
        using var input = new MemoryStream(zlib);
        using var inflater = new System.IO.Compression.ZLibStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var cose = new MemoryStream();
        inflater.CopyTo(cose);
        Bytes(folder, "dcc", ("cose-00.bin", cose.ToArray()));
    }

    private static QrSymbol Smallest(string text)
    {
        for (var centimetres = 1.0; ; centimetres += 0.25)
        {
            if (QrSymbol.Encode(text, new QrPrintOptions { SymbolCentimetres = centimetres, DotsPerInch = 100, ScanDistanceMetres = 0.1 }).TryGetValue(out var symbol))
            {
                return symbol;
            }
        }
    }

    private static LuminanceImage Gradient(int width, int height)
    {
        var image = LuminanceImage.White(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image.Pixels[(y * width) + x] = (byte)((x * 255 / (width - 1) + (y * 20)) % 256);
            }
        }

        return image;
    }

    private static byte[] Pgm(LuminanceImage image) =>
        [.. Encoding.ASCII.GetBytes($"P5\n{image.Width} {image.Height}\n255\n"), .. image.Pixels];

    private static void Text(string folder, string target, params string[] texts) =>
        Bytes(folder, target, [.. texts.Select((t, i) => ($"seed-{i:D2}.txt", Encoding.UTF8.GetBytes(t)))]);

    private static void Bytes(string folder, string target, params (string Name, byte[] Data)[] files)
    {
        var directory = Directory.CreateDirectory(Path.Combine(folder, target));
        foreach (var (name, data) in files)
        {
            File.WriteAllBytes(Path.Combine(directory.FullName, name), data);
        }
    }
}
