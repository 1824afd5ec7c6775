using CheckIn.Qr;
using CheckIn.Qr.Printing;
using CheckIn.Qr.Skia;
using SkiaSharp;

namespace CheckIn.Consumer.Snippets;

internal static class SkiaSnippet
{
    public static void Run(string folder)
    {
        // A phone camera's JPEG of a printed code.
        var path = Path.Combine(folder, "photo.jpg");
        var png = QrSymbol.Encode("https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e", QrPrintOptions.PersonalCard).GetValueOrThrow().ToPng();
        using (var bitmap = SKBitmap.Decode(png))
        using (var jpeg = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Jpeg, 80))
        {
            File.WriteAllBytes(path, jpeg.ToArray());
        }

        #region readme
        var photo = SkiaImageReader.Read(File.ReadAllBytes(path));      // JPEG, WebP, …; large photos decoded at a reduced size
        if (photo.TryGetValue(out var image))
            foreach (var code in new ManagedQrReader().Read(image))
                Console.WriteLine(code.Text);
        else
            Console.WriteLine(photo.Error.Code);                          // SkiaImage.Unreadable, SkiaImage.NativeLibraryMissing, …
        #endregion
    }
}
