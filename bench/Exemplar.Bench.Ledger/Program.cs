using Exemplar.Bench.Ledger;

// Ledger benchmarks (issue 5). Usage:
//   Exemplar.Bench.Ledger import  [rows = 1000000]             product import vs psql \copy
//   Exemplar.Bench.Ledger metrics [rows = 10000000] [--reuse] [--runs=1]
//                                                              product metric query vs one hand-written SQL aggregate
//                                                              (--reuse keeps the generated rows of an earlier run; the best of the runs is reported)
// The database comes from ConnectionStrings__Default or the checkout's .data/pg.password and .data/pg.port; each
// benchmark uses a database of its own (exemplar_bench_import, exemplar_bench_metrics).
var mode = args.FirstOrDefault() ?? "import";
var rows = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } n ? long.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
Console.WriteLine($"Exemplar.Bench.Ledger {mode} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs");
return mode switch
{
    "import" => await ImportBench.RunAsync((int)(rows ?? 1_000_000)),
    "metrics" => await MetricsBench.RunAsync(rows ?? 10_000_000, args.Contains("--reuse"),
        args.FirstOrDefault(a => a.StartsWith("--runs=", StringComparison.Ordinal)) is { } r ? int.Parse(r[7..], System.Globalization.CultureInfo.InvariantCulture) : 1),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Exemplar.Bench.Ledger import [rows] | metrics [rows] [--reuse]");
    return 2;
}
