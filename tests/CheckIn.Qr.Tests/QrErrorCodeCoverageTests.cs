using CheckIn.Core;
using CheckIn.Qr.Printing;
using CheckIn.Testing;

namespace CheckIn.Qr.Tests;

/// <summary>Every QR and printing error code is reached by an input (image codes: ImageReaderTests).</summary>
public sealed class QrErrorCodeCoverageTests
{
    private static IEnumerable<(string Code, Func<CheckInError> Produce)> Cases()
    {
        static QrCode Part(string text, QrStructuredAppend? part) => new()
        {
            Text = text,
            Bytes = new EquatableArray<byte>([]),
            DataCodewords = new EquatableArray<byte>([]),
            Version = 1,
            ErrorCorrectionLevel = QrErrorCorrectionLevel.L,
            Corners = new EquatableArray<QrPoint>([]),
            CorrectedCodewords = 0,
            StructuredAppend = part,
        };
        yield return ("Qr.StructuredAppendIncomplete", () => QrStructuredAppend.Join([Part("a", new(0, 2, 7))]).Error);
        var cardOptions = QrPrintOptions.PersonalCard;
        var market = new VenuePosterContent { VenueName = "Chợ Đông Ba", Address = "Huế" };
        yield return ("QrPrint.ModuleTooSmall", () => QrSymbol.Encode(new string('A', 900), cardOptions).Error);
        yield return ("QrPrint.ResolutionTooLow", () => QrSymbol.Encode(new string('7', 300), cardOptions with { DotsPerInch = 72, ScanDistanceMetres = 0.1 }).Error);
        yield return ("QrPrint.TextTooLong", () => QrDocument.VenuePoster("x", market with { Address = string.Join(' ', Enumerable.Repeat("Phường Phú Hội", 60)) }).Error);
        yield return ("QrPrint.UnsupportedCharacter", () => QrDocument.VenuePoster("x", market with { VenueName = "老街" }).Error);
        yield return ("QrPrint.TooLargeForPage", () => QrDocument.VenuePoster("x", market, QrPrintOptions.VenuePoster with { SymbolCentimetres = 40 }).Error);
        yield return ("Qr.StructuredAppendMismatch", () => QrStructuredAppend.Join([Part("a", new(0, 2, 7)), Part("b", null)]).Error);
    }

    [Fact]
    public void EveryCode_IsReachedByAnInput()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, produce) in Cases())
        {
            var error = produce();
            Assert.True(code == error.Code, $"expected {code}, got {error.Code}");
            Assert.NotEqual(code, error.GetDescription(MessageLanguage.English));
            reached.Add(code);
        }

        Assert.Empty(QrErrorCodes.All().Where(c => c.Split('.')[0] is "Qr" or "QrPrint").Except(reached));
    }

    [Fact]
    public void Catalog_IsComplete() => ErrorCatalogAssert.IsComplete(typeof(QrErrorCodes), QrErrorCodes.Messages, QrErrorCodes.All());
}
