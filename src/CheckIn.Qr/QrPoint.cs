namespace CheckIn.Qr;

/// <summary>A point in an image, in pixels from the top-left corner.</summary>
/// <param name="X">Pixels to the right.</param>
/// <param name="Y">Pixels down.</param>
public readonly record struct QrPoint(double X, double Y);
