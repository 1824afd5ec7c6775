namespace CheckIn.Qr;

/// <summary>The English message of every code in <see cref="QrErrorCodes"/>.</summary>
internal static class QrEnglishMessages
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [QrErrorCodes.Image.Empty] = "The image file is empty",
        [QrErrorCodes.Image.UnknownFormat] = "The image is neither PNG nor PGM/PPM",
        [QrErrorCodes.Image.TooLarge] = "The image has more pixels than allowed",
        [QrErrorCodes.Png.Chunk] = "A PNG chunk is truncated or unknown",
        [QrErrorCodes.Png.Crc] = "A PNG chunk is corrupted (CRC)",
        [QrErrorCodes.Png.Header] = "The PNG header is invalid",
        [QrErrorCodes.Png.Palette] = "The PNG palette is missing or invalid",
        [QrErrorCodes.Png.Data] = "The PNG image data is corrupted",
        [QrErrorCodes.Pnm.Header] = "The PGM/PPM header is invalid",
        [QrErrorCodes.Pnm.Data] = "The PGM/PPM pixel data is truncated or invalid",
        [QrErrorCodes.QrPrint.ModuleTooSmall] = "At this size the code's modules would be too small to scan from the intended distance",
        [QrErrorCodes.QrPrint.ResolutionTooLow] = "The print resolution is too low for this code size",
        [QrErrorCodes.QrPrint.TextTooLong] = "A text is too long for its place on the page",
        [QrErrorCodes.QrPrint.UnsupportedCharacter] = "A text has a character that cannot be printed",
        [QrErrorCodes.QrPrint.TooLargeForPage] = "The code and text do not fit on the page",
        [QrErrorCodes.Qr.StructuredAppendIncomplete] = "Some symbols of the split QR message are missing or repeated",
        [QrErrorCodes.Qr.StructuredAppendMismatch] = "The QR symbols do not belong to one split message",
        [QrErrorCodes.ReaderOptions.MaxCodes] = "The most codes per image is 1 to 256",
        [QrErrorCodes.ReaderOptions.MaxPixels] = "The pixels a pass examines are 10,000 to 100 million",
        [QrErrorCodes.ReaderOptions.HarderPassMaxPixels] = "The pixels of a harder pass are 10,000 to MaxPixels",
        [QrErrorCodes.ReaderOptions.MaxFinderCandidates] = "The finder candidates per pass are 16 to 100,000",
        [QrErrorCodes.ReaderOptions.MaxDecodeAttempts] = "The decode attempts per pass are 1 to 10,000",
        [QrErrorCodes.ZXingOptions.MaxPixels] = "The pixels handed to ZXing are 10,000 to 100 million",
        [QrErrorCodes.ImageOptions.MaxPixels] = "The most pixels of an image file are 1 to 1 billion",
        [QrErrorCodes.PrintOptions.SymbolCentimetres] = "The printed code is 0.5 to 200 cm wide",
        [QrErrorCodes.PrintOptions.DotsPerInch] = "The print resolution is 72 to 2,400 dpi",
        [QrErrorCodes.PrintOptions.ScanDistanceMetres] = "The scanning distance is 0.05 to 50 m",
        [QrErrorCodes.PrintOptions.QuietZoneModules] = "The quiet zone is 4 to 20 modules",
        [QrErrorCodes.PrintOptions.ErrorCorrection] = "The error-correction level is L, M, Q or H",
    };
}
