using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CheckIn.Checkpoints;
using CheckIn.Cli.Io;
using CheckIn.Core;
using CheckIn.Core.Payloads;
using CheckIn.Declarations;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Cli.Commands;

/// <summary><c>checkin pass check</c>: a checkpoint's pass decision from scanned codes and registry answers.</summary>
public static class PassCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("pass", "Checkpoint pass decisions.");
        command.Subcommands.Add(CreateCheck(output, error));
        return command;
    }

    private static Command CreateCheck(TextWriter output, TextWriter error)
    {
        var scan = new Option<string[]>("--scan") { Description = "A scanned code's text: chip ID card, 1405 code, health-insurance card, signed personal card or vaccine passport (HC1:); repeat for more." };
        var trustCert = new Option<FileInfo[]>("--trust-cert") { Description = "A document signer certificate (PEM or base64 DER) that verifies vaccine passports; repeat for more." };
        var trustList = new Option<FileInfo?>("--trust-list") { Description = "Document signer certificates as the EU gateway publishes them." };
        var vaccinated = new Option<string[]>("--vaccinated") { Description = "A registry's vaccination: DATE:DOSE/SERIES, e.g. 2021-10-01:2/2; repeat for more." };
        var test = new Option<string[]>("--test") { Description = "A registry's test result: pcr|rapid:negative|positive:INSTANT, e.g. pcr:negative:2021-12-14T08:00:00+07:00." };
        var recovered = new Option<string[]>("--recovered") { Description = "A registry's recovery: the date of the first positive test, e.g. 2021-09-01." };
        var declared = new Option<string[]>("--declared") { Description = "A declaration from the declaration system: INSTANT[,symptoms][,exposure]." };
        var declaration = new Option<FileInfo?>("--declaration") { Description = "A domestic declaration as JSON (validated first), as from 'declaration validate'." };
        var at = new Option<string?>("--at") { Description = "The instant of the check (ISO-8601 with offset); now when omitted." };
        var waitDays = new Option<int?>("--wait-days") { Description = "Days after the last dose that must be exceeded (policy default 14)." };
        var testHours = new Option<int?>("--test-hours") { Description = "Hours a negative test counts from its sample (policy default 72)." };
        var declarationHours = new Option<int?>("--declaration-hours") { Description = "Hours a declaration counts (policy default 24)." };
        var noDeclaration = new Option<bool>("--no-declaration-required") { Description = "Do not require a health declaration." };
        var acceptUnverified = new Option<bool>("--accept-unverified") { Description = "Count unverified health evidence (a passport read without certificates). Off by default." };
        var json = new Option<bool>("--json") { Description = "Print the decision as JSON (outcome, reasons, basis), without personal data." };
        var language = PayloadCommand.LanguageOption();
        var command = new Command("check", "Decide whether a traveller passes a checkpoint and print why; exit 0 pass, 6 refused, 7 referred to the medical team, 1 when a scan does not read.")
        {
            scan, trustCert, trustList, vaccinated, test, recovered, declared, declaration, at, waitDays, testHours, declarationHours, noDeclaration, acceptUnverified, json, language,
        };
        command.SetAction(parse =>
        {
            var now = DccTrustFiles.At(parse.GetValue(at)) ?? SystemClock.Instance.GetCurrentInstant();
            var lang = parse.GetValue(language);
            var options = new PayloadReaderOptions
            {
                Clock = new DccTrustFiles.FixedClock(now),
                DccTrustList = DccTrustFiles.Read(parse.GetValue(trustCert) ?? [], parse.GetValue(trustList)),
            };

            var evidence = new List<PassEvidence>();
            foreach (var text in parse.GetValue(scan) ?? [])
            {
                var read = PayloadReader.Read(text, options);
                if (!read.TryGetValue(out var payload))
                {
                    output.WriteLine($"{read.Error.Code}  {read.Error.GetMessage(lang)}");
                    return ExitCodes.Invalid;
                }

                evidence.AddRange(PassEvidence.FromPayload(payload));
            }

            foreach (var text in parse.GetValue(vaccinated) ?? [])
            {
                evidence.Add(Vaccination(text));
            }

            foreach (var text in parse.GetValue(test) ?? [])
            {
                evidence.Add(Test(text));
            }

            foreach (var text in parse.GetValue(recovered) ?? [])
            {
                var date = LocalDatePattern.Iso.Parse(text);
                evidence.Add(date.Success
                    ? new RecoveryEvidence(date.Value, null, null, EvidenceSource.Registry, Verified: true)
                    : throw new CliProblem(CliProblem.Usage, "--recovered is a date such as 2021-09-01."));
            }

            foreach (var text in parse.GetValue(declared) ?? [])
            {
                evidence.Add(Declared(text));
            }

            if (parse.GetValue(declaration) is { } file)
            {
                var read = DeclarationJson.Read(CliFiles.ReadText(file));
                var failures = read.Document is { } document ? new DeclarationValidator().Validate(document).Failures : read.Failures;
                if (failures.Count > 0 || read.Document is not DomesticDeclaration domestic || domestic.DeclaredAt is null)
                {
                    var first = failures.Count > 0 ? failures[0].Code : "not a domestic declaration with its time";
                    throw new CliProblem(CliProblem.Usage, $"{file.Name}: {first}.");
                }

                evidence.Add(PassEvidence.FromDeclaration(domestic, EvidenceSource.Document));
            }

            var policy = PassPolicy.Default with
            {
                VaccinationWaitDays = parse.GetValue(waitDays) ?? PassPolicy.Default.VaccinationWaitDays,
                PcrValidity = parse.GetValue(testHours) is { } hours ? Duration.FromHours(hours) : PassPolicy.Default.PcrValidity,
                RapidTestValidity = parse.GetValue(testHours) is { } rapid ? Duration.FromHours(rapid) : PassPolicy.Default.RapidTestValidity,
                DeclarationValidity = parse.GetValue(declarationHours) is { } d ? Duration.FromHours(d) : PassPolicy.Default.DeclarationValidity,
                RequireDeclaration = !parse.GetValue(noDeclaration),
                AcceptUnverified = parse.GetValue(acceptUnverified),
            };
            if (policy.Validate() is [var invalid, ..])
            {
                throw new CliProblem(CliProblem.Usage, $"{invalid.Property}: {invalid.GetMessage(MessageLanguage.English)}.");
            }

            var decision = policy.Decide(evidence, now);
            if (parse.GetValue(json))
            {
                WriteJson(output, decision, lang);
            }
            else
            {
                output.WriteLine(decision.Describe(lang));
                foreach (var reason in decision.Reasons.Where(r => r.Kind == PassReasonKind.Ignored))
                {
                    output.WriteLine("  - " + reason.GetMessage(lang));
                }
            }

            return decision.Outcome switch
            {
                PassOutcome.Pass => ExitCodes.Success,
                PassOutcome.Refer => ExitCodes.PassReferred,
                _ => ExitCodes.PassRefused,
            };
        });
        return command;
    }

    private static VaccinationEvidence Vaccination(string text)
    {
        var parts = text.Split(':');
        var doses = parts.Length == 2 ? parts[1].Split('/') : [];
        if (parts.Length != 2 || !LocalDatePattern.Iso.Parse(parts[0]).TryGetValue(default, out var date) || doses.Length != 2
            || !int.TryParse(doses[0], NumberStyles.None, CultureInfo.InvariantCulture, out var dose) || !int.TryParse(doses[1], NumberStyles.None, CultureInfo.InvariantCulture, out var series)
            || dose is < 1 or > 9 || series is < 1 or > 9)
        {
            throw new CliProblem(CliProblem.Usage, "--vaccinated is DATE:DOSE/SERIES, such as 2021-10-01:2/2.");
        }

        return new VaccinationEvidence(date, dose, series, null, EvidenceSource.Registry, Verified: true);
    }

    private static TestEvidence Test(string text)
    {
        var parts = text.Split(':', 3);
        TestKind? kind = parts[0] switch { "pcr" => TestKind.Pcr, "rapid" => TestKind.RapidAntigen, _ => null };
        bool? negative = parts.Length > 1 ? parts[1] switch { "negative" => true, "positive" => false, _ => null } : null;
        if (parts.Length != 3 || kind is null || negative is null || !OffsetDateTimePattern.ExtendedIso.Parse(parts[2]).TryGetValue(default, out var sampled))
        {
            throw new CliProblem(CliProblem.Usage, "--test is pcr|rapid:negative|positive:INSTANT, such as pcr:negative:2021-12-14T08:00:00+07:00.");
        }

        return new TestEvidence(kind.Value, negative.Value, sampled.ToInstant(), EvidenceSource.Registry, Verified: true);
    }

    private static DeclarationEvidence Declared(string text)
    {
        var parts = text.Split(',');
        var flags = parts.Skip(1).ToHashSet(StringComparer.Ordinal);
        if (!OffsetDateTimePattern.ExtendedIso.Parse(parts[0]).TryGetValue(default, out var when) || !flags.IsSubsetOf(["symptoms", "exposure"]))
        {
            throw new CliProblem(CliProblem.Usage, "--declared is INSTANT[,symptoms][,exposure], such as 2021-12-15T07:00:00+07:00.");
        }

        return new DeclarationEvidence(when.ToInstant(), flags.Contains("symptoms"), flags.Contains("exposure"), EvidenceSource.Registry, Verified: true);
    }

    private static void WriteJson(TextWriter output, PassDecision decision, MessageLanguage language)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, PayloadCommand.JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("outcome", decision.Outcome.ToString());
            json.WriteString("decidedAt", InstantPattern.General.Format(decision.DecidedAt));
            json.WriteString("summary", decision.Describe(language));
            json.WriteStartArray("reasons");
            foreach (var reason in decision.Reasons)
            {
                json.WriteStartObject();
                json.WriteString("code", reason.Code);
                json.WriteString("kind", reason.Kind.ToString());
                json.WriteString("message", reason.GetMessage(language));
                if (reason.Evidence is { } index)
                {
                    json.WriteNumber("evidence", index);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("basis");
            foreach (var piece in decision.Basis)
            {
                json.WriteStartObject();
                json.WriteString("type", piece.Type.ToString());
                json.WriteString("source", piece.Source.ToString());
                json.WriteBoolean("verified", piece.Verified);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
