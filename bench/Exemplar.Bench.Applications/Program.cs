using System.Globalization;
using Exemplar.Bench.Applications;

// Deadline rush (issue 11). The database server comes from ConnectionStrings__Default or the checkout's .data/pg.password
// and .data/pg.port.
//   http [applicants = 1000] [--scale 1] [--instances 1,2] [--reuse-template] [--port 5190] [--two-requests] [--floor]
//     the issue's benchmark against the running app (Exemplar.Web.dll as separate processes; databases
//     exemplar_bench_rush_template_<applicants>, prepared once per size, and exemplar_bench_rush_http, copied from it for every configuration).
//     --floor: the same schedule against a stored 1 MB upload instead of the submission (the floor under the ratio).
//   inprocess [applications = 300] [concurrency = 16]   (also: the two numbers alone)
//     submissions through SubmitApplicationHandler in this process against a raw-Npgsql floor (database exemplar_bench_rush).
Console.WriteLine($"Exemplar.Bench.Applications — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, load average {File.ReadAllText("/proc/loadavg").Trim()}");
var mode = args.Length > 0 && !char.IsDigit(args[0][0]) ? args[0] : "inprocess";
var rest = mode == "inprocess" && args.Length > 0 && char.IsDigit(args[0][0]) ? args : args.Skip(1).ToArray();
int Number(int i, int fallback) => rest.Length > i && char.IsDigit(rest[i][0]) ? int.Parse(rest[i], CultureInfo.InvariantCulture) : fallback;
string? Option(string name) => Array.IndexOf(rest, name) is var i and >= 0 && i + 1 < rest.Length ? rest[i + 1] : null;
return mode switch
{
    "inprocess" => await DeadlineRushBench.RunAsync(Number(0, 300), Number(1, 16)),
    "http" => await HttpRushBench.RunAsync(Number(0, 1000),
        double.Parse(Option("--scale") ?? "1", CultureInfo.InvariantCulture),
        (Option("--instances") ?? "1,2").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
        rest.Contains("--reuse-template"),
        int.Parse(Option("--port") ?? "5190", CultureInfo.InvariantCulture),
        rest.Contains("--two-requests"),
        rest.Contains("--floor")),
    _ => throw new ArgumentException($"unknown mode {mode}: http or inprocess"),
};
