using System.Security.Cryptography;
using System.Text;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Declarations;
using CheckIn.Qr;
using CheckIn.Qr.Imaging;
using CheckIn.Simulation;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Notices;
using NodaTime;
using NodaTime.Testing;

namespace CheckIn.Fuzz;

/// <summary>
/// One fuzz target per parser. Each takes any bytes and must return: a crash is an exception escaping the parser
/// (they report bad input as a coded error, never by throwing) or a broken invariant, a hang is a run past the
/// fuzzer's time limit. The same targets run under AFL++ (instrumented, <c>fuzz.sh</c>) and in-process over the
/// corpus and the regressions (the tests).
/// </summary>
public static class FuzzTargets
{
    /// <summary>The targets by name.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["payload"] = Payload,
        ["signed"] = Signed,
        ["trustlist"] = TrustListTarget,
        ["png"] = Image,
        ["pnm"] = Image,
        ["qr"] = Qr,
        ["declaration"] = Declaration,
        ["visitscsv"] = VisitsCsv,
        ["eventscsv"] = EventsCsv,
        ["linkscsv"] = LinksCsv,
        ["venuescsv"] = VenuesCsv,
        ["encounterscsv"] = EncountersCsv,
        ["followupjson"] = FollowUpJson,
        ["paperlog"] = PaperLog,
        ["simulation"] = Simulation,
        ["notices"] = Notices,
        ["base45"] = Base45Target,
        ["dcc"] = Dcc,
        ["venueprofilecsv"] = VenueProfileCsv,
    };

    /// <summary>
    /// A target that must crash: it throws when the first byte is 0xFF, which the fuzzer reaches in seconds from its
    /// seed. The campaign runs it first and fails unless a crash is found, so a broken harness (no instrumentation,
    /// exceptions swallowed) cannot report "no crashes".
    /// </summary>
    public static Action<byte[]> Canary { get; } = data =>
    {
        // Through an instrumented library first, so the fuzzer sees coverage as with the real targets.
        _ = PayloadReader.Read(Encoding.UTF8.GetString(data));
        Check(data.Length == 0 || data[0] != 0xFF, "the canary's crash (expected)");
    };

    /// <summary>A key made for fuzzing only (it signs the seeds, so mutations reach the code after verification). Never trust it.</summary>
    internal const string FuzzKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgwcPjAmnf1s1Dc8b6
        quLV6+VozyenYibfs0sOdVPa1uWhRANCAATqpqCrVLJ/c2OBBoqlspkGzAaU3kAH
        KftcA6JzH6BAH8DXOlsd6pwUC+0ARAT2p3hrtrbsY3KlEhSuJQL79rYx
        -----END PRIVATE KEY-----
        """;

    internal static readonly Instant Now = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>A document signer certificate for <see cref="FuzzKeyPem"/> (openssl, 2026-12-03, 100 years), so DCC seeds verify. Never trust it.</summary>
    internal const string FuzzDscPem = """
        -----BEGIN CERTIFICATE-----
        MIIBuDCCAV6gAwIBAgIBATAKBggqhkjOPQQDAjAyMQswCQYDVQQGEwJWTjEVMBMG
        A1UECgwMQ2hlY2tJbiBmdXp6MQwwCgYDVQQDDANEU0MwIBcNMjYxMjAzMTMyNjMy
        WhgPMjEyNjExMDkxMzI2MzJaMDIxCzAJBgNVBAYTAlZOMRUwEwYDVQQKDAxDaGVj
        a0luIGZ1enoxDDAKBgNVBAMMA0RTQzBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IA
        BOqmoKtUsn9zY4EGiqWymQbMBpTeQAcp+1wDonMfoEAfwNc6Wx3qnBQL7QBEBPan
        eGu2tuxjcqUSFK4lAvv2tjGjYzBhMB0GA1UdDgQWBBQfP8D8QP8foc9Xae3Wpm81
        AYS+ZzAfBgNVHSMEGDAWgBQfP8D8QP8foc9Xae3Wpm81AYS+ZzAPBgNVHRMBAf8E
        BTADAQH/MA4GA1UdDwEB/wQEAwIHgDAKBggqhkjOPQQDAgNIADBFAiB4SIqkcYB8
        z/3yUC4f+zwnJSOPADuQv/mh1dTjiDlVuwIhANUzNOlRhQeEsoLM1RdunEYjLvmo
        iX2Zpm4XMiJhu6KY
        -----END CERTIFICATE-----
        """;

    /// <summary>The instant the DCC target reads at: inside the fuzz certificate's validity.</summary>
    internal static readonly Instant DccNow = Instant.FromUtc(2027, 6, 1, 0, 0);

    private static readonly Lazy<PayloadReaderOptions> DccVerifying = new(() => new PayloadReaderOptions
    {
        Clock = new FakeClock(DccNow),
        DccTrustList = DccTrustList.ReadPem(FuzzDscPem).GetValueOrThrow(),
    });

    // Lazy like every value made by CheckIn code: the static constructor runs before SharpFuzz's shared memory exists,
    // and instrumented code run then fails.
    private static readonly Lazy<PayloadReaderOptions> DccUnverified = new(() => new PayloadReaderOptions { Clock = new FakeClock(DccNow) });

    private static readonly Lazy<ECDsa> Key = new(() =>
    {
        var key = ECDsa.Create();
        key.ImportFromPem(FuzzKeyPem);
        return key;
    });

    private static readonly Lazy<SigningKeyRing> Ring = new(() => new SigningKeyRing(
        [
            new TrustedSigningKey(1, Key.Value.ExportSubjectPublicKeyInfo()),
            new TrustedSigningKey(2, Key.Value.ExportSubjectPublicKeyInfo()) { NotAfter = Instant.FromUtc(2024, 1, 1, 0, 0), Subjects = SignedSubjects.Venue },
        ],
        [new RevokedCode(1, 41)]));

    internal static ECDsa SigningKey => Key.Value;

    private static void Payload(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var options = new PayloadReaderOptions { Clock = new FakeClock(Now) };
        var result = PayloadReader.Read(text, options);
        if (result.TryGetValue(out var payload))
        {
            // What a payload writes, the reader reads back as the same kind, and writes again unchanged.
            var written = payload.ToText();
            var again = PayloadReader.Read(written, options);
            Check(again.Success && again.Value.Kind == payload.Kind, "a read payload's own text does not read back");
            Check(string.Equals(again.Value.ToText(), written, StringComparison.Ordinal), "a read payload's own text reads back as another payload");
            _ = payload.ToString();
            _ = payload.GetFields();
        }
        else
        {
            Check(result.Error.Code.Contains('.', StringComparison.Ordinal), "an error without a code");
        }
    }

    private static void Signed(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var options = new PayloadReaderOptions { Clock = new FakeClock(Now), VerificationKeys = Ring.Value };
        var result = PayloadReader.Read(text, options);
        if (result.TryGetValue(out var payload) && payload is SignedPayload signed)
        {
            Check(signed.IsVerified, "a signed payload read with keys is not verified");
            if (signed.FormatVersion == 2)
            {
                // One accepted text: a verified version 2 code is exactly what it writes.
                // (A byte-order mark before it and line breaks after it are the scanner's, not the code's.)
                var scanned = text.StartsWith('\uFEFF') ? text[1..] : text;
                Check(string.Equals(signed.ToText(), scanned.TrimEnd('\r', '\n'), StringComparison.Ordinal), "a verified version 2 code has a second spelling");
            }
        }
    }

    private static void TrustListTarget(byte[] data)
    {
        var result = TrustList.Read(data);
        if (result.TryGetValue(out var ring))
        {
            var again = TrustList.Read(Encoding.UTF8.GetBytes(TrustList.Write(ring)));
            Check(again.Success && again.Value.Keys.SequenceEqual(ring.Keys), "a trust list does not survive being written");
        }
    }

    private static void Image(byte[] data)
    {
        var result = ImageReader.Read(data, new ImageReadOptions { MaxPixels = 4_000_000 });
        if (result.TryGetValue(out var image))
        {
            Check((long)image.Width * image.Height <= 4_000_000, "an image over the pixel limit");
        }
    }

    private static void Qr(byte[] data)
    {
        var image = ImageReader.Read(data, new ImageReadOptions { MaxPixels = 250_000 });
        if (image.TryGetValue(out var pixels))
        {
            foreach (var code in new ManagedQrReader().Read(pixels))
            {
                Check(code.Text is not null && code.Version is >= 1 and <= 40, "a decoded code without text or version");
            }
        }
    }

    private static void Declaration(byte[] data)
    {
        var result = DeclarationJson.Read(Encoding.UTF8.GetString(data));
        if (result.Document is { } document)
        {
            _ = new DeclarationValidator().Validate(document);
            _ = document.ToString();
            var again = DeclarationJson.Read(DeclarationJson.Write(document));
            Check(again.Document is not null, "a declaration does not survive being written");
        }
    }

    private static void VisitsCsv(byte[] data)
    {
        using var text = new StreamReader(new MemoryStream(data), Encoding.UTF8);
        var reader = new VisitCsvReader(text, new VisitCsvReaderOptions { SkipBadRecords = true });
        for (var records = 0; records < 100_000; records++)
        {
            var step = reader.Read();
            if (!step.Success || !step.Value)
            {
                return;
            }
        }
    }

    private static void EventsCsv(byte[] data)
    {
        // Events read, recorded live and completed: the reader and the recorder never throw on what a file holds.
        using var text = new StreamReader(new MemoryStream(data), Encoding.UTF8);
        var reader = new CheckInEventCsvReader(text, new VisitCsvReaderOptions { SkipBadRecords = true });
        var recorder = new CheckIn.Tracing.Visits.VisitRecorder(new CheckIn.Tracing.Visits.VisitRecorderOptions
        {
            Visits = new CheckIn.Tracing.Visits.VisitBuilderOptions { Clock = new FakeClock(Now) },
        });
        var pseudonymizer = new CheckIn.Tracing.Privacy.PersonPseudonymizer(Encoding.ASCII.GetBytes("fuzz-only pseudonymization key, never a real one"));
        ReadRecords(reader.Read, "EventCsv", () =>
        {
            var record = reader.Current;
            _ = recorder.Record(new CheckIn.Tracing.Visits.CheckInEvent(pseudonymizer.Pseudonymize(record.Kind, record.Identifier), record.Venue,
                CheckIn.Core.Places.VenueKind.Other, record.At, record.Event));
        });

        _ = recorder.Complete();
    }

    /// <summary>
    /// The record loop of the skipping CSV readers: at most 100,000 records, each good one to <paramref name="onRecord"/>;
    /// a wrong header or an unclosed quote ends the read (the readers stop there), any other bad record is passed over.
    /// </summary>
    private static void ReadRecords(Func<CheckIn.Core.Result<bool>> read, string format, Action onRecord)
    {
        for (var records = 0; records < 100_000; records++)
        {
            var step = read();
            if (step.Success && !step.Value)
            {
                return;
            }

            if (!step.Success)
            {
                if (step.Error.Code == format + ".Header" || step.Error.Code == format + ".Quote")
                {
                    return;
                }

                continue;
            }

            onRecord();
        }
    }

    // Lazy: instrumented code must not run before the fuzzer has set up its coverage map (a static initializer would).
    private static readonly Lazy<CheckIn.Tracing.Privacy.PersonPseudonymizer> LazyPseudonymizer =
        new(() => new(Encoding.ASCII.GetBytes("fuzz-only pseudonymization key, never a real one")));

    private static CheckIn.Tracing.Privacy.PersonPseudonymizer FuzzPseudonymizer => LazyPseudonymizer.Value;

    private static void LinksCsv(byte[] data)
    {
        // Links read and applied: every pair joins the registry, and each person's members resolve to one representative.
        using var text = new StreamReader(new MemoryStream(data), Encoding.UTF8);
        var reader = new PersonLinkCsvReader(text, new VisitCsvReaderOptions { SkipBadRecords = true });
        var registry = new CheckIn.Tracing.Privacy.PersonRegistry();
        ReadRecords(reader.Read, "LinkCsv", () =>
        {
            var first = FuzzPseudonymizer.Pseudonymize(reader.Current.First.Kind, reader.Current.First.Value);
            var second = FuzzPseudonymizer.Pseudonymize(reader.Current.Second.Kind, reader.Current.Second.Value);
            registry.Link(first, second);
            var members = registry.Members(second);
            if (members[0] != registry.Resolve(first) || !members.Contains(first))
            {
                throw new InvalidOperationException("A linked pair is not one person.");
            }
        });
    }

    private static void VenuesCsv(byte[] data)
    {
        using var text = new StreamReader(new MemoryStream(data), Encoding.UTF8);
        var registry = new CheckIn.Tracing.Venues.VenueRegistry();
        var reader = new VenueCsvReader(text, registry, new VisitCsvReaderOptions { SkipBadRecords = true });
        ReadRecords(reader.Read, "VenueCsv", () =>
        {
            if (registry.Find(reader.Current!.Key) is null)
            {
                throw new InvalidOperationException("A venue read is not found by its key.");
            }
        });
    }

    private static void VenueProfileCsv(byte[] data)
    {
        // Read and evaluated: every profile the reader accepts the compliance rule takes.
        using var text = new StreamReader(new MemoryStream(data), Encoding.UTF8);
        var reader = new CheckIn.Compliance.VenueProfileCsvReader(text, skipBadRecords: true);
        var profiles = new List<CheckIn.Compliance.VenueProfile>();
        ReadRecords(reader.Read, "VenueProfileCsv", () => profiles.Add(reader.Current!));
        var start = new LocalDate(2021, 9, 6);
        _ = CheckIn.Compliance.VenueCompliance.Evaluate([], profiles, new DateInterval(start, start.PlusDays(6)));
    }

    private static void EncountersCsv(byte[] data)
    {
        // Read, pseudonymized and indexed: every encounter the reader accepts the index takes (the builder throws on
        // one it would refuse), and each person's encounters come back in start order.
        using var text = new StreamReader(new MemoryStream(data), Encoding.UTF8);
        var reader = new EncounterCsvReader(text, new VisitCsvReaderOptions { SkipBadRecords = true });
        var builder = new CheckIn.Tracing.Proximity.EncounterIndex.Builder();
        var summary = reader.ReadInto(builder, new CheckIn.Tracing.Privacy.PseudonymTable(FuzzPseudonymizer));
        var index = builder.Build();
        if (summary.Success && summary.Value.Encounters > 0 && index.Count == 0)
        {
            throw new InvalidOperationException("Encounters read but none indexed.");
        }

        foreach (var person in index.Persons)
        {
            var previous = Instant.MinValue;
            foreach (var encounter in index.EncountersOf(person))
            {
                if (encounter.Start < previous || encounter.Person != person || encounter.Other == person)
                {
                    throw new InvalidOperationException("An encounter out of order or not the person's.");
                }

                previous = encounter.Start;
            }
        }
    }

    private static void FollowUpJson(byte[] data)
    {
        // A store read back is written again the same way: reading what was written gives the same bytes.
        var names = new CheckIn.Tracing.Privacy.PseudonymTable(FuzzPseudonymizer);
        var read = CheckIn.Tracing.FollowUp.FollowUpJsonReader.Read(data, names.Pseudonymize, null);
        if (!read.TryGetValue(out var book))
        {
            return;
        }

        var once = WriteFollowUp(book, names);
        var again = CheckIn.Tracing.FollowUp.FollowUpJsonReader.Read(once, names.Pseudonymize, null);
        if (!again.TryGetValue(out var reread) || !once.AsSpan().SequenceEqual(WriteFollowUp(reread, names)))
        {
            throw new InvalidOperationException("A follow-up store does not read back as written.");
        }
    }

    private static byte[] WriteFollowUp(CheckIn.Tracing.FollowUp.FollowUpBook book, CheckIn.Tracing.Privacy.PseudonymTable names)
    {
        using var stream = new MemoryStream();
        CheckIn.Tracing.FollowUp.FollowUpWriter.WriteJson(stream, book.Records, names.IdentifierOf);
        return stream.ToArray();
    }

    private static readonly Lazy<CheckIn.Tracing.Visits.PaperLogMatcher> Matcher = new(() =>
    {
        var directory = new CheckIn.Tracing.Privacy.InMemoryContactDirectory(FuzzPseudonymizer);
        directory.Add(new CheckIn.Tracing.Privacy.PersonPseudonym(0, 1), new CheckIn.Tracing.Privacy.ContactCard("Nguyễn Thị Mỹ Hạnh", CheckIn.Core.Identity.PhoneNumber.Parse("0912345678")));
        directory.Add(new CheckIn.Tracing.Privacy.PersonPseudonym(0, 2), new CheckIn.Tracing.Privacy.ContactCard("Trần Văn Bình", CheckIn.Core.Identity.PhoneNumber.Parse("0912345678")));
        return new CheckIn.Tracing.Visits.PaperLogMatcher(FuzzPseudonymizer, directory);
    });

    private static void PaperLog(byte[] data)
    {
        // A typed-in entry: the name, a line break, the phone. Any text is matched or refused with a code, never thrown on.
        var text = Encoding.UTF8.GetString(data);
        var split = text.IndexOf('\n', StringComparison.Ordinal);
        var (name, phone) = split < 0 ? (text, string.Empty) : (text[..split], text[(split + 1)..]);
        var match = Matcher.Value.MatchAsync(name, phone).AsTask().GetAwaiter().GetResult();
        if (match.Success && match.Value.Confidence is < 0 or > 1)
        {
            throw new InvalidOperationException("A confidence outside 0 to 1.");
        }
    }

    private static void Simulation(byte[] data)
    {
        var opened = SimulationFiles.OpenBinary(new MemoryStream(data));
        if (!opened.TryGetValue(out var file))
        {
            return;
        }

        var buffer = new SimulatedVisit[256];
        for (var rounds = 0; rounds < 10_000; rounds++)
        {
            var read = file.Read(buffer);
            if (!read.Success || read.Value == 0)
            {
                return;
            }
        }
    }

    private static void Notices(byte[] data)
    {
        var result = ExposureNoticePackage.Read(data, Ring.Value, new FakeClock(Now));
        if (result.TryGetValue(out var package))
        {
            _ = new ExposureMatcher(package, Duration.FromMinutes(15));
        }
    }

    private static void Base45Target(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var result = CheckIn.Core.Text.Base45.Decode(text);
        if (result.TryGetValue(out var bytes))
        {
            Check(CheckIn.Core.Text.Base45.Encode(bytes) == text, "a valid Base45 text does not encode back to itself");
        }
        else
        {
            Check(!result.Error.IsEmpty && result.Error.Position >= 0, "a Base45 error without its position");
        }
    }

    /// <summary>
    /// A vaccine passport: text starting <c>HC1:</c> as scanned; any other bytes as the decompressed COSE message, wrapped
    /// here (zlib, Base45, prefix) so mutations reach the COSE, CWT and schema readers. Read with and without the trust list.
    /// </summary>
    private static void Dcc(byte[] data)
    {
        string text;
        if (data.AsSpan().StartsWith("HC1:"u8))
        {
            text = Encoding.UTF8.GetString(data);
        }
        else
        {
            using var output = new MemoryStream();
            using (var zlib = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(data);
            }

            text = "HC1:" + CheckIn.Core.Text.Base45.Encode(output.ToArray());
        }

        foreach (var options in new[] { DccVerifying.Value, DccUnverified.Value })
        {
            var read = PayloadReader.Read(text, options);
            if (read.TryGetValue(out var payload))
            {
                var dcc = (DccPayload)payload;
                Check((dcc.SignatureStatus == SignatureStatus.Valid) == (options.DccTrustList is not null) && (dcc.Signer is not null) == (options.DccTrustList is not null),
                    "a DCC's signature status disagrees with the trust list it was read with");
                Check(PayloadReader.Read(dcc.ToText(), options).TryGetValue(out var again) && again.Equals(dcc), "a DCC does not read back from its own text");
            }
            else
            {
                Check(read.Error.Code.StartsWith("Dcc.", StringComparison.Ordinal) || read.Error.Code.StartsWith("Payload.", StringComparison.Ordinal),
                    "a DCC failed with another package's code");
            }
        }
    }

    private static void Check(bool condition, string invariant)
    {
        if (!condition)
        {
            throw new FuzzInvariantException(invariant);
        }
    }
}

/// <summary>An invariant a fuzz target checks was broken: reported to the fuzzer as a crash.</summary>
public sealed class FuzzInvariantException(string message) : Exception(message);
