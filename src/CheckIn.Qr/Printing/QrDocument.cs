using System.Globalization;
using System.Text;
using CheckIn.Core;
using CheckIn.Qr.Imaging;

namespace CheckIn.Qr.Printing;

/// <summary>
/// A printable page: a QR symbol with text and frames laid out in millimetres, written as SVG (text as real
/// text, in a Vietnamese-capable font stack) or PNG (text drawn with CheckIn's stroke font, at the options'
/// resolution, recorded in the file). Make one with <see cref="VenuePoster"/> or <see cref="PersonalCard"/>.
/// </summary>
public sealed class QrDocument
{
    private const string FontFamily = "'Be Vietnam Pro','Noto Sans','Roboto','Segoe UI',Arial,sans-serif";

    /// <summary>Most pixels a PNG page may have (a 297 × 420 mm A3 page at 600 dpi is 69.6 million).</summary>
    private const long MaxPixels = 80_000_000;

    private readonly List<Element> _elements;

    private QrDocument(double width, double height, QrSymbol symbol, List<Element> elements)
    {
        WidthMillimetres = width;
        HeightMillimetres = height;
        Symbol = symbol;
        _elements = elements;
    }

    /// <summary>The page width in millimetres.</summary>
    public double WidthMillimetres { get; }

    /// <summary>The page height in millimetres.</summary>
    public double HeightMillimetres { get; }

    /// <summary>The symbol on the page, with its version, level and printed size.</summary>
    public QrSymbol Symbol { get; }

    /// <summary>The lines of text on the page, top to bottom (masked where the layout masks).</summary>
    public IReadOnlyList<string> TextLines => [.. _elements.OfType<TextElement>().Select(t => t.Text)];

    /// <summary>
    /// Lays out an A4 venue poster (A3 when the code needs it): title, venue name and address at the top, the
    /// code, then the check-in instructions and a footer naming the code's version, level and printed size.
    /// </summary>
    /// <param name="payload">The venue's QR payload.</param>
    /// <param name="content">The poster's text.</param>
    /// <param name="options">How the code is printed; null for <see cref="QrPrintOptions.VenuePoster"/>.</param>
    /// <returns>
    /// The poster, an error of <see cref="QrSymbol.Encode"/>, or <see cref="QrErrorCodes.QrPrint.TextTooLong"/>,
    /// <see cref="QrErrorCodes.QrPrint.UnsupportedCharacter"/> (field index 0 title, 1 name, 2 address, 3 and
    /// on the instructions) or <see cref="QrErrorCodes.QrPrint.TooLargeForPage"/>.
    /// </returns>
    /// <exception cref="InvalidOptionsException">An option is outside its documented range.</exception>
    public static Result<QrDocument> VenuePoster(string payload, VenuePosterContent content, QrPrintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= QrPrintOptions.VenuePoster;
        var symbol = QrSymbol.Encode(payload, options);
        if (!symbol.TryGetValue(out var code))
        {
            return symbol.ConvertError<QrDocument>();
        }

        var instructions = content.Instructions ?? VenuePosterContent.DefaultInstructions(options.ScanDistanceMetres);
        var footer = string.Create(CultureInfo.InvariantCulture,
            $"Mã QR phiên bản {code.Version}-{code.ErrorCorrectionLevel} · {code.PrintedCentimetres:0.#} × {code.PrintedCentimetres:0.#} cm · in ở {options.DotsPerInch} dpi");
        Block[] top =
        [
            new(content.Title, Bold: true, MaxLines: 2, PreferredCap: 8, MinimumCap: 4, Field: 0),
            new(content.VenueName, Bold: true, MaxLines: 2, PreferredCap: 6.5, MinimumCap: 3.5, Field: 1),
            new(content.Address, Bold: false, MaxLines: 3, PreferredCap: 4.2, MinimumCap: 2.8, Field: 2),
        ];
        Block[] bottom =
        [
            .. instructions.Select((line, i) => new Block(line, Bold: false, MaxLines: 2, PreferredCap: 3.4, MinimumCap: 2.4, Field: 3 + i)),
            new(footer, Bold: false, MaxLines: 1, PreferredCap: 2.2, MinimumCap: 1.6, Field: 3 + instructions.Count, Gap: 3),
        ];
        foreach (var (width, height) in (ReadOnlySpan<(double, double)>)[(210, 297), (297, 420)])
        {
            // Smaller text before a larger sheet: A4 is what most venues can print.
            foreach (var textScale in (ReadOnlySpan<double>)[1, 0.9, 0.8, 0.7, 0.6])
            {
                var page = Layout(code, width, height, margin: 12, frame: 6, Scaled(top, textScale), Scaled(bottom, textScale));
                if (page.Success || page.Error.Code != QrErrorCodes.QrPrint.TooLargeForPage)
                {
                    return page;
                }
            }
        }

        return QrErrors.Fail<QrDocument>(QrErrorCodes.QrPrint.TooLargeForPage, CheckInError.None, 0);
    }

    /// <summary>
    /// Lays out a personal card (74 × 105 mm, larger when the code needs it), like the epidemic-control cards
    /// provinces printed: a title, the code, the holder's masked name and masked document number, and a note.
    /// The full name and number never appear on the card (they are in the code itself).
    /// </summary>
    /// <param name="payload">The person's QR payload.</param>
    /// <param name="content">The card's text.</param>
    /// <param name="options">How the code is printed; null for <see cref="QrPrintOptions.PersonalCard"/>.</param>
    /// <returns>The card, or an error as for <see cref="VenuePoster"/> (fields 0 title, 1 issuer, 2 name, 3 number, 4 note).</returns>
    /// <exception cref="InvalidOptionsException">An option is outside its documented range.</exception>
    public static Result<QrDocument> PersonalCard(string payload, PersonalCardContent content, QrPrintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= QrPrintOptions.PersonalCard;
        var symbol = QrSymbol.Encode(payload, options);
        if (!symbol.TryGetValue(out var code))
        {
            return symbol.ConvertError<QrDocument>();
        }

        List<Block> top = [new(content.Title, Bold: true, MaxLines: 1, PreferredCap: 3.6, MinimumCap: 2.2, Field: 0)];
        if (!string.IsNullOrWhiteSpace(content.Issuer))
        {
            top.Add(new(content.Issuer, Bold: false, MaxLines: 1, PreferredCap: 2.4, MinimumCap: 1.6, Field: 1, Gap: 1));
        }

        var number = content.DocumentNumber.Trim();
        Block[] bottom =
        [
            new(Redaction.MaskName(content.HolderName.Trim()), Bold: true, MaxLines: 2, PreferredCap: 3.4, MinimumCap: 2.2, Field: 2),
            new(content.DocumentLabel + ": " + Redaction.MaskDocumentNumber(number), Bold: false, MaxLines: 1, PreferredCap: 2.8, MinimumCap: 1.8, Field: 3, Gap: 1),
            new(content.Note, Bold: false, MaxLines: 2, PreferredCap: 2.2, MinimumCap: 1.6, Field: 4, Gap: 1.5),
        ];

        var side = (code.PrintedCentimetres * 10) + (2 * code.Options.QuietZoneModules * code.ModuleMillimetres);
        var width = Math.Max(74, Math.Ceiling(side + 8));
        for (var height = Math.Max(105, Math.Ceiling(width * 105 / 74)); height <= 4 * width; height += 5)
        {
            var page = Layout(code, width, height, margin: 4, frame: 1.5, [.. top], bottom);
            if (page.Success || page.Error.Code != QrErrorCodes.QrPrint.TooLargeForPage)
            {
                return page;
            }
        }

        return QrErrors.Fail<QrDocument>(QrErrorCodes.QrPrint.TooLargeForPage, CheckInError.None, 0);
    }

    /// <summary>The page as SVG, sized in millimetres.</summary>
    /// <returns>The SVG document.</returns>
    public string ToSvg()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Svg.Number(WidthMillimetres)}mm\" height=\"{Svg.Number(HeightMillimetres)}mm\" viewBox=\"0 0 {Svg.Number(WidthMillimetres)} {Svg.Number(HeightMillimetres)}\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Svg.Number(WidthMillimetres)}\" height=\"{Svg.Number(HeightMillimetres)}\" fill=\"#fff\"/>\n");
        foreach (var element in _elements)
        {
            switch (element)
            {
                case FrameElement f:
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect x=\"{Svg.Number(f.X)}\" y=\"{Svg.Number(f.Y)}\" width=\"{Svg.Number(f.Width)}\" height=\"{Svg.Number(f.Height)}\" fill=\"none\" stroke=\"#000\" stroke-width=\"{Svg.Number(f.Stroke)}\"/>\n");
                    break;
                case TextElement t:
                    // Capitals are about 0.7 em tall in common sans-serif fonts; SVG places text by its baseline.
                    var anchor = t.Centred ? "middle" : "start";
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{Svg.Number(t.X)}\" y=\"{Svg.Number(t.Top + t.Cap)}\" font-family=\"{FontFamily}\" font-size=\"{Svg.Number(t.Cap / 0.7)}\" font-weight=\"{(t.Bold ? "bold" : "normal")}\" text-anchor=\"{anchor}\" fill=\"#000\">{Svg.Escape(t.Text)}</text>\n");
                    break;
                case SymbolElement s:
                    svg.Append("<path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"");
                    Symbol.AppendPath(svg, s.X, s.Y, Symbol.ModuleMillimetres);
                    svg.Append("\"/>\n");
                    break;
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The page as a grayscale image at the options' resolution.</summary>
    /// <returns>The image.</returns>
    /// <exception cref="InvalidOperationException">The page would exceed 80 million pixels (lower the resolution).</exception>
    public LuminanceImage ToImage()
    {
        var dpi = Symbol.Options.DotsPerInch;
        double Px(double millimetres) => millimetres * dpi / 25.4;
        var width = (int)Math.Ceiling(Px(WidthMillimetres));
        var height = (int)Math.Ceiling(Px(HeightMillimetres));
        if ((long)width * height > MaxPixels)
        {
            throw new InvalidOperationException($"A {WidthMillimetres:0} × {HeightMillimetres:0} mm page at {dpi} dpi exceeds {MaxPixels:N0} pixels; lower the resolution.");
        }

        var image = LuminanceImage.White(width, height);
        foreach (var element in _elements)
        {
            switch (element)
            {
                case FrameElement f:
                    {
                        double l = Px(f.X), t = Px(f.Y), r = Px(f.X + f.Width), b = Px(f.Y + f.Height), s = Px(f.Stroke) / 2;
                        Raster.FillRectangle(image, l - s, t - s, r + s, t + s, 0);
                        Raster.FillRectangle(image, l - s, b - s, r + s, b + s, 0);
                        Raster.FillRectangle(image, l - s, t - s, l + s, b + s, 0);
                        Raster.FillRectangle(image, r - s, t - s, r + s, b + s, 0);
                        break;
                    }

                case TextElement t:
                    {
                        var weight = t.Bold ? TextFitting.BoldWeight : TextFitting.RegularWeight;
                        var (strokes, textWidth) = StrokeFont.Layout(t.Text, weight);
                        var scale = Px(t.Cap) / StrokeFont.CapHeight;
                        var left = Px(t.X) - (t.Centred ? textWidth * scale / 2 : 0);
                        var top = Px(t.Top);
                        foreach (var stroke in strokes)
                        {
                            Raster.Polyline(image, [.. stroke.Select(p => (left + (p.X * scale), top + (p.Y * scale)))], weight * scale);
                        }

                        break;
                    }

                case SymbolElement s:
                    Symbol.Draw(image, (int)Math.Round(Px(s.X)), (int)Math.Round(Px(s.Y)), Symbol.ModulePixels);
                    break;
            }
        }

        return image;
    }

    /// <summary>The page as a PNG recording its resolution, so it prints at its size.</summary>
    /// <returns>The PNG file.</returns>
    /// <exception cref="InvalidOperationException">The page would exceed 80 million pixels (lower the resolution).</exception>
    public byte[] ToPng() => PngWriter.Write(ToImage(), Symbol.Options.DotsPerInch);

    private static Block[] Scaled(IEnumerable<Block> blocks, double scale) =>
        [.. blocks.Select(b => b with { PreferredCap = Math.Max(b.MinimumCap, b.PreferredCap * scale), Gap = b.Gap * scale })];

    /// <summary>Stacks the top blocks, the symbol with its quiet zone, and the bottom blocks on a page, spreading spare height evenly.</summary>
    private static Result<QrDocument> Layout(QrSymbol code, double width, double height, double margin, double frame, IReadOnlyList<Block> top, IReadOnlyList<Block> bottom)
    {
        var contentWidth = width - (2 * margin);
        var fitted = new List<(Block Block, List<string> Lines, double Cap)>();
        foreach (var block in top.Concat(bottom))
        {
            var text = block.Text.Trim();
            if (text.Length > 0 && !StrokeFont.Covers(text))
            {
                var position = text.Normalize(NormalizationForm.FormC).Select((c, i) => (c, i)).First(x => !StrokeFont.Covers(x.c.ToString())).i;
                return QrErrors.Fail<QrDocument>(QrErrorCodes.QrPrint.UnsupportedCharacter, block.Field, position);
            }

            if (TextFitting.Fit(text, contentWidth, block.MaxLines, block.PreferredCap, block.MinimumCap, block.Bold) is not { } fit)
            {
                return QrErrors.Fail<QrDocument>(QrErrorCodes.QrPrint.TextTooLong, block.Field, 0);
            }

            fitted.Add((block, fit.Lines, fit.Cap));
        }

        double BlockHeight((Block Block, List<string> Lines, double Cap) f) =>
            f.Lines.Count == 0 ? 0 : f.Block.Gap + (f.Cap * 0.5) + (f.Lines.Count * f.Cap * TextFitting.LineHeight);
        var quiet = code.Options.QuietZoneModules * code.ModuleMillimetres;
        var symbolSide = code.PrintedCentimetres * 10;
        var codeSide = symbolSide + (2 * quiet);
        var topHeight = fitted.Take(top.Count).Sum(BlockHeight);
        var bottomHeight = fitted.Skip(top.Count).Sum(BlockHeight);
        var spare = height - (2 * margin) - topHeight - bottomHeight - codeSide;
        if (spare < 0 || codeSide > width - (2 * frame))
        {
            return QrErrors.Fail<QrDocument>(QrErrorCodes.QrPrint.TooLargeForPage, CheckInError.None, 0);
        }

        var elements = new List<Element> { new FrameElement(frame, frame, width - (2 * frame), height - (2 * frame), Math.Max(0.3, frame / 8)) };
        var y = margin + (spare / 6);
        void Place((Block Block, List<string> Lines, double Cap) f)
        {
            if (f.Lines.Count == 0)
            {
                return;
            }

            y += f.Block.Gap + (f.Cap * 0.5);
            foreach (var line in f.Lines)
            {
                elements.Add(new TextElement(line, width / 2, y + (f.Cap * (TextFitting.LineHeight - 1) / 2), f.Cap, f.Block.Bold, Centred: true));
                y += f.Cap * TextFitting.LineHeight;
            }
        }

        foreach (var f in fitted.Take(top.Count))
        {
            Place(f);
        }

        y += spare / 3;
        elements.Add(new SymbolElement((width - symbolSide) / 2, y + quiet));
        y += codeSide + (spare / 3);
        foreach (var f in fitted.Skip(top.Count))
        {
            Place(f);
        }

        return Result.Ok(new QrDocument(width, height, code, elements));
    }

    private sealed record Block(string Text, bool Bold, int MaxLines, double PreferredCap, double MinimumCap, int Field, double Gap = 2);

    private abstract record Element;

    private sealed record FrameElement(double X, double Y, double Width, double Height, double Stroke) : Element;

    private sealed record TextElement(string Text, double X, double Top, double Cap, bool Bold, bool Centred) : Element;

    private sealed record SymbolElement(double X, double Y) : Element;
}
