using System.Globalization;
using CheckIn.Core;
using NodaTime;

namespace CheckIn.Checkpoints;

/// <summary>What a checkpoint decides.</summary>
public enum PassOutcome
{
    /// <summary>The traveller may pass.</summary>
    Pass = 1,

    /// <summary>The traveller may not pass (turned back, or asked for what is missing).</summary>
    Refuse = 2,

    /// <summary>The traveller is sent to the checkpoint's medical team (a positive test, symptoms, an exposure).</summary>
    Refer = 3,
}

/// <summary>What a reason is to the decision.</summary>
public enum PassReasonKind
{
    /// <summary>A ground for passing: a requirement met.</summary>
    Grounds = 1,

    /// <summary>A requirement not met: the decision is at least a refusal.</summary>
    Refusal = 2,

    /// <summary>A finding that sends the traveller to the medical team.</summary>
    Referral = 3,

    /// <summary>A piece of evidence that did not count, and why.</summary>
    Ignored = 4,
}

/// <summary>One reason of a decision: a stable code, and the evidence it is about.</summary>
/// <param name="Code">A <see cref="CheckpointCodes.Pass"/> code.</param>
/// <param name="Evidence">The index of the evidence it is about in the decision's input, or null.</param>
public readonly record struct PassReason(string Code, int? Evidence)
{
    /// <summary>What the reason is to the decision.</summary>
    public PassReasonKind Kind => CheckpointCodes.KindOf(Code);

    /// <summary>The reason in words.</summary>
    /// <param name="language">The language.</param>
    /// <param name="overrides">A host's own wording, tried first; null for none.</param>
    /// <returns>The message, or the code when none is known.</returns>
    public string GetMessage(MessageLanguage language, IErrorMessages? overrides = null) =>
        overrides?.Find(Code, language) ?? CheckpointCodes.Messages.Find(Code, language) ?? Code;
}

/// <summary>
/// A checkpoint's decision: the outcome, every reason (grounds met, requirements not met, referrals, and why a piece of
/// evidence did not count), and the evidence the grounds rest on, to record with the check-in at the checkpoint.
/// </summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="DecidedAt">The instant the policy was applied at.</param>
/// <param name="Reasons">The reasons, grounds first.</param>
/// <param name="Basis">The evidence the grounds rest on.</param>
public sealed record PassDecision(PassOutcome Outcome, Instant DecidedAt, IReadOnlyList<PassReason> Reasons, IReadOnlyList<PassEvidence> Basis)
{
    /// <summary>The decision in one line for a checkpoint screen: "ĐƯỢC QUA: Đã tiêm đủ liều …; Đã khai báo y tế trong thời hạn".</summary>
    /// <param name="language">The language.</param>
    /// <returns>The line; never personal data.</returns>
    public string Describe(MessageLanguage language)
    {
        var vi = language == MessageLanguage.Vietnamese;
        var head = Outcome switch
        {
            PassOutcome.Pass => vi ? "ĐƯỢC QUA" : "PASS",
            PassOutcome.Refer => vi ? "CHUYỂN TỔ Y TẾ" : "REFER TO MEDICAL TEAM",
            _ => vi ? "KHÔNG ĐƯỢC QUA" : "REFUSED",
        };
        var shown = Outcome == PassOutcome.Pass
            ? Reasons.Where(r => r.Kind == PassReasonKind.Grounds)
            : Reasons.Where(r => r.Kind is PassReasonKind.Referral or PassReasonKind.Refusal);
        return head + ": " + string.Join("; ", shown.Select(r => r.GetMessage(language)).Distinct(StringComparer.Ordinal));
    }

    /// <summary>The outcome and reason codes, for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Outcome} at {DecidedAt}: {string.Join(", ", Reasons.Select(r => r.Code))}");
}
