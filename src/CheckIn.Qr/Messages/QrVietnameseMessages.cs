namespace CheckIn.Qr;

/// <summary>The Vietnamese message of every code in <see cref="QrErrorCodes"/>.</summary>
internal static class QrVietnameseMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [QrErrorCodes.Image.Empty] = "Tệp ảnh trống",
        [QrErrorCodes.Image.UnknownFormat] = "Ảnh không phải PNG hoặc PGM/PPM",
        [QrErrorCodes.Image.TooLarge] = "Ảnh có nhiều điểm ảnh hơn mức cho phép",
        [QrErrorCodes.Png.Chunk] = "Một khối PNG bị cắt cụt hoặc không xác định",
        [QrErrorCodes.Png.Crc] = "Một khối PNG bị hỏng (CRC)",
        [QrErrorCodes.Png.Header] = "Phần đầu PNG không hợp lệ",
        [QrErrorCodes.Png.Palette] = "Bảng màu PNG thiếu hoặc không hợp lệ",
        [QrErrorCodes.Png.Data] = "Dữ liệu ảnh PNG bị hỏng",
        [QrErrorCodes.Pnm.Header] = "Phần đầu PGM/PPM không hợp lệ",
        [QrErrorCodes.Pnm.Data] = "Dữ liệu điểm ảnh PGM/PPM bị cắt cụt hoặc không hợp lệ",
        [QrErrorCodes.QrPrint.ModuleTooSmall] = "Ở kích thước này các ô của mã quá nhỏ để quét từ khoảng cách dự kiến",
        [QrErrorCodes.QrPrint.ResolutionTooLow] = "Độ phân giải in quá thấp cho kích thước mã này",
        [QrErrorCodes.QrPrint.TextTooLong] = "Một đoạn chữ quá dài so với chỗ trên trang",
        [QrErrorCodes.QrPrint.UnsupportedCharacter] = "Một đoạn chữ có ký tự không in được",
        [QrErrorCodes.QrPrint.TooLargeForPage] = "Mã và chữ không vừa trang in",
        [QrErrorCodes.Qr.StructuredAppendIncomplete] = "Thiếu hoặc trùng một số mã của thông điệp QR được chia nhỏ",
        [QrErrorCodes.Qr.StructuredAppendMismatch] = "Các mã QR không thuộc cùng một thông điệp được chia nhỏ",
        [QrErrorCodes.ReaderOptions.MaxCodes] = "Số mã tối đa trong một ảnh phải từ 1 đến 256",
        [QrErrorCodes.ReaderOptions.MaxPixels] = "Số điểm ảnh một lượt xét phải từ 10.000 đến 100 triệu",
        [QrErrorCodes.ReaderOptions.HarderPassMaxPixels] = "Số điểm ảnh của lượt đọc kỹ phải từ 10.000 đến MaxPixels",
        [QrErrorCodes.ReaderOptions.MaxFinderCandidates] = "Số ứng viên mẫu định vị mỗi lượt phải từ 16 đến 100.000",
        [QrErrorCodes.ReaderOptions.MaxDecodeAttempts] = "Số lần thử giải mã mỗi lượt phải từ 1 đến 10.000",
        [QrErrorCodes.ZXingOptions.MaxPixels] = "Số điểm ảnh đưa cho ZXing phải từ 10.000 đến 100 triệu",
        [QrErrorCodes.ImageOptions.MaxPixels] = "Số điểm ảnh tối đa của một tệp ảnh phải từ 1 đến 1 tỷ",
        [QrErrorCodes.PrintOptions.SymbolCentimetres] = "Kích thước mã in phải từ 0,5 đến 200 cm",
        [QrErrorCodes.PrintOptions.DotsPerInch] = "Độ phân giải in phải từ 72 đến 2.400 dpi",
        [QrErrorCodes.PrintOptions.ScanDistanceMetres] = "Khoảng cách quét phải từ 0,05 đến 50 m",
        [QrErrorCodes.PrintOptions.QuietZoneModules] = "Vùng trống phải từ 4 đến 20 ô",
        [QrErrorCodes.PrintOptions.ErrorCorrection] = "Mức sửa lỗi phải là L, M, Q hoặc H",
    };
}
