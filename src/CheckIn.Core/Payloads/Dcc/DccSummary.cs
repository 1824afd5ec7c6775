using System.Globalization;
using CheckIn.Core.Payloads.Signed;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Core.Payloads.Dcc;

/// <summary>
/// The lines a checkpoint screen shows for a vaccine passport, in Vietnamese or English: whether the signature was
/// verified, the holder (masked by default, like every personal code), and the entry with value-set names.
/// </summary>
/// <example>
/// <code>
/// foreach (var line in DccSummary.Lines(dcc, MessageLanguage.Vietnamese))
///     Console.WriteLine($"{line.Name}: {line.Value}");   // Chữ ký: Đã xác minh (VN) · Họ tên: N*** V** A · Mũi: 2/2 …
/// </code>
/// </example>
public static class DccSummary
{
    /// <summary>The summary's lines: a label in the language, and the value.</summary>
    /// <param name="payload">The certificate read.</param>
    /// <param name="language">The language of labels and names.</param>
    /// <param name="reveal">True to show the full name and date of birth (for the staff's own check against an ID card).</param>
    /// <returns>The lines in screen order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    public static IReadOnlyList<PayloadField> Lines(DccPayload payload, MessageLanguage language, bool reveal = false)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var vi = language == MessageLanguage.Vietnamese;
        string L(string english, string vietnamese) => vi ? vietnamese : english;
        string Date(LocalDate date) => vi ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : LocalDatePattern.Iso.Format(date);
        string Time(Instant instant) => instant.InZone(VietnamTime.Zone).ToString(vi ? "dd/MM/yyyy HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        var certificate = payload.Certificate;
        var lines = new List<PayloadField>
        {
            new(L("Certificate", "Chứng nhận"), payload.Type switch
            {
                DccCertificateType.Vaccination => L("Vaccination", "Tiêm chủng"),
                DccCertificateType.Test => L("Test", "Xét nghiệm"),
                _ => L("Recovery", "Khỏi bệnh"),
            }),
            new(L("Signature", "Chữ ký"), payload.SignatureStatus == SignatureStatus.Valid
                ? L("Verified", "Đã xác minh") + (payload.Signer?.Country is { } c ? " (" + c + ")" : string.Empty)
                : L("NOT verified", "CHƯA xác minh")),
            new(L("Name", "Họ tên"), reveal ? certificate.Name.FullName : certificate.Name.ToString()),
            new(L("Date of birth", "Ngày sinh"), reveal ? certificate.DateOfBirth.ToString() : certificate.DateOfBirth.Year.ToString(CultureInfo.InvariantCulture)),
            new(L("Disease", "Bệnh"), DccValueSets.Display(DccValueSet.Disease, certificate.Entry.Disease, language)),
        };

        switch (certificate.Entry)
        {
            case DccVaccination v:
                lines.Add(new(L("Vaccine", "Vắc xin"), DccValueSets.Display(DccValueSet.VaccineProduct, v.Product, language)));
                lines.Add(new(L("Manufacturer", "Nhà sản xuất"), DccValueSets.Display(DccValueSet.VaccineManufacturer, v.Manufacturer, language)));
                lines.Add(new(L("Dose", "Mũi"), string.Create(CultureInfo.InvariantCulture, $"{v.DoseNumber}/{v.TotalDoses}")));
                lines.Add(new(L("Vaccinated on", "Ngày tiêm"), Date(v.Date)));
                break;
            case DccTest t:
                lines.Add(new(L("Test", "Loại xét nghiệm"), DccValueSets.Display(DccValueSet.TestType, t.TestType, language)));
                lines.Add(new(L("Result", "Kết quả"), DccValueSets.Display(DccValueSet.TestResult, t.Result, language)));
                lines.Add(new(L("Sample taken", "Thời điểm lấy mẫu"), Time(t.SampleCollectedAt)));
                break;
            case DccRecovery r:
                lines.Add(new(L("First positive", "Ngày dương tính"), Date(r.FirstPositive)));
                lines.Add(new(L("Valid", "Hiệu lực"), Date(r.ValidFrom) + " – " + Date(r.ValidUntil)));
                break;
        }

        lines.Add(new(L("Country", "Quốc gia"), certificate.Entry.Country));
        lines.Add(new(L("Issued by", "Nơi cấp"), certificate.Entry.CertificateIssuer));
        if (payload.ExpiresAt is { } expires)
        {
            lines.Add(new(L("Code expires", "Mã hết hạn"), Time(expires)));
        }

        return lines;
    }
}
