using CheckIn.Qr.Imaging;

namespace CheckIn.Qr;

/// <summary>
/// Reads QR codes from a grayscale image. CheckIn's <see cref="ManagedQrReader"/> implements it without native
/// code; CheckIn.Qr.ZXing implements it over ZXing.Net, and a host can plug in a platform scanner the same way.
/// </summary>
public interface IQrImageReader
{
    /// <summary>Finds and decodes every QR code in the image.</summary>
    /// <param name="image">The image.</param>
    /// <param name="cancellationToken">Stops the reading (a reader that cannot stop early says so in its documentation).</param>
    /// <returns>The codes found, possibly none. Never throws on image content.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    IReadOnlyList<QrCode> Read(LuminanceImage image, CancellationToken cancellationToken = default);
}
