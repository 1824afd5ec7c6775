using CheckIn.Core;
using CheckIn.Core.Text;
using NodaTime;

namespace CheckIn.Checkpoints.Tests;

/// <summary>
/// The default rules written a second way, straight from their wording, for the differential test: each rule is one
/// question over the whole evidence, with no shared bookkeeping with <see cref="PassPolicy.Decide"/>.
/// </summary>
internal static class ReferencePolicy
{
    private static int DaysBetween(LocalDate from, LocalDate to) => (int)(to.ToDateTimeUnspecified() - from.ToDateTimeUnspecified()).TotalDays;

    public static (PassOutcome Outcome, SortedSet<string> Findings) Decide(PassPolicy p, IReadOnlyList<PassEvidence> evidence, Instant at)
    {
        var findings = new SortedSet<string>(StringComparer.Ordinal);
        var today = VietnamTime.DateAt(at);
        var documents = evidence.OfType<IdentityEvidence>().Where(e => e.Document != Core.Payloads.PayloadKind.DigitalCovidCertificate).ToList();

        bool Mine(PassEvidence e) => e.Holder is null || documents.All(d => e.Holder.FullName is null || d.FullName is null
            || (NameMatcher.Compare(e.Holder.FullName.Replace('<', ' '), d.FullName).Score >= NameMatcher.DefaultThreshold
                && (e.Holder.DateOfBirth is null || d.DateOfBirth is null || e.Holder.DateOfBirth.Value.IsCompatibleWith(d.DateOfBirth.Value))));

        bool Trusted(PassEvidence e) => e.Verified || p.AcceptUnverified;

        bool Dated(Instant when) => when <= at + p.ClockSkew;

        if (p.RequireIdentity && documents.Count == 0)
        {
            findings.Add(CheckpointCodes.Pass.NoIdentity);
        }

        var health = evidence.Where(e => e is VaccinationEvidence or TestEvidence or RecoveryEvidence).ToList();
        if (health.Any(e => !Mine(e)))
        {
            findings.Add(CheckpointCodes.Pass.IdentityMismatch);
        }

        var usable = health.Where(e => Mine(e) && Trusted(e)).ToList();

        var positive = usable.OfType<TestEvidence>().Any(t => !t.Negative && Dated(t.SampledAt)
            && at - t.SampledAt <= (t.Kind == TestKind.Pcr ? p.PcrValidity : p.RapidTestValidity));
        if (positive)
        {
            findings.Add(CheckpointCodes.Pass.PositiveTest);
        }

        var vaccinated = p.AcceptedEvidence.HasFlag(HealthEvidenceKinds.Vaccination) && usable.OfType<VaccinationEvidence>().Any(v =>
            Dated(VietnamTime.Zone.AtStartOfDay(v.Date).ToInstant())
            && (!p.RequireCompleteSeries || v.DoseNumber >= v.TotalDoses)
            && DaysBetween(v.Date, today) > p.VaccinationWaitDays);
        var tested = p.AcceptedEvidence.HasFlag(HealthEvidenceKinds.Test) && usable.OfType<TestEvidence>().Any(t =>
            t.Negative && Dated(t.SampledAt) && at - t.SampledAt <= (t.Kind == TestKind.Pcr ? p.PcrValidity : p.RapidTestValidity));
        var recovered = p.AcceptedEvidence.HasFlag(HealthEvidenceKinds.Recovery) && usable.OfType<RecoveryEvidence>().Any(r =>
            Dated(VietnamTime.Zone.AtStartOfDay(r.FirstPositive).ToInstant())
            && DaysBetween(r.FirstPositive, today) <= p.RecoveryValidityDays
            && (r.ValidFrom is null || r.ValidFrom <= today) && (r.ValidUntil is null || today <= r.ValidUntil));
        if (p.RequireHealthEvidence && !(vaccinated || tested || recovered))
        {
            findings.Add(CheckpointCodes.Pass.NoHealthEvidence);
        }

        var declarations = evidence.OfType<DeclarationEvidence>().Where(d => Dated(d.DeclaredAt)).ToList();
        if (declarations.Count == 0)
        {
            if (p.RequireDeclaration)
            {
                findings.Add(CheckpointCodes.Pass.NoDeclaration);
            }
        }
        else
        {
            var latest = declarations.MaxBy(d => d.DeclaredAt)!;
            if (latest.HasSymptoms && p.ReferOnSymptoms)
            {
                findings.Add(CheckpointCodes.Pass.Symptoms);
            }

            if (latest.HasExposure && p.ReferOnExposure)
            {
                findings.Add(CheckpointCodes.Pass.Exposure);
            }

            if (!findings.Contains(CheckpointCodes.Pass.Symptoms) && !findings.Contains(CheckpointCodes.Pass.Exposure)
                && p.RequireDeclaration && at - latest.DeclaredAt > p.DeclarationValidity)
            {
                findings.Add(CheckpointCodes.Pass.DeclarationTooOld);
            }
        }

        var refer = findings.Overlaps([CheckpointCodes.Pass.PositiveTest, CheckpointCodes.Pass.Symptoms, CheckpointCodes.Pass.Exposure]);
        return (refer ? PassOutcome.Refer : findings.Count > 0 ? PassOutcome.Refuse : PassOutcome.Pass, findings);
    }
}
