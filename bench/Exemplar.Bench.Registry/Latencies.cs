namespace Exemplar.Bench.Registry;

/// <summary>What one side of a measurement gave: completed requests, errors, time, and latencies in milliseconds.</summary>
public sealed record Latencies(string Side, int Ok, int Errors, double Seconds, double[] SortedMs)
{
    public double PerSecond => Ok / Seconds;
    public double P(double q) => SortedMs.Length == 0 ? double.NaN : SortedMs[Math.Min(SortedMs.Length - 1, (int)Math.Ceiling(q * SortedMs.Length) - 1)];

    public static Latencies Of(string side, IEnumerable<double> ms, int errors, double seconds)
    {
        var a = ms.ToArray();
        Array.Sort(a);
        return new Latencies(side, a.Length, errors, seconds, a);
    }

    public string Row => $"| {Side} | {Ok:N0} | {Errors:N0} | {PerSecond:N0} | {P(0.50):N2} | {P(0.95):N2} | {P(0.99):N2} |";
    public const string Header = "| side | requests | errors | requests/s | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|---:|";
}
