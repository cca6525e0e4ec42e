using Exemplar.Bench.Ledger;

// Ledger benchmarks (issue 5). Usage:
//   Exemplar.Bench.Ledger import  [rows = 1000000]             product import vs psql \copy
//   Exemplar.Bench.Ledger metrics [rows = 10000000] [--reuse] [--rounds=5] [--sample=20] [--explain] [--http] [--every-carrier]
//                                                              ledger volumes, all carriers and one carrier: product vs the best
//                                                              hand-written SQL, interleaved rounds, medians (--reuse keeps the
//                                                              generated rows of an earlier run; --sample = carriers timed one by
//                                                              one per round; --explain prints EXPLAIN (ANALYZE, BUFFERS) of the four;
//                                                              --http adds a carrier with 50,000 entries in 2025 and measures its
//                                                              metrics page over HTTP against /health, 4 connections; --every-carrier
//                                                              checks every carrier's metrics-page figures, not only the sample's;
//                                                              --http-only measures (c) alone: no all-carrier checks or timing)
// The database comes from ConnectionStrings__Default or the checkout's .data/pg.password and .data/pg.port; each
// benchmark uses a database of its own (exemplar_bench_import, exemplar_bench_metrics).
var mode = args.FirstOrDefault() ?? "import";
var rows = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } n ? long.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
Console.WriteLine($"Exemplar.Bench.Ledger {mode} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs");
return mode switch
{
    "import" => await ImportBench.RunAsync((int)(rows ?? 1_000_000)),
    "metrics" => await MetricsBench.RunAsync(rows ?? 10_000_000, args.Contains("--reuse"), Option("--rounds=", 5), Option("--sample=", 20), args.Contains("--explain"), args.Contains("--http") || args.Contains("--http-only"), args.Contains("--every-carrier"), args.Contains("--http-only")),
    _ => Usage(),
};

int Option(string name, int fallback) =>
    args.FirstOrDefault(a => a.StartsWith(name, StringComparison.Ordinal)) is { } o ? int.Parse(o[name.Length..], System.Globalization.CultureInfo.InvariantCulture) : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: Exemplar.Bench.Ledger import [rows] | metrics [rows] [--reuse] [--rounds=N] [--sample=N] [--explain] [--http] [--http-only]");
    return 2;
}
