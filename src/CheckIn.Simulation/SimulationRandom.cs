namespace CheckIn.Simulation;

/// <summary>
/// A small, fast, seedable generator (SplitMix64): every stream is derived from the world's seed and the
/// coordinates it serves (a resident and a day), so any part of a world can be regenerated alone, in
/// parallel, and always the same, whatever <see cref="System.Random"/> does in later runtimes.
/// </summary>
internal struct SimulationRandom
{
    private ulong _state;

    public SimulationRandom(ulong seed) => _state = seed;

    /// <summary>A stream for the given coordinates.</summary>
    public static SimulationRandom For(int seed, int stream, int a = 0, int b = 0)
    {
        var mixed = Mix(Mix(Mix((ulong)(uint)seed ^ 0x9E3779B97F4A7C15UL) ^ (ulong)(uint)stream) ^ ((ulong)(uint)a << 32) ^ (uint)b);
        return new SimulationRandom(mixed);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)((NextUInt64() >> 33) * (ulong)n >> 31);

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Roughly normal (the sum of four uniforms), mean 0, standard deviation 1.</summary>
    public double NextGaussian() => (NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2) * 1.7320508075688772;

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
