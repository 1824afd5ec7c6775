namespace CheckIn.Core.Qr;

/// <summary>A symbol's place in a structured append sequence (one message split over up to 16 symbols).</summary>
/// <param name="Index">The symbol's position, 0-based.</param>
/// <param name="Count">How many symbols the message has.</param>
/// <param name="Parity">The parity byte all symbols of the message share.</param>
public readonly record struct QrStructuredAppend(int Index, int Count, int Parity);
