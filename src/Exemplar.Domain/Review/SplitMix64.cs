namespace Exemplar.Domain.Review;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a generator fixed here, so a recorded seed gives the same sequence on any machine
/// and runtime. The same generator drives <see cref="Ledger.SurveySampler"/>.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, n) (the modulo bias for n in the tens is below 1e-17 and is accepted).</summary>
    public int Below(int n) => (int)(Next() % (ulong)n);
}
