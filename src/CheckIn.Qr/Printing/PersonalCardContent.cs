using CheckIn.Core;

namespace CheckIn.Qr.Printing;

/// <summary>The text of a personal card. The name and number are masked when printed.</summary>
public sealed record PersonalCardContent
{
    /// <summary>The holder's full name; the card shows it masked to initials (<see cref="Redaction.MaskName"/>).</summary>
    public required string HolderName { get; init; }

    /// <summary>The holder's ID, CMND, passport or QID number; the card shows only its first and last digits.</summary>
    public required string DocumentNumber { get; init; }

    /// <summary>The label before the masked number. Default "Số giấy tờ" (document number).</summary>
    public string DocumentLabel { get; init; } = "Số giấy tờ";

    /// <summary>The title. Default "MÃ QR CÁ NHÂN" (personal QR code).</summary>
    public string Title { get; init; } = "MÃ QR CÁ NHÂN";

    /// <summary>Who issued the card, for example "Tỉnh Thừa Thiên Huế"; null for none.</summary>
    public string? Issuer { get; init; }

    /// <summary>The note at the bottom. Default: show this code when entering public places.</summary>
    public string Note { get; init; } = "Xuất trình mã này khi ra vào nơi công cộng.";

    /// <summary>The content with the name and number masked, safe for logs.</summary>
    /// <returns>For example <c>PersonalCardContent { HolderName = T*** T** B, DocumentNumber = **********56 }</c>.</returns>
    public override string ToString() =>
        $"PersonalCardContent {{ HolderName = {Redaction.MaskName(HolderName)}, DocumentNumber = {Redaction.MaskDocumentNumber(DocumentNumber)} }}";
}
