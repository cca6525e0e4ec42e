using Exemplar.Bench.Applications;

// Deadline rush (issue 11). Usage: Exemplar.Bench.Applications [applications = 300] [concurrency = 16]
// The database comes from ConnectionStrings__Default or the checkout's .data/pg.password and .data/pg.port
// (database exemplar_bench_rush, dropped and rebuilt on every run).
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16;
Console.WriteLine($"Exemplar.Bench.Applications — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs");
return await DeadlineRushBench.RunAsync(count, concurrency);
