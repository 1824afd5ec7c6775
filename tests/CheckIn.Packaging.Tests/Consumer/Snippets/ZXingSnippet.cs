using CheckIn.Core;
using CheckIn.Qr;
using CheckIn.Qr.Printing;
using CheckIn.Qr.ZXing;

namespace CheckIn.Consumer.Snippets;

internal static class ZXingSnippet
{
    public static void Run()
    {
        var image = QrSymbol.Encode("001090123456|NGUYEN VAN A|1990-01-01|0|QID8F3K2M9X|", QrPrintOptions.PersonalCard).GetValueOrThrow().ToImage();
        #region readme
        IQrImageReader reader = new ZXingQrReader();                     // ZXing.Net behind CheckIn's reader interface
        foreach (var code in reader.Read(image))
            Console.WriteLine($"{code.Version}-{code.ErrorCorrectionLevel}: {Redaction.MaskScannedText(code.Text)}"); // personal codes masked
        #endregion
    }
}
