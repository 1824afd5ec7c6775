using CheckIn.Core;
using CheckIn.Core.Payloads;
using CheckIn.Core.Text;
using NodaTime;

namespace CheckIn.Checkpoints;

/// <summary>Kinds of health evidence a policy accepts.</summary>
[Flags]
public enum HealthEvidenceKinds
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>A vaccination.</summary>
    Vaccination = 1,

    /// <summary>A negative test.</summary>
    Test = 2,

    /// <summary>A recovery.</summary>
    Recovery = 4,

    /// <summary>All three.</summary>
    All = Vaccination | Test | Recovery,
}

/// <summary>
/// The rules of a checkpoint, as configured by its province. The defaults are the rules many provinces used in late
/// 2021: pass with a verified vaccination that completes its series more than 14 days before (counted in Vietnam's
/// calendar), or a negative test within 72 hours of its sample, or a recovery within 180 days of the first positive
/// test; and, in every case, a health declaration within the last 24 hours. A recent positive test, or a declaration
/// of symptoms or exposure, sends the traveller to the medical team. Unverified health evidence (a vaccine passport read
/// without a trust list, a paper shown to staff) does not count unless <see cref="AcceptUnverified"/> is set.
/// </summary>
/// <remarks>
/// <para>The decision, in order: (1) an identity must be scanned; a vaccine passport whose holder's name or date of birth
/// differs from the identity document refuses, and its evidence does not count. (2) Each health evidence counts or is
/// ignored with a reason: not verified, dated after the check, not an accepted kind, an incomplete series, a dose too
/// recent, a test too old, a recovery outside its validity. A positive test within its validity refers. (3) Unless
/// health evidence is not required, one counting piece is needed. (4) The latest declaration must be within its
/// validity; one declaring symptoms or exposure refers. The outcome is Refer when anything refers, else Refuse when any
/// requirement is not met, else Pass.</para>
/// </remarks>
public sealed record PassPolicy
{
    /// <summary>The defaults described on the type.</summary>
    public static PassPolicy Default { get; } = new();

    /// <summary>Days from the last dose to the check, in Vietnam's calendar, that must be exceeded. Default 14 ("more than 14 days ago").</summary>
    public int VaccinationWaitDays { get; init; } = 14;

    /// <summary>Whether the dose must complete its series (dose number ≥ total doses). Default true.</summary>
    public bool RequireCompleteSeries { get; init; } = true;

    /// <summary>How long a negative PCR test counts from its sample. Default 72 hours.</summary>
    public Duration PcrValidity { get; init; } = Duration.FromHours(72);

    /// <summary>How long a negative rapid antigen test counts from its sample. Default 72 hours.</summary>
    public Duration RapidTestValidity { get; init; } = Duration.FromHours(72);

    /// <summary>Days from the first positive test that a recovery counts, in Vietnam's calendar. Default 180.</summary>
    public int RecoveryValidityDays { get; init; } = 180;

    /// <summary>The kinds of health evidence accepted. Default all three.</summary>
    public HealthEvidenceKinds AcceptedEvidence { get; init; } = HealthEvidenceKinds.All;

    /// <summary>Whether one counting piece of health evidence is required. Default true.</summary>
    public bool RequireHealthEvidence { get; init; } = true;

    /// <summary>Whether a health declaration is required. Default true.</summary>
    public bool RequireDeclaration { get; init; } = true;

    /// <summary>How old the latest declaration may be. Default 24 hours.</summary>
    public Duration DeclarationValidity { get; init; } = Duration.FromHours(24);

    /// <summary>Whether declared symptoms send the traveller to the medical team. Default true.</summary>
    public bool ReferOnSymptoms { get; init; } = true;

    /// <summary>Whether a declared exposure sends the traveller to the medical team. Default true.</summary>
    public bool ReferOnExposure { get; init; } = true;

    /// <summary>Whether an identity document or code must be scanned. Default true.</summary>
    public bool RequireIdentity { get; init; } = true;

    /// <summary>Whether unverified health evidence counts. Default false: an unverified code never passes for a verified one.</summary>
    public bool AcceptUnverified { get; init; }

    /// <summary>How far evidence may be dated after the check (clocks differ). Default 5 minutes; 0 to 1 hour.</summary>
    public Duration ClockSkew { get; init; } = Duration.FromMinutes(5);

    /// <summary>Checks every option.</summary>
    /// <returns>One coded error per option out of range (<c>PassPolicy.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(CheckpointCodes.Messages)
        .Check(VaccinationWaitDays is >= 0 and <= 365, CheckpointCodes.Policy.VaccinationWaitDays, nameof(VaccinationWaitDays))
        .Check(PcrValidity > Duration.Zero && PcrValidity <= Duration.FromDays(30), CheckpointCodes.Policy.PcrValidity, nameof(PcrValidity))
        .Check(RapidTestValidity > Duration.Zero && RapidTestValidity <= Duration.FromDays(30), CheckpointCodes.Policy.RapidTestValidity, nameof(RapidTestValidity))
        .Check(RecoveryValidityDays is >= 1 and <= 730, CheckpointCodes.Policy.RecoveryValidityDays, nameof(RecoveryValidityDays))
        .Check(DeclarationValidity > Duration.Zero && DeclarationValidity <= Duration.FromDays(30), CheckpointCodes.Policy.DeclarationValidity, nameof(DeclarationValidity))
        .Check(ClockSkew >= Duration.Zero && ClockSkew <= Duration.FromHours(1), CheckpointCodes.Policy.ClockSkew, nameof(ClockSkew))
        .Check(!RequireHealthEvidence || (AcceptedEvidence & HealthEvidenceKinds.All) != HealthEvidenceKinds.None, CheckpointCodes.Policy.AcceptedEvidence, nameof(AcceptedEvidence))
        .ToList();

    /// <summary>Decides on a traveller from everything the checkpoint knows about them.</summary>
    /// <param name="evidence">What was scanned and looked up (see <see cref="PassEvidence.FromPayload"/>), in any order.</param>
    /// <param name="at">The instant of the check.</param>
    /// <returns>The decision with its reasons; reasons name evidence by its index in <paramref name="evidence"/>.</returns>
    /// <exception cref="InvalidOptionsException">An option is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="evidence"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">More than 1,000 pieces of evidence (a bound on the work of one decision).</exception>
    public PassDecision Decide(IReadOnlyList<PassEvidence> evidence, Instant at)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        InvalidOptionsException.ThrowIfAny(Validate(), "policy");
        if (evidence.Count > 1000)
        {
            throw new ArgumentException("At most 1,000 pieces of evidence are decided on at once.", nameof(evidence));
        }

        var reasons = new List<PassReason>();
        var basis = new List<PassEvidence>();
        var refused = false;
        var referred = false;
        var today = VietnamTime.DateAt(at);

        // 1. Identity, and whose the named evidence is.
        var documents = new List<IdentityEvidence>();
        var firstDocument = -1;
        for (var i = 0; i < evidence.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(evidence[i], nameof(evidence));
            if (evidence[i] is IdentityEvidence identity && identity.Document != PayloadKind.DigitalCovidCertificate)
            {
                documents.Add(identity);
                firstDocument = firstDocument < 0 ? i : firstDocument;
            }
        }

        if (documents.Count > 0)
        {
            reasons.Add(new PassReason(CheckpointCodes.Pass.Identified, firstDocument));
            basis.Add(documents[0]);
        }
        else if (RequireIdentity)
        {
            reasons.Add(new PassReason(CheckpointCodes.Pass.NoIdentity, null));
            refused = true;
        }

        var mismatchReported = false;
        bool OtherPerson(PassEvidence piece) => piece.Holder is { } holder && documents.Any(d => !SamePerson(holder, d));

        // 2. Health evidence.
        var counted = false;
        for (var i = 0; i < evidence.Count; i++)
        {
            var piece = evidence[i];
            if (piece is IdentityEvidence or DeclarationEvidence)
            {
                continue;
            }

            if (OtherPerson(piece))
            {
                reasons.Add(new PassReason(CheckpointCodes.Pass.OtherHolder, i));
                if (!mismatchReported)
                {
                    reasons.Add(new PassReason(CheckpointCodes.Pass.IdentityMismatch, i));
                    mismatchReported = true;
                    refused = true;
                }

                continue;
            }

            if (!piece.Verified && !AcceptUnverified)
            {
                reasons.Add(new PassReason(CheckpointCodes.Pass.Unverified, i));
                continue;
            }

            var (kind, code) = piece switch
            {
                VaccinationEvidence v => (HealthEvidenceKinds.Vaccination, Vaccination(v, at, today)),
                TestEvidence t => (HealthEvidenceKinds.Test, Test(t, at)),
                RecoveryEvidence r => (HealthEvidenceKinds.Recovery, Recovery(r, at, today)),
                _ => throw new ArgumentException("Evidence of an unknown type.", nameof(evidence)),
            };

            // A positive test refers whatever the policy accepts: it is a finding, not a ground.
            if (code == CheckpointCodes.Pass.PositiveTest)
            {
                reasons.Add(new PassReason(code, i));
                basis.Add(piece);
                referred = true;
                continue;
            }

            if ((AcceptedEvidence & kind) == 0)
            {
                reasons.Add(new PassReason(CheckpointCodes.Pass.NotAccepted, i));
                continue;
            }

            reasons.Add(new PassReason(code, i));
            if (CheckpointCodes.KindOf(code) == PassReasonKind.Grounds)
            {
                basis.Add(piece);
                counted = true;
            }
        }

        if (RequireHealthEvidence && !counted)
        {
            reasons.Add(new PassReason(CheckpointCodes.Pass.NoHealthEvidence, null));
            refused = true;
        }

        // 3. The latest declaration.
        var latest = -1;
        for (var i = 0; i < evidence.Count; i++)
        {
            if (evidence[i] is DeclarationEvidence declaration)
            {
                if (declaration.DeclaredAt > at + ClockSkew)
                {
                    reasons.Add(new PassReason(CheckpointCodes.Pass.InFuture, i));
                }
                else if (latest < 0 || declaration.DeclaredAt > ((DeclarationEvidence)evidence[latest]).DeclaredAt)
                {
                    latest = i;
                }
            }
        }

        if (latest >= 0)
        {
            var declaration = (DeclarationEvidence)evidence[latest];
            var symptoms = declaration.HasSymptoms && ReferOnSymptoms;
            var exposure = declaration.HasExposure && ReferOnExposure;
            if (symptoms || exposure)
            {
                if (symptoms)
                {
                    reasons.Add(new PassReason(CheckpointCodes.Pass.Symptoms, latest));
                }

                if (exposure)
                {
                    reasons.Add(new PassReason(CheckpointCodes.Pass.Exposure, latest));
                }

                basis.Add(declaration);
                referred = true;
            }
            else if (at - declaration.DeclaredAt > DeclarationValidity)
            {
                if (RequireDeclaration)
                {
                    reasons.Add(new PassReason(CheckpointCodes.Pass.DeclarationTooOld, latest));
                    refused = true;
                }
            }
            else
            {
                reasons.Add(new PassReason(CheckpointCodes.Pass.Declared, latest));
                basis.Add(declaration);
            }
        }
        else if (RequireDeclaration)
        {
            reasons.Add(new PassReason(CheckpointCodes.Pass.NoDeclaration, null));
            refused = true;
        }

        var outcome = referred ? PassOutcome.Refer : refused ? PassOutcome.Refuse : PassOutcome.Pass;
        return new PassDecision(outcome, at, [.. reasons.OrderBy(r => r.Kind).ThenBy(r => r.Evidence ?? -1)], basis);
    }

    private string Vaccination(VaccinationEvidence v, Instant at, LocalDate today)
    {
        if (VietnamTime.Zone.AtStartOfDay(v.Date).ToInstant() > at + ClockSkew)
        {
            return CheckpointCodes.Pass.InFuture;
        }

        if (RequireCompleteSeries && v.DoseNumber < v.TotalDoses)
        {
            return CheckpointCodes.Pass.SeriesIncomplete;
        }

        return Period.Between(v.Date, today, PeriodUnits.Days).Days > VaccinationWaitDays ? CheckpointCodes.Pass.Vaccinated : CheckpointCodes.Pass.VaccinationTooRecent;
    }

    private string Test(TestEvidence t, Instant at)
    {
        if (t.SampledAt > at + ClockSkew)
        {
            return CheckpointCodes.Pass.InFuture;
        }

        var fresh = at - t.SampledAt <= (t.Kind == TestKind.Pcr ? PcrValidity : RapidTestValidity);
        return !fresh ? CheckpointCodes.Pass.TestTooOld : t.Negative ? CheckpointCodes.Pass.NegativeTest : CheckpointCodes.Pass.PositiveTest;
    }

    private string Recovery(RecoveryEvidence r, Instant at, LocalDate today)
    {
        if (VietnamTime.Zone.AtStartOfDay(r.FirstPositive).ToInstant() > at + ClockSkew)
        {
            return CheckpointCodes.Pass.InFuture;
        }

        var inWindow = Period.Between(r.FirstPositive, today, PeriodUnits.Days).Days <= RecoveryValidityDays
            && (r.ValidFrom is not { } from || today >= from)
            && (r.ValidUntil is not { } until || today <= until);
        return inWindow ? CheckpointCodes.Pass.Recovered : CheckpointCodes.Pass.RecoveryOutOfRange;
    }

    /// <summary>Whether a certificate's holder is the person of an identity document: names alike (diacritics, order of parts and transliteration aside) and birth dates compatible.</summary>
    internal static bool SamePerson(IdentityEvidence holder, IdentityEvidence document)
    {
        if (holder.FullName is null || document.FullName is null)
        {
            return true;
        }

        var sameName = NameMatcher.IsLikelySamePerson(holder.FullName.Replace('<', ' '), document.FullName);
        var sameBirth = holder.DateOfBirth is not { } a || document.DateOfBirth is not { } b || a.IsCompatibleWith(b);
        return sameName && sameBirth;
    }
}
