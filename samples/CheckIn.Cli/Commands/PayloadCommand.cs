using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using CheckIn.Cli.Io;
using CheckIn.Core;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Cli.Commands;

/// <summary><c>checkin payload read|make|keygen</c>: read any national QR payload, and make CheckIn's signed ones.</summary>
public static class PayloadCommand
{
    internal static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // Vietnamese names and addresses stay readable in the output.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("payload", "Read national QR payloads and make CheckIn's signed ones.");
        command.Subcommands.Add(CreateRead(output, error));
        command.Subcommands.Add(CreateMake(output, error));
        command.Subcommands.Add(CreateKeygen(output, error));
        return command;
    }

    private static Command CreateRead(TextWriter output, TextWriter error)
    {
        var text = new Argument<string?>("text") { Description = "The text a scanner read (quote it).", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<FileInfo?>("--file") { Description = "Read the payload text from a file (UTF-8) instead." };
        var reveal = new Option<bool>("--reveal") { Description = "Show full ID numbers, names and dates (masked by default)." };
        var language = LanguageOption();
        var verifyKey = new Option<FileInfo?>("--verify-key") { Description = "A PEM public key that verifies CheckIn signed payloads." };
        var keyId = new Option<ushort>("--key-id") { Description = "The key id of --verify-key.", DefaultValueFactory = _ => 1 };
        var trustList = new Option<FileInfo?>("--trust-list") { Description = "A trust list: a JWK set of P-256 keys (CheckIn signed payloads), or a list of document signer certificates as the EU gateway publishes it (vaccine passports)." };
        var trustCert = new Option<FileInfo[]>("--trust-cert") { Description = "A document signer certificate (PEM or base64 DER) that verifies vaccine passports (HC1:); repeat for more." };
        var at = new Option<string?>("--at") { Description = "The instant to check validity at (ISO-8601, e.g. 2022-01-15T08:00:00Z); now when omitted." };
        var trustedHost = new Option<string[]>("--trusted-host") { Description = "A host whose signed payloads are accepted (repeat for more); any other host is refused." };
        var command = new Command("read", "Detect which national code a text is and print its fields as JSON; exit 1 when invalid (or not valid at --at), 5 when a signed code or vaccine passport was not verified (no keys or certificates given).")
        {
            text, file, reveal, language, verifyKey, keyId, trustList, trustCert, at, trustedHost,
        };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(file) is { } path ? CliFiles.ReadText(path) : parse.GetValue(text);
            if (input is null)
            {
                error.WriteLine("Give the payload text or --file.");
                return ExitCodes.Usage;
            }

            var options = PayloadReaderOptions.Default with { TrustedHosts = parse.GetValue(trustedHost) ?? [] };
            if (DccTrustFiles.At(parse.GetValue(at)) is { } instant)
            {
                options = options with { Clock = new DccTrustFiles.FixedClock(instant) };
            }

            if (options.Validate() is [var invalid, ..])
            {
                throw new CliProblem(CliProblem.Usage, $"--trusted-host: {invalid.GetMessage(MessageLanguage.English)}.");
            }

            if (parse.GetValue(verifyKey) is not null && parse.GetValue(trustList) is not null)
            {
                throw new CliProblem(CliProblem.Usage, "Give --verify-key or --trust-list, not both.");
            }

            if (parse.GetValue(verifyKey) is { } pemFile)
            {
                try
                {
                    options = options with { VerificationKeys = SigningKeyRing.FromPem([KeyValuePair.Create(parse.GetValue(keyId), CliFiles.ReadPublicKeyPem(pemFile))]) };
                }
                catch (ArgumentException)
                {
                    throw new CliProblem(CliProblem.KeyInvalid, $"{pemFile.Name}: not a PEM ECDSA P-256 public key (keygen writes one as .pub.pem).");
                }
            }

            var listFile = parse.GetValue(trustList);
            var listBytes = listFile is null ? null : CliFiles.ReadBytes(listFile, DccTrustList.MaxLength);
            if (listFile is not null && IsJwkSet(listBytes!))
            {
                var ring = TrustList.Read(listBytes);
                if (!ring.TryGetValue(out var keys))
                {
                    throw new CliProblem(CliProblem.KeyInvalid, $"{listFile.Name}: {ring.Error.Code} {ring.Error.GetMessage(MessageLanguage.English)}.");
                }

                options = options with { VerificationKeys = keys };
                listFile = null;
            }

            options = options with { DccTrustList = DccTrustFiles.Read(parse.GetValue(trustCert) ?? [], listFile, listBytes) };

            var result = PayloadReader.Read(input, options);
            if (!result.TryGetValue(out var payload))
            {
                WriteError(output, result.Error, parse.GetValue(language));
                return ExitCodes.Invalid;
            }

            output.WriteLine(PayloadJson.ToJson(payload, parse.GetValue(reveal)));
            if (payload is SignedPayload { IsVerified: false })
            {
                // Read, but nobody vouched for it: never the exit code of a verified code.
                error.WriteLine("The signature was not verified: give --trust-list or --verify-key.");
                return ExitCodes.NotVerified;
            }

            if (payload is DccPayload { SignatureStatus: SignatureStatus.NotVerified })
            {
                error.WriteLine("The vaccine passport's signature was not verified: give --trust-cert or --trust-list.");
                return ExitCodes.NotVerified;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateMake(TextWriter output, TextWriter error)
    {
        var subject = new Argument<string>("subject") { Description = "venue or personal." };
        subject.AcceptOnlyFromAmong("venue", "personal");
        var key = new Option<FileInfo>("--key") { Description = "The PEM private key (ECDSA P-256) to sign with; make one with 'checkin payload keygen'.", Required = true };
        var keyId = new Option<ushort>("--key-id") { Description = "The id verifiers know the key by.", DefaultValueFactory = _ => 1 };
        var baseUrl = new Option<string>("--base-url") { Description = "The URL prefix, ending with '/'.", DefaultValueFactory = _ => "https://checkin.example.vn/c/" };
        var province = new Option<int>("--province") { Description = "Province code (0 for none).", DefaultValueFactory = _ => 0 };
        var venueKind = new Option<VenueKind>("--kind") { Description = "The venue kind (venues only).", DefaultValueFactory = _ => VenueKind.Other };
        var subjectKey = new Option<string?>("--subject-key") { Description = "The venue's or person's key as 16 hex digits; random when omitted." };
        var issuedAt = new Option<string?>("--issued-at") { Description = "The signing time (ISO-8601 UTC, e.g. 2021-09-15T00:00:00Z); now when omitted." };
        var expiresAt = new Option<string?>("--expires-at") { Description = "When the code stops being valid (ISO-8601 UTC); never when omitted." };
        var serial = new Option<uint?>("--serial") { Description = "The code's serial (0 to 4294967295), by which it can be revoked; random when omitted." };
        var command = new Command("make", "Sign a CheckIn venue or personal payload (format version 2) and print its URL (the text to put into the QR code).")
        {
            subject, key, keyId, baseUrl, province, venueKind, subjectKey, issuedAt, expiresAt, serial,
        };
        command.SetAction(parse =>
        {
            ulong subjectKeyValue;
            if (parse.GetValue(subjectKey) is { } hex)
            {
                if (!ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out subjectKeyValue) || hex.Length != 16)
                {
                    error.WriteLine("--subject-key must be 16 hex digits.");
                    return ExitCodes.Usage;
                }
            }
            else
            {
                subjectKeyValue = CheckInSigner.NewSubjectKey();
            }

            var when = SystemClock.Instance.GetCurrentInstant();
            Instant? until = null;
            foreach (var (option, name) in new[] { (issuedAt, "--issued-at"), (expiresAt, "--expires-at") })
            {
                if (parse.GetValue(option) is not { } timeText)
                {
                    continue;
                }

                var parsed = InstantPattern.ExtendedIso.Parse(timeText);
                if (!parsed.Success)
                {
                    error.WriteLine($"{name} must be an ISO-8601 UTC instant such as 2021-09-15T00:00:00Z.");
                    return ExitCodes.Usage;
                }

                if (name == "--issued-at")
                {
                    when = parsed.Value;
                }
                else
                {
                    until = parsed.Value;
                }
            }

            var serialValue = parse.GetValue(serial) ?? CheckInSigner.NewSerial();

            using var ecdsa = CliFiles.ReadPrivateKey(parse.GetRequiredValue(key));
            try
            {
                var signer = new CheckInSigner(ecdsa, parse.GetValue(keyId), parse.GetRequiredValue(baseUrl));
                SignedPayload payload = parse.GetValue(subject) == "venue"
                    ? signer.SignVenue(subjectKeyValue, parse.GetValue(province), parse.GetValue(venueKind), when, until, serialValue)
                    : signer.SignPerson(subjectKeyValue, parse.GetValue(province), when, until, serialValue);
                output.WriteLine(payload.ToText());
                return ExitCodes.Success;
            }
            catch (ArgumentException exception)
            {
                // A base URL, province or kind the signer refuses (the message names the option, never personal data).
                error.WriteLine($"{CliProblem.Usage}  {exception.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static Command CreateKeygen(TextWriter output, TextWriter error)
    {
        var outFile = new Option<FileInfo>("--out") { Description = "Where to write the private key (PEM); the public key goes next to it as .pub.pem, and a trust list holding it as .trust.json.", Required = true };
        var keyId = new Option<ushort>("--key-id") { Description = "The key id the trust list gives the key.", DefaultValueFactory = _ => 1 };
        var command = new Command("keygen", "Create an ECDSA P-256 signing key pair for 'payload make', and a trust list for 'payload read --trust-list'.") { outFile, keyId };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(outFile).FullName;
            var publicPath = Path.ChangeExtension(path, null) + ".pub.pem";
            var trustPath = Path.ChangeExtension(path, null) + ".trust.json";
            foreach (var existing in new[] { path, publicPath, trustPath }.Where(p => File.Exists(p) || Directory.Exists(p)))
            {
                throw new CliProblem(CliProblem.KeyExists, $"{Path.GetFileName(existing)}: exists; refusing to overwrite a key.");
            }

            // The private key is created new (never over a file that appeared meanwhile), readable by its owner only.
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            CliFiles.WriteNew(path, key.ExportPkcs8PrivateKeyPem(), ownerOnly: true);
            CliFiles.WriteNew(publicPath, key.ExportSubjectPublicKeyInfoPem(), ownerOnly: false);
            using (var ring = new SigningKeyRing([new TrustedSigningKey(parse.GetValue(keyId), key.ExportSubjectPublicKeyInfo())]))
            {
                CliFiles.WriteNew(trustPath, TrustList.Write(ring), ownerOnly: false);
            }

            output.WriteLine($"private key: {path}");
            output.WriteLine($"public key:  {publicPath}");
            output.WriteLine($"trust list:  {trustPath}");
            return ExitCodes.Success;
        });
        return command;
    }

    internal static Option<MessageLanguage> LanguageOption() =>
        new("--lang")
        {
            Description = "Language of messages: vi (default) or en.",
            DefaultValueFactory = _ => MessageLanguage.Vietnamese,
            CustomParser = result => result.Tokens.Single().Value.ToLowerInvariant() switch
            {
                "vi" => MessageLanguage.Vietnamese,
                "en" => MessageLanguage.English,
                var other => Fail(result, other),
            },
        };

    private static MessageLanguage Fail(System.CommandLine.Parsing.ArgumentResult result, string value)
    {
        result.AddError($"Unknown language '{value}': use vi or en.");
        return MessageLanguage.Vietnamese;
    }

    /// <summary>True when the JSON is an object with a <c>keys</c> member (a JWK set) rather than a list of certificates.</summary>
    private static bool IsJwkSet(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("keys", out _);
        }
        catch (JsonException)
        {
            // Reported by the list reader with its own code.
            return false;
        }
    }

    private static void WriteError(TextWriter output, CheckInError error, MessageLanguage language)
    {
        var field = error.Field == CheckInError.None ? "-" : error.Field.ToString(CultureInfo.InvariantCulture);
        output.WriteLine($"{error.Code}  field {field}  position {error.Position}  {error.GetMessage(language)}");
    }
}
