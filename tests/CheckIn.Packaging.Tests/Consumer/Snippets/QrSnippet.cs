using CheckIn.Qr;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Printing;

namespace CheckIn.Consumer.Snippets;

internal static class QrSnippet
{
    public static void Run(string folder)
    {
        var path = Path.Combine(folder, "poster.png");
        #region readme
        var venue = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";
        var poster = QrDocument.VenuePoster(venue, new VenuePosterContent { VenueName = "Chợ Đông Ba", Address = "2 Trần Hưng Đạo, Huế" });
        File.WriteAllBytes(path, poster.GetValueOrThrow().ToPng());      // A4 at 300 dpi, a 15 cm code for scanning from 1 m

        var image = ImageReader.Read(File.ReadAllBytes(path)).GetValueOrThrow();
        foreach (var code in new ManagedQrReader().Read(image))          // bounded work per image, any rotation
            Console.WriteLine($"{code.Version}-{code.ErrorCorrectionLevel}: {code.Text}");
        #endregion
    }
}
