using CheckIn.Qr.Imaging;

namespace CheckIn.Qr;

/// <summary>
/// Reads QR codes from a grayscale image. CheckIn's <see cref="ManagedQrReader"/> implements it without native
/// code; a host with ZXing.Net (or a platform scanner) can implement it instead and plug it in.
/// </summary>
public interface IQrImageReader
{
    /// <summary>Finds and decodes every QR code in the image.</summary>
    /// <param name="image">The image.</param>
    /// <returns>The codes found, possibly none. Never throws on image content.</returns>
    IReadOnlyList<QrCode> Read(LuminanceImage image);
}
