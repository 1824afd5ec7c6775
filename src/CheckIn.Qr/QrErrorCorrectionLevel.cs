namespace CheckIn.Qr;

/// <summary>The four error-correction levels of QR codes: the share of codewords that may be damaged and still read.</summary>
public enum QrErrorCorrectionLevel
{
    /// <summary>About 7 % of codewords can be restored.</summary>
    L = 0,

    /// <summary>About 15 % of codewords can be restored.</summary>
    M = 1,

    /// <summary>About 25 % of codewords can be restored.</summary>
    Q = 2,

    /// <summary>About 30 % of codewords can be restored.</summary>
    H = 3,
}
