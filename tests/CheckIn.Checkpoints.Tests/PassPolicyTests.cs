using CheckIn.Core;
using CheckIn.Core.Identity;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Declarations;
using CheckIn.Testing;
using CsCheck;
using NodaTime;
using NodaTime.Testing;

namespace CheckIn.Checkpoints.Tests;

public sealed class PassPolicyTests
{
    /// <summary>10:00 in Huế on 15 December 2021.</summary>
    private static readonly Instant At = Instant.FromUtc(2021, 12, 15, 3, 0);

    private static readonly LocalDate Today = new(2021, 12, 15);

    private static readonly IdentityEvidence Card = new(PayloadKind.CitizenCard, "Nguyễn Văn An", BirthDate.FromDate(new LocalDate(1990, 5, 17)), EvidenceSource.Document, false);

    private static DeclarationEvidence Declared(Duration ago, bool symptoms = false, bool exposure = false) =>
        new(At - ago, symptoms, exposure, EvidenceSource.Registry, true);

    private static VaccinationEvidence Vaccinated(int daysAgo, int dose = 2, int series = 2, bool verified = true) =>
        new(Today.PlusDays(-daysAgo), dose, series, "EU/1/21/1529", EvidenceSource.Registry, verified);

    private static PassDecision Decide(params PassEvidence[] evidence) => PassPolicy.Default.Decide(evidence, At);

    private static string[] Findings(PassDecision d) =>
        [.. d.Reasons.Where(r => r.Kind is PassReasonKind.Refusal or PassReasonKind.Referral).Select(r => r.Code).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void Defaults_VaccinatedMoreThan14DaysAgoAndDeclared_Pass()
    {
        var decision = Decide(Card, Vaccinated(15), Declared(Duration.FromHours(2)));
        Assert.Equal(PassOutcome.Pass, decision.Outcome);
        Assert.Equal([CheckpointCodes.Pass.Identified, CheckpointCodes.Pass.Vaccinated, CheckpointCodes.Pass.Declared],
            decision.Reasons.Select(r => r.Code));
        Assert.Equal(3, decision.Basis.Count);
        Assert.Equal("ĐƯỢC QUA: Đã kiểm tra danh tính; Đã tiêm đủ liều và qua đủ thời gian; Đã khai báo y tế trong thời hạn",
            decision.Describe(MessageLanguage.Vietnamese));
    }

    [Theory]
    [InlineData(14, CheckpointCodes.Pass.VaccinationTooRecent)]
    [InlineData(15, CheckpointCodes.Pass.Vaccinated)]
    public void Vaccination_MoreThan14Days_CountedInVietnamsCalendar(int daysAgo, string code) =>
        Assert.Contains(Decide(Card, Vaccinated(daysAgo), Declared(Duration.FromHours(1))).Reasons, r => r.Code == code);

    [Fact]
    public void IncompleteSeries_DoesNotCount_UnlessThePolicySays()
    {
        var first = Vaccinated(60, dose: 1, series: 2);
        Assert.Equal(PassOutcome.Refuse, Decide(Card, first, Declared(Duration.FromHours(1))).Outcome);
        Assert.Equal(PassOutcome.Pass, (PassPolicy.Default with { RequireCompleteSeries = false }).Decide([Card, first, Declared(Duration.FromHours(1))], At).Outcome);
    }

    [Theory]
    [InlineData(71, TestKind.Pcr, PassOutcome.Pass)]
    [InlineData(73, TestKind.Pcr, PassOutcome.Refuse)]
    [InlineData(73, TestKind.RapidAntigen, PassOutcome.Refuse)]
    public void NegativeTest_Within72Hours(int hoursAgo, TestKind kind, PassOutcome outcome) =>
        Assert.Equal(outcome, Decide(Card, new TestEvidence(kind, true, At - Duration.FromHours(hoursAgo), EvidenceSource.Registry, true), Declared(Duration.FromHours(1))).Outcome);

    [Fact]
    public void PositiveTest_RefersEvenWhenVaccinated()
    {
        var decision = Decide(Card, Vaccinated(60), new TestEvidence(TestKind.RapidAntigen, false, At - Duration.FromHours(3), EvidenceSource.Registry, true), Declared(Duration.FromHours(1)));
        Assert.Equal(PassOutcome.Refer, decision.Outcome);
        Assert.Equal([CheckpointCodes.Pass.PositiveTest], Findings(decision));
        Assert.StartsWith("REFER TO MEDICAL TEAM: Positive test", decision.Describe(MessageLanguage.English), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(180, PassOutcome.Pass)]
    [InlineData(181, PassOutcome.Refuse)]
    public void Recovery_Within180Days(int daysAgo, PassOutcome outcome) =>
        Assert.Equal(outcome, Decide(Card, new RecoveryEvidence(Today.PlusDays(-daysAgo), null, null, EvidenceSource.Registry, true), Declared(Duration.FromHours(1))).Outcome);

    [Theory]
    [InlineData(23, PassOutcome.Pass, null)]
    [InlineData(25, PassOutcome.Refuse, CheckpointCodes.Pass.DeclarationTooOld)]
    public void Declaration_Within24Hours(int hoursAgo, PassOutcome outcome, string? finding)
    {
        var decision = Decide(Card, Vaccinated(60), Declared(Duration.FromHours(hoursAgo)));
        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(finding is null ? [] : [finding], Findings(decision));
    }

    [Fact]
    public void LatestDeclaration_Counts_SymptomsOrExposureRefer()
    {
        Assert.Equal(PassOutcome.Pass, Decide(Card, Vaccinated(60), Declared(Duration.FromHours(30), symptoms: true), Declared(Duration.FromHours(2))).Outcome);
        var sick = Decide(Card, Vaccinated(60), Declared(Duration.FromHours(30)), Declared(Duration.FromHours(2), symptoms: true, exposure: true));
        Assert.Equal(PassOutcome.Refer, sick.Outcome);
        Assert.Equal([CheckpointCodes.Pass.Exposure, CheckpointCodes.Pass.Symptoms], Findings(sick));
    }

    [Fact]
    public void NothingScanned_RefusedWithEveryMissingRequirement()
    {
        var decision = Decide();
        Assert.Equal(PassOutcome.Refuse, decision.Outcome);
        Assert.Equal([CheckpointCodes.Pass.NoDeclaration, CheckpointCodes.Pass.NoHealthEvidence, CheckpointCodes.Pass.NoIdentity], Findings(decision));
        Assert.Empty(decision.Basis);
    }

    [Fact]
    public void UnverifiedEvidence_NeverCounts_ByDefault()
    {
        var decision = Decide(Card, Vaccinated(60, verified: false), Declared(Duration.FromHours(1)));
        Assert.Equal(PassOutcome.Refuse, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Code == CheckpointCodes.Pass.Unverified && r.Evidence == 1);
        Assert.Equal(PassOutcome.Pass, (PassPolicy.Default with { AcceptUnverified = true }).Decide([Card, Vaccinated(60, verified: false), Declared(Duration.FromHours(1))], At).Outcome);
    }

    [Fact]
    public void EvidenceDatedAfterTheCheck_Ignored()
    {
        var decision = Decide(Card, new TestEvidence(TestKind.Pcr, true, At + Duration.FromHours(1), EvidenceSource.Registry, true), Declared(Duration.FromHours(1)));
        Assert.Contains(decision.Reasons, r => r.Code == CheckpointCodes.Pass.InFuture);
        Assert.Equal(PassOutcome.Refuse, decision.Outcome);
    }

    [Fact]
    public void AcceptedKinds_AreThePolicys()
    {
        var testOnly = PassPolicy.Default with { AcceptedEvidence = HealthEvidenceKinds.Test };
        var decision = testOnly.Decide([Card, Vaccinated(60), Declared(Duration.FromHours(1))], At);
        Assert.Equal(PassOutcome.Refuse, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Code == CheckpointCodes.Pass.NotAccepted);
    }

    [Fact]
    public void VaccinePassport_VerifiedAndTheCardHolders_Passes_AnotherPersons_Refused()
    {
        var now = At;
        using var issuer = DccIssuer.CreateForTesting("VN", DccSignatureAlgorithm.ES256, now - Duration.FromDays(90), now + Duration.FromDays(365));
        string Passport(DccName name) => issuer.Issue(new DigitalCovidCertificate("1.3.0", name, new DccDateOfBirth(1990, 5, 17),
            new DccVaccination("840539006", "J07BX03", "EU/1/21/1529", "ORG-100001699", 2, 2, Today.PlusDays(-40), "VN", "Ministry of Health of Viet Nam", "URN:UVCI:01:VN:X/1")),
            "VN", now - Duration.FromDays(30), now + Duration.FromDays(300));
        var verifying = new PayloadReaderOptions { Clock = new FakeClock(now), DccTrustList = new DccTrustList([issuer.TrustedCertificate]) };
        var card = PassEvidence.FromPayload(PayloadReader.Read("079090001234||Nguyễn Văn An|17051990|Nam|Huế|01012021", verifying).Value);
        var declared = Declared(Duration.FromHours(1));

        var mine = PassEvidence.FromPayload(PayloadReader.Read(Passport(new DccName("Nguyễn", "NGUYEN", "Văn An", "VAN<AN")), verifying).Value);
        var pass = PassPolicy.Default.Decide([.. card, .. mine, declared], now);
        Assert.Equal(PassOutcome.Pass, pass.Outcome);
        Assert.Contains(pass.Basis, e => e is VaccinationEvidence { Source: EvidenceSource.Certificate, Verified: true });

        var theirs = PassEvidence.FromPayload(PayloadReader.Read(Passport(new DccName("Trần", "TRAN", "Thị Bích", "THI<BICH")), verifying).Value);
        var refused = PassPolicy.Default.Decide([.. card, .. theirs, declared], now);
        Assert.Equal(PassOutcome.Refuse, refused.Outcome);
        Assert.Contains(CheckpointCodes.Pass.IdentityMismatch, Findings(refused));

        // The same passport read without a trust list is not verified and never counts.
        var unverified = PassEvidence.FromPayload(PayloadReader.Read(Passport(new DccName("Nguyễn", "NGUYEN", "Văn An", "VAN<AN")), verifying with { DccTrustList = null }).Value);
        Assert.Equal(PassOutcome.Refuse, PassPolicy.Default.Decide([.. card, .. unverified, declared], now).Outcome);
    }

    [Fact]
    public void Declaration_FromTheDeclarationModel()
    {
        var declaration = new DomesticDeclaration { DeclaredAt = At - Duration.FromHours(3), Symptoms = new([Symptom.Fever]) };
        var evidence = PassEvidence.FromDeclaration(declaration);
        Assert.True(evidence.HasSymptoms);
        Assert.False(evidence.HasExposure);
        Assert.Throws<ArgumentException>(() => PassEvidence.FromDeclaration(new DomesticDeclaration()));
    }

    [Fact]
    public void ToString_NeverShowsTheName()
    {
        Assert.DoesNotContain("Nguyễn", Card.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1990-05-17", Card.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn", Decide(Card).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_OutOfRange_CodedException()
    {
        var bad = PassPolicy.Default with { VaccinationWaitDays = -1, PcrValidity = Duration.Zero, AcceptedEvidence = HealthEvidenceKinds.None };
        Assert.Equal([CheckpointCodes.Policy.VaccinationWaitDays, CheckpointCodes.Policy.PcrValidity, CheckpointCodes.Policy.AcceptedEvidence], bad.Validate().Select(e => e.Code));
        var e = Assert.Throws<InvalidOptionsException>(() => bad.Decide([], At));
        Assert.Equal(3, e.Errors.Count);
        Assert.Empty(PassPolicy.Default.Validate());
    }

    [Fact]
    public void Catalog_IsComplete() => ErrorCatalogAssert.IsComplete(typeof(CheckpointCodes), CheckpointCodes.Messages, CheckpointCodes.All());

    private static readonly string[] Names = ["Nguyễn Văn An", "NGUYEN VAN AN", "Trần Thị Bích", "Nguyen Van Anh"];

    private static readonly Gen<IdentityEvidence> GenIdentity =
        Gen.Select(Gen.Int[0, Names.Length - 1], Gen.Int[0, 2], Gen.Bool, (n, b, dcc) => new IdentityEvidence(
            dcc ? PayloadKind.DigitalCovidCertificate : PayloadKind.CitizenCard, Names[n],
            b switch { 0 => BirthDate.FromDate(new LocalDate(1990, 5, 17)), 1 => BirthDate.FromYear(1990), _ => BirthDate.FromDate(new LocalDate(1991, 1, 2)) },
            dcc ? EvidenceSource.Certificate : EvidenceSource.Document, dcc));

    private static readonly Gen<PassEvidence> GenHealth = Gen.OneOf<PassEvidence>(
        Gen.Select(Gen.Int[-3, 40], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Bool, (d, dose, series, v) =>
            (PassEvidence)new VaccinationEvidence(Today.PlusDays(-d), dose, series, null, EvidenceSource.Registry, v)),
        Gen.Select(Gen.Int[-3, 100], Gen.Bool, Gen.Bool, Gen.Bool, (h, pcr, neg, v) =>
            (PassEvidence)new TestEvidence(pcr ? TestKind.Pcr : TestKind.RapidAntigen, neg, At - Duration.FromHours(h), EvidenceSource.Registry, v)),
        Gen.Select(Gen.Int[-3, 200], Gen.Int[0, 2], Gen.Bool, (d, window, v) =>
            (PassEvidence)new RecoveryEvidence(Today.PlusDays(-d), window == 1 ? Today.PlusDays(-d + 11) : null, window == 2 ? Today.PlusDays(-d + 150) : null, EvidenceSource.Certificate, v)));

    private static readonly Gen<PassEvidence> GenDeclaration =
        Gen.Select(Gen.Int[-2, 50], Gen.Bool, Gen.Bool, Gen.Int[0, 9], (h, s, e, p) =>
            (PassEvidence)new DeclarationEvidence(At - Duration.FromHours(h), s && p == 0, e && p == 1, EvidenceSource.Registry, true));

    private static readonly Gen<PassPolicy> GenPolicy =
        Gen.Select(Gen.Int[0, 4], Gen.Bool, Gen.Int[1, 7], Gen.Bool, Gen.Bool, (k, unverified, kinds, declaration, series) => k switch
        {
            0 => PassPolicy.Default,
            1 => PassPolicy.Default with { AcceptUnverified = unverified, AcceptedEvidence = (HealthEvidenceKinds)kinds },
            2 => PassPolicy.Default with { RequireDeclaration = declaration, RequireCompleteSeries = series, VaccinationWaitDays = 0 },
            3 => PassPolicy.Default with { ReferOnSymptoms = false, RequireIdentity = false, RapidTestValidity = Duration.FromHours(24) },
            _ => PassPolicy.Default with { RequireHealthEvidence = false, RecoveryValidityDays = 90, DeclarationValidity = Duration.FromHours(12) },
        });

    private static readonly Gen<(PassPolicy Policy, PassEvidence[] Evidence)> GenCase =
        Gen.Select(GenPolicy, GenIdentity.Array[0, 2], GenHealth.Array[0, 4], GenIdentity.Array[0, 1], GenDeclaration.Array[0, 2],
            (policy, identities, health, holders, declarations) =>
            {
                // A holder (a vaccine passport's) is given to the first health evidence when one was drawn.
                if (holders.Length == 1 && health.Length > 0)
                {
                    health[0] = health[0] with { Holder = holders[0] };
                }

                return (policy, (PassEvidence[])[.. identities, .. health, .. declarations]);
            });

    [Fact]
    public void Differential_DecideAgreesWithTheRulesWrittenAnotherWay()
    {
        var outcomes = new int[4];
        GenCase.Sample(c =>
        {
            var decision = c.Policy.Decide(c.Evidence, At);
            var (outcome, findings) = ReferencePolicy.Decide(c.Policy, c.Evidence, At);
            outcomes[(int)decision.Outcome]++;
            return decision.Outcome == outcome && Findings(decision).SequenceEqual(findings);
        }, iter: 20_000, seed: "0N0XIzNsQ0O2");

        // The generator reaches every outcome, or the comparison proves little.
        Assert.All(outcomes.Skip(1), n => Assert.True(n > 500, string.Join(", ", outcomes)));
    }
}
