using CheckIn.Core;

namespace CheckIn.Qr;

/// <summary>
/// The stable error codes of CheckIn.Qr: image files, QR symbols read from images, and printing. Codes never
/// change meaning once published; tests and callers compare codes, never message text.
/// </summary>
public static class QrErrorCodes
{
    /// <summary>Codes of image files.</summary>
    public static class Image
    {
        /// <summary>The file is empty.</summary>
        public const string Empty = "Image.Empty";

        /// <summary>The file is neither PNG nor PGM/PPM.</summary>
        public const string UnknownFormat = "Image.UnknownFormat";

        /// <summary>The image has more pixels than allowed (a decompression bomb, or simply too large).</summary>
        public const string TooLarge = "Image.TooLarge";
    }

    /// <summary>Codes of PNG files.</summary>
    public static class Png
    {
        /// <summary>A chunk is truncated, or a critical chunk is unknown.</summary>
        public const string Chunk = "Png.Chunk";

        /// <summary>A chunk's CRC does not match its contents.</summary>
        public const string Crc = "Png.Crc";

        /// <summary>The IHDR header is missing, repeated or holds values PNG does not allow.</summary>
        public const string Header = "Png.Header";

        /// <summary>The palette is missing or malformed.</summary>
        public const string Palette = "Png.Palette";

        /// <summary>The image data does not decompress to the size the header announces, or uses an unknown filter.</summary>
        public const string Data = "Png.Data";
    }

    /// <summary>Codes of PGM/PPM files.</summary>
    public static class Pnm
    {
        /// <summary>The header (magic number, width, height, maximum value) is malformed.</summary>
        public const string Header = "Pnm.Header";

        /// <summary>The pixel data is truncated or out of range.</summary>
        public const string Data = "Pnm.Data";
    }

    /// <summary>Codes of QR symbols read from images.</summary>
    public static class Qr
    {
        /// <summary>Structured append: not every symbol of the message is there (or one is there twice).</summary>
        public const string StructuredAppendIncomplete = "Qr.StructuredAppendIncomplete";

        /// <summary>Structured append: the symbols disagree on the count or parity, or one is not part of a sequence.</summary>
        public const string StructuredAppendMismatch = "Qr.StructuredAppendMismatch";
    }

    /// <summary>Codes of printing QR symbols, posters and cards.</summary>
    public static class QrPrint
    {
        /// <summary>At the requested size the symbol's modules would be smaller than the scanning-distance rule allows.</summary>
        public const string ModuleTooSmall = "QrPrint.ModuleTooSmall";

        /// <summary>At the requested resolution, whole-dot modules would make the symbol more than 25% larger than asked.</summary>
        public const string ResolutionTooLow = "QrPrint.ResolutionTooLow";

        /// <summary>A text does not fit its place even at the smallest allowed size (field index: which text).</summary>
        public const string TextTooLong = "QrPrint.TextTooLong";

        /// <summary>A text has a character the PNG font cannot draw (field index: which text; position: where).</summary>
        public const string UnsupportedCharacter = "QrPrint.UnsupportedCharacter";

        /// <summary>The code and text do not fit on the largest page the layout uses.</summary>
        public const string TooLargeForPage = "QrPrint.TooLargeForPage";
    }

    /// <summary>Codes of <see cref="QrReaderOptions"/> out of range (the property is named).</summary>
    public static class ReaderOptions
    {
        /// <summary><see cref="QrReaderOptions.MaxCodes"/> is not 1 to 256.</summary>
        public const string MaxCodes = "QrReaderOptions.MaxCodes";

        /// <summary><see cref="QrReaderOptions.MaxPixels"/> is not 10,000 to 100 million.</summary>
        public const string MaxPixels = "QrReaderOptions.MaxPixels";

        /// <summary><see cref="QrReaderOptions.HarderPassMaxPixels"/> is not 10,000 to <see cref="QrReaderOptions.MaxPixels"/>.</summary>
        public const string HarderPassMaxPixels = "QrReaderOptions.HarderPassMaxPixels";

        /// <summary><see cref="QrReaderOptions.MaxFinderCandidates"/> is not 16 to 100,000.</summary>
        public const string MaxFinderCandidates = "QrReaderOptions.MaxFinderCandidates";

        /// <summary><see cref="QrReaderOptions.MaxDecodeAttempts"/> is not 1 to 10,000.</summary>
        public const string MaxDecodeAttempts = "QrReaderOptions.MaxDecodeAttempts";
    }

    /// <summary>Codes of the ZXing reader's options out of range (CheckIn.Qr.ZXing).</summary>
    public static class ZXingOptions
    {
        /// <summary>The ZXing reader's MaxPixels is not 10,000 to 100 million.</summary>
        public const string MaxPixels = "ZXingQrReaderOptions.MaxPixels";
    }

    /// <summary>Codes of <see cref="Imaging.ImageReadOptions"/> out of range (the property names the option).</summary>
    public static class ImageOptions
    {
        /// <summary>The most pixels of an image file are 1 to 1 billion.</summary>
        public const string MaxPixels = "ImageReadOptions.MaxPixels";
    }

    /// <summary>Codes of <see cref="Printing.QrPrintOptions"/> out of range (the property names the option).</summary>
    public static class PrintOptions
    {
        /// <summary>The printed code is 0.5 to 200 cm wide.</summary>
        public const string SymbolCentimetres = "QrPrintOptions.SymbolCentimetres";

        /// <summary>The print resolution is 72 to 2,400 dpi.</summary>
        public const string DotsPerInch = "QrPrintOptions.DotsPerInch";

        /// <summary>The scanning distance is 0.05 to 50 m.</summary>
        public const string ScanDistanceMetres = "QrPrintOptions.ScanDistanceMetres";

        /// <summary>The quiet zone is 4 to 20 modules.</summary>
        public const string QuietZoneModules = "QrPrintOptions.QuietZoneModules";

        /// <summary>The error-correction level is L, M, Q or H.</summary>
        public const string ErrorCorrection = "QrPrintOptions.ErrorCorrection";
    }

    /// <summary>The messages of these codes, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(QrEnglishMessages.Table, QrVietnameseMessages.Table);

    /// <summary>Every code defined here, for tools and tests.</summary>
    /// <returns>The codes, sorted.</returns>
    public static IReadOnlyList<string> All() => [.. QrEnglishMessages.Table.Keys.Order(StringComparer.Ordinal)];
}
