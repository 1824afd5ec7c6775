using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CheckIn.Qr;
using CheckIn.Qr.Imaging;
using CheckIn.Qr.Tests.Support;
using CheckIn.Qr.ZXing;

namespace CheckIn.Benchmarks.Qr;

/// <summary>
/// Decoding one venue code in a camera frame (640 × 480 and 1920 × 1080: turned, slightly tilted, a little
/// blurred and noisy) with the managed reader and ZXing.Net, against <c>zbarimg</c> (Debian zbar-tools) on the same image
/// as a PNG file. zbarimg is a process: it reads <see cref="Copies"/> copies of the file in one run, so its
/// start-up is shared; <see cref="ZbarimgStartup"/> measures that start-up alone on a blank 1 × 1 image.
/// </summary>
[MemoryDiagnoser]
public class QrDecodeBenchmarks
{
    private const int Copies = 60;
    private const string Text = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";

    private readonly ManagedQrReader _reader = new();
    private readonly ZXingQrReader _zxing = new();
    private LuminanceImage _frame = LuminanceImage.White(1, 1);
    private byte[] _png = [];
    private DirectoryInfo? _folder;
    private string[] _files = [];
    private string _blank = string.Empty;

    /// <summary>The frame size.</summary>
    [Params("640x480", "1920x1080")]
    public string Frame { get; set; } = "640x480";

    [GlobalSetup]
    public void Setup()
    {
        var size = Frame.Split('x').Select(int.Parse).ToArray();
        var (width, height) = (size[0], size[1]);
        _frame = LuminanceImage.White(width, height);
        _frame.Pixels.AsSpan().Fill(200);
        using var data = QrImages.Encode(Text);
        var symbol = QrImages.Render(data, 8);
        var side = height * 0.55;
        var corners = QrImages.Rotated(width / 2.0, height / 2.0, side, 12);
        corners[1] = (corners[1].X - (side * 0.04), corners[1].Y + (side * 0.03)); // a little perspective
        QrImages.Place(_frame, symbol, corners, supersample: 2);
        _frame = QrImages.Blur(_frame, 1);
        QrImages.Noise(_frame, 4, seed: 5);
        _png = PngWriter.Write(_frame);
        if (_reader.Read(_frame) is not [{ Text: Text }])
        {
            throw new InvalidOperationException("The benchmark frame does not decode.");
        }

        _folder = Directory.CreateTempSubdirectory("checkin-bench-qr-");
        _files = [.. Enumerable.Range(0, Copies).Select(i => Path.Combine(_folder.FullName, $"frame{i:D3}.png"))];
        foreach (var file in _files)
        {
            File.WriteAllBytes(file, _png);
        }

        _blank = Path.Combine(_folder.FullName, "blank.png");
        File.WriteAllBytes(_blank, PngWriter.Write(LuminanceImage.White(1, 1)));
    }

    [GlobalCleanup]
    public void Cleanup() => _folder?.Delete(recursive: true);

    /// <summary>zbarimg, per frame (one run over the copies).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Copies)]
    public int ZbarimgPerFrame() => Zbarimg(_files);

    /// <summary>zbarimg's start-up and a blank 1 × 1 image: the share of each run that is not decoding.</summary>
    [Benchmark]
    public int ZbarimgStartup() => Zbarimg([_blank]);

    /// <summary>The managed reader on the luminance buffer (what a camera hands over).</summary>
    [Benchmark]
    public int ManagedFromPixels() => _reader.Read(_frame).Count;

    /// <summary>ZXing.Net through CheckIn.Qr.ZXing on the same luminance buffer.</summary>
    [Benchmark]
    public int ZXingFromPixels() => _zxing.Read(_frame).Count;

    /// <summary>The managed reader on the PNG file's bytes (decoding the PNG included), as zbarimg is.</summary>
    [Benchmark]
    public int ManagedFromPng() => _reader.ReadFile(_png).Value.Count;

    private static int Zbarimg(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("zbarimg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["--raw", "-q", "-Sdisable", "-Sqrcode.enable", .. files])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("zbarimg did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("zbarimg is not installed: apt-get install zbar-tools (./test.sh installs it).", exception);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            process.WaitForExit();
            _ = errors.Result;
            return lines;
        }
    }
}
