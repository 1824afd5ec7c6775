namespace CheckIn.Qr;

/// <summary>What one read did, counted so tests can prove the bounds <see cref="QrReaderOptions"/> promises.</summary>
internal sealed class QrReadWork
{
    /// <summary>Binarized images searched for finder patterns (a pass searches once, twice when it also tries inverted).</summary>
    public int Detections { get; set; }

    /// <summary>Pixels of all the binarized images searched.</summary>
    public long PixelsScanned { get; set; }

    /// <summary>The most distinct finder candidates one search collected.</summary>
    public int MostCandidatesInADetection { get; set; }

    /// <summary>The most module grids one search sampled and decoded.</summary>
    public int MostGridsInADetection { get; set; }
}
