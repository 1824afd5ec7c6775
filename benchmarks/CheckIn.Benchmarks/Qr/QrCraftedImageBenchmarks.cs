using BenchmarkDotNet.Attributes;
using CheckIn.Qr;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Tests.Support;

namespace CheckIn.Benchmarks.Qr;

/// <summary>
/// The managed reader's bounded work: 12-megapixel images made to make a reader work hard (grids of thousands of
/// finder-like squares, a 3-pixel checkerboard, noise), against a blank 12-megapixel frame read with the same options
/// (the baseline: what any frame of that size costs). ZXing.Net is not run here: a 640 × 480 finder grid took it about a
/// minute, a 1200 × 900 one more than five.
/// </summary>
[MemoryDiagnoser]
public class QrCraftedImageBenchmarks
{
    private readonly ManagedQrReader _reader = new();
    private LuminanceImage _blank = LuminanceImage.White(1, 1);
    private LuminanceImage _image = LuminanceImage.White(1, 1);

    /// <summary>The crafted image.</summary>
    [Params("finder-grid-2px", "finder-grid-4px", "checkerboard-3px", "noise")]
    public string Image { get; set; } = "noise";

    [GlobalSetup]
    public void Setup()
    {
        _blank = LuminanceImage.White(CraftedImages.Width, CraftedImages.Height);
        _image = Image switch
        {
            "finder-grid-2px" => CraftedImages.FinderGrid(2, 20, 1),
            "finder-grid-4px" => CraftedImages.FinderGrid(4, 40, 2),
            "checkerboard-3px" => CraftedImages.Checkerboard(3),
            _ => CraftedImages.Noise(4),
        };
    }

    /// <summary>A blank frame of the same size.</summary>
    [Benchmark(Baseline = true)]
    public int Blank() => _reader.Read(_blank).Count;

    /// <summary>The crafted image.</summary>
    [Benchmark]
    public int Crafted() => _reader.Read(_image).Count;
}
