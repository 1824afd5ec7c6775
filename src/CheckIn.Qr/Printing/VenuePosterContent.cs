using System.Globalization;

namespace CheckIn.Qr.Printing;

/// <summary>The text of a venue poster. Vietnamese with diacritics is expected.</summary>
public sealed record VenuePosterContent
{
    /// <summary>The default title: "QUÉT MÃ QR ĐỂ KHAI BÁO Y TẾ" (scan the code to declare your visit).</summary>
    public const string DefaultTitle = "QUÉT MÃ QR ĐỂ KHAI BÁO Y TẾ";

    /// <summary>The venue's name, for example "Chợ Đông Ba".</summary>
    public required string VenueName { get; init; }

    /// <summary>The venue's address, for example "2 Trần Hưng Đạo, Phường Phú Hòa, Thành phố Huế".</summary>
    public required string Address { get; init; }

    /// <summary>The title at the top. Default <see cref="DefaultTitle"/>.</summary>
    public string Title { get; init; } = DefaultTitle;

    /// <summary>The check-in instructions under the code, one per line; null for <see cref="DefaultInstructions"/>.</summary>
    public IReadOnlyList<string>? Instructions { get; init; }

    /// <summary>
    /// The default instructions: open a declaration app and scan, hold the phone at about the scanning
    /// distance, and — for visitors without a smartphone — sign the paper log at the counter.
    /// </summary>
    /// <param name="scanDistanceMetres">The distance the code was sized for.</param>
    /// <returns>Three lines of Vietnamese.</returns>
    public static IReadOnlyList<string> DefaultInstructions(double scanDistanceMetres) =>
    [
        "1. Mở ứng dụng khai báo y tế (PC-Covid, Hue-S…) và chọn Quét mã QR.",
        // Vietnamese writes a decimal comma: 1,5 m.
        $"2. Hướng camera vào mã này, cách mã không quá {scanDistanceMetres.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',')} m.",
        "3. Không có điện thoại thông minh? Ghi sổ khai báo tại quầy.",
    ];
}
