using CheckIn.Core;

namespace CheckIn.Checkpoints;

/// <summary>
/// The stable codes of pass decisions (<see cref="PassReason"/>) and of <see cref="PassPolicy.Validate"/>, with
/// messages in Vietnamese and English (<see cref="Messages"/>); a host words them its own way with an
/// <see cref="IErrorMessages"/>.
/// </summary>
public static class CheckpointCodes
{
    /// <summary>Reasons of a pass decision: grounds for passing, refusals, referrals to the medical team, and evidence that did not count.</summary>
    public static class Pass
    {
        /// <summary>Grounds: An identity document or code was scanned.</summary>
        public const string Identified = "Pass.Identified";

        /// <summary>Grounds: A vaccination completing the series, long enough ago.</summary>
        public const string Vaccinated = "Pass.Vaccinated";

        /// <summary>Grounds: A negative test recent enough for its kind.</summary>
        public const string NegativeTest = "Pass.NegativeTest";

        /// <summary>Grounds: A recovery recent enough.</summary>
        public const string Recovered = "Pass.Recovered";

        /// <summary>Grounds: A health declaration recent enough, without symptoms or exposure.</summary>
        public const string Declared = "Pass.Declared";

        /// <summary>Refusal: No identity document or code was scanned.</summary>
        public const string NoIdentity = "Pass.NoIdentity";

        /// <summary>Refusal: A vaccine passport's holder differs from the identity document (name or date of birth).</summary>
        public const string IdentityMismatch = "Pass.IdentityMismatch";

        /// <summary>Refusal: No vaccination, test or recovery qualifies under the policy.</summary>
        public const string NoHealthEvidence = "Pass.NoHealthEvidence";

        /// <summary>Refusal: The policy requires a health declaration and there is none.</summary>
        public const string NoDeclaration = "Pass.NoDeclaration";

        /// <summary>Refusal: The latest health declaration is older than the policy allows.</summary>
        public const string DeclarationTooOld = "Pass.DeclarationTooOld";

        /// <summary>Referral: A positive test within its validity: refer to the medical team.</summary>
        public const string PositiveTest = "Pass.PositiveTest";

        /// <summary>Referral: The declaration reports symptoms: refer to the medical team.</summary>
        public const string Symptoms = "Pass.Symptoms";

        /// <summary>Referral: The declaration reports an exposure: refer to the medical team.</summary>
        public const string Exposure = "Pass.Exposure";

        /// <summary>Ignored: The evidence is not verified and the policy does not accept unverified evidence.</summary>
        public const string Unverified = "Pass.Unverified";

        /// <summary>Ignored: The evidence is dated after the check (beyond the clock skew).</summary>
        public const string InFuture = "Pass.InFuture";

        /// <summary>Ignored: The policy does not accept this kind of health evidence.</summary>
        public const string NotAccepted = "Pass.NotAccepted";

        /// <summary>Ignored: The vaccination does not complete its series.</summary>
        public const string SeriesIncomplete = "Pass.SeriesIncomplete";

        /// <summary>Ignored: The last dose is too recent.</summary>
        public const string VaccinationTooRecent = "Pass.VaccinationTooRecent";

        /// <summary>Ignored: The negative test is older than its validity.</summary>
        public const string TestTooOld = "Pass.TestTooOld";

        /// <summary>Ignored: The recovery is outside its validity (too old, or its certificate not yet or no longer valid).</summary>
        public const string RecoveryOutOfRange = "Pass.RecoveryOutOfRange";

        /// <summary>Ignored: The evidence belongs to a holder who differs from the identity document.</summary>
        public const string OtherHolder = "Pass.OtherHolder";
    }

    /// <summary>Codes of <see cref="PassPolicy.Validate"/> (the property names the option).</summary>
    public static class Policy
    {
        /// <summary>The days after the last dose are 0 to 365.</summary>
        public const string VaccinationWaitDays = "PassPolicy.VaccinationWaitDays";

        /// <summary>The PCR validity is more than 0 and at most 30 days.</summary>
        public const string PcrValidity = "PassPolicy.PcrValidity";

        /// <summary>The rapid test validity is more than 0 and at most 30 days.</summary>
        public const string RapidTestValidity = "PassPolicy.RapidTestValidity";

        /// <summary>The recovery validity is 1 to 730 days.</summary>
        public const string RecoveryValidityDays = "PassPolicy.RecoveryValidityDays";

        /// <summary>The declaration validity is more than 0 and at most 30 days.</summary>
        public const string DeclarationValidity = "PassPolicy.DeclarationValidity";

        /// <summary>The clock skew is 0 to 1 hour.</summary>
        public const string ClockSkew = "PassPolicy.ClockSkew";

        /// <summary>Health evidence is required but no kind is accepted.</summary>
        public const string AcceptedEvidence = "PassPolicy.AcceptedEvidence";
    }

    /// <summary>The messages of every code, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(Tables.English, Tables.Vietnamese);

    /// <summary>Every code, in ordinal order.</summary>
    /// <returns>The codes.</returns>
    public static IReadOnlyList<string> All() => [.. Tables.English.Keys.Order(StringComparer.Ordinal)];

    private static class Tables
    {
        public static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
        {
            [Pass.Identified] = "Identity checked",
            [Pass.Vaccinated] = "Fully vaccinated long enough ago",
            [Pass.NegativeTest] = "Negative test within its validity",
            [Pass.Recovered] = "Recovered within the accepted period",
            [Pass.Declared] = "Health declaration made in time",
            [Pass.NoIdentity] = "No identity document was scanned",
            [Pass.IdentityMismatch] = "The certificate's holder differs from the identity document",
            [Pass.NoHealthEvidence] = "No vaccination, test or recovery qualifies",
            [Pass.NoDeclaration] = "No health declaration",
            [Pass.DeclarationTooOld] = "The health declaration is too old",
            [Pass.PositiveTest] = "Positive test: refer to the medical team",
            [Pass.Symptoms] = "Symptoms declared: refer to the medical team",
            [Pass.Exposure] = "Exposure declared: refer to the medical team",
            [Pass.Unverified] = "Not verified, not counted",
            [Pass.InFuture] = "Dated in the future, not counted",
            [Pass.NotAccepted] = "This kind of evidence is not accepted",
            [Pass.SeriesIncomplete] = "The vaccination series is not complete",
            [Pass.VaccinationTooRecent] = "The last dose is too recent",
            [Pass.TestTooOld] = "The test is too old",
            [Pass.RecoveryOutOfRange] = "The recovery is outside its validity",
            [Pass.OtherHolder] = "Belongs to another person, not counted",
            [Policy.VaccinationWaitDays] = "The vaccination waiting period is 0 to 365 days",
            [Policy.PcrValidity] = "The PCR test validity is more than 0 and at most 30 days",
            [Policy.RapidTestValidity] = "The rapid test validity is more than 0 and at most 30 days",
            [Policy.RecoveryValidityDays] = "The recovery validity is 1 to 730 days",
            [Policy.DeclarationValidity] = "The declaration validity is more than 0 and at most 30 days",
            [Policy.ClockSkew] = "The clock skew is 0 to 1 hour",
            [Policy.AcceptedEvidence] = "Health evidence is required but no kind of it is accepted",
        };

        public static readonly Dictionary<string, string> Vietnamese = new(StringComparer.Ordinal)
        {
            [Pass.Identified] = "Đã kiểm tra danh tính",
            [Pass.Vaccinated] = "Đã tiêm đủ liều và qua đủ thời gian",
            [Pass.NegativeTest] = "Có kết quả xét nghiệm âm tính còn hiệu lực",
            [Pass.Recovered] = "Đã khỏi bệnh trong thời hạn được chấp nhận",
            [Pass.Declared] = "Đã khai báo y tế trong thời hạn",
            [Pass.NoIdentity] = "Chưa quét giấy tờ tùy thân",
            [Pass.IdentityMismatch] = "Người đứng tên chứng nhận khác với giấy tờ tùy thân",
            [Pass.NoHealthEvidence] = "Không có mũi tiêm, xét nghiệm hay chứng nhận khỏi bệnh hợp lệ",
            [Pass.NoDeclaration] = "Chưa khai báo y tế",
            [Pass.DeclarationTooOld] = "Tờ khai y tế đã quá hạn",
            [Pass.PositiveTest] = "Xét nghiệm dương tính: chuyển tổ y tế",
            [Pass.Symptoms] = "Khai báo có triệu chứng: chuyển tổ y tế",
            [Pass.Exposure] = "Khai báo có yếu tố dịch tễ: chuyển tổ y tế",
            [Pass.Unverified] = "Chưa được xác minh, không được tính",
            [Pass.InFuture] = "Ghi thời điểm ở tương lai, không được tính",
            [Pass.NotAccepted] = "Loại bằng chứng này không được chấp nhận",
            [Pass.SeriesIncomplete] = "Chưa tiêm đủ liều cơ bản",
            [Pass.VaccinationTooRecent] = "Mũi tiêm cuối chưa đủ thời gian",
            [Pass.TestTooOld] = "Kết quả xét nghiệm đã quá hạn",
            [Pass.RecoveryOutOfRange] = "Chứng nhận khỏi bệnh ngoài thời hạn",
            [Pass.OtherHolder] = "Thuộc về người khác, không được tính",
            [Policy.VaccinationWaitDays] = "Thời gian chờ sau tiêm từ 0 đến 365 ngày",
            [Policy.PcrValidity] = "Hiệu lực xét nghiệm PCR lớn hơn 0 và tối đa 30 ngày",
            [Policy.RapidTestValidity] = "Hiệu lực xét nghiệm nhanh lớn hơn 0 và tối đa 30 ngày",
            [Policy.RecoveryValidityDays] = "Hiệu lực khỏi bệnh từ 1 đến 730 ngày",
            [Policy.DeclarationValidity] = "Hiệu lực tờ khai lớn hơn 0 và tối đa 30 ngày",
            [Policy.ClockSkew] = "Độ lệch đồng hồ từ 0 đến 1 giờ",
            [Policy.AcceptedEvidence] = "Yêu cầu bằng chứng sức khỏe nhưng không chấp nhận loại nào",
        };
    }

    /// <summary>What each reason code is.</summary>
    internal static PassReasonKind KindOf(string code) => code switch
    {
        Pass.Identified or Pass.Vaccinated or Pass.NegativeTest or Pass.Recovered or Pass.Declared => PassReasonKind.Grounds,
        Pass.NoIdentity or Pass.IdentityMismatch or Pass.NoHealthEvidence or Pass.NoDeclaration or Pass.DeclarationTooOld => PassReasonKind.Refusal,
        Pass.PositiveTest or Pass.Symptoms or Pass.Exposure => PassReasonKind.Referral,
        Pass.Unverified or Pass.InFuture or Pass.NotAccepted or Pass.SeriesIncomplete or Pass.VaccinationTooRecent or Pass.TestTooOld or Pass.RecoveryOutOfRange or Pass.OtherHolder => PassReasonKind.Ignored,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a pass reason code."),
    };
}
