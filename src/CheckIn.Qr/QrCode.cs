using CheckIn.Core;

namespace CheckIn.Qr;

/// <summary>A QR code found in an image.</summary>
public sealed record QrCode
{
    /// <summary>The text, decoded with the ECI designators or, without them, UTF-8 / Shift_JIS / ISO-8859-1 as the bytes suggest.</summary>
    public required string Text { get; init; }

    /// <summary>The payload bytes as encoded (byte segments verbatim; numeric and alphanumeric as ASCII; kanji as Shift_JIS).</summary>
    public required EquatableArray<byte> Bytes { get; init; }

    /// <summary>The data codewords after error correction (the raw bit stream).</summary>
    public required EquatableArray<byte> DataCodewords { get; init; }

    /// <summary>The symbol version, 1–40.</summary>
    public required int Version { get; init; }

    /// <summary>The error-correction level.</summary>
    public required QrErrorCorrectionLevel ErrorCorrectionLevel { get; init; }

    /// <summary>The symbol's corners in the image: top-left, top-right, bottom-right, bottom-left (of the symbol, wherever it is turned).</summary>
    public required EquatableArray<QrPoint> Corners { get; init; }

    /// <summary>How many codewords error correction repaired.</summary>
    public required int CorrectedCodewords { get; init; }

    /// <summary>The symbol's place in a structured append sequence, if it is part of one.</summary>
    public QrStructuredAppend? StructuredAppend { get; init; }

    /// <summary>The ECI designators the symbol carries (26 is UTF-8), in order.</summary>
    public EquatableArray<int> EciDesignators { get; init; }

    /// <summary>True when the symbol is mirrored (printed or photographed from the back).</summary>
    public bool Mirrored { get; init; }

    /// <summary>True when the symbol is light on dark.</summary>
    public bool Inverted { get; init; }

    /// <summary>True when the symbol carries GS1 data (FNC1).</summary>
    public bool Gs1 { get; init; }

    /// <summary>The centre of the symbol in the image.</summary>
    public QrPoint Center => new(Corners.Items.Average(c => c.X), Corners.Items.Average(c => c.Y));

    /// <summary>A summary without the text or bytes: a scanned code often holds a full ID number and name, so it is not printed.</summary>
    /// <returns>For example <c>QrCode { Version = 5, Level = M, Length = 73, Corrected = 0 }</c>.</returns>
    public override string ToString() =>
        $"QrCode {{ Version = {Version}, Level = {ErrorCorrectionLevel}, Length = {Text.Length}, Corrected = {CorrectedCodewords} }}";
}
