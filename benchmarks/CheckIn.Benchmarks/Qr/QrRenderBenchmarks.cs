using BenchmarkDotNet.Attributes;
using CheckIn.Qr.Printing;
using QRCoder;

namespace CheckIn.Benchmarks.Qr;

/// <summary>
/// Rendering for print at 300 dpi. The baseline is QRCoder's own PNG writer for the bare code at the same
/// module size; CheckIn's bare code, the A4 venue poster as SVG and as PNG (2480 × 3508 pixels, Vietnamese
/// text drawn with the stroke font) are ratios against it. Each includes encoding the payload.
/// </summary>
[MemoryDiagnoser]
public class QrRenderBenchmarks
{
    private const string Payload = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";

    private static readonly VenuePosterContent Content = new()
    {
        VenueName = "Chợ Đông Ba – Khu hàng khô",
        Address = "2 Trần Hưng Đạo, Phường Phú Hòa, Thành phố Huế, Tỉnh Thừa Thiên Huế",
    };

    private int _modulePixels;

    [GlobalSetup]
    public void Setup() => _modulePixels = QrSymbol.Encode(Payload).Value.ModulePixels;

    [Benchmark(Baseline = true)]
    public int QrCoderBareCodePng()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Payload, QRCodeGenerator.ECCLevel.H);
        return new PngByteQRCode(data).GetGraphic(_modulePixels).Length;
    }

    [Benchmark]
    public int BareCodePng() => QrSymbol.Encode(Payload).Value.ToPng().Length;

    [Benchmark]
    public int PosterSvg() => QrDocument.VenuePoster(Payload, Content).Value.ToSvg().Length;

    [Benchmark]
    public int PosterPng() => QrDocument.VenuePoster(Payload, Content).Value.ToPng().Length;
}
