using System.Globalization;
using System.Text.Json;
using Exemplar.Bench.Applications;
using Exemplar.Bench.Ledger;
using Exemplar.Bench.Registry;

// Public registry (issue 13), both parts in one run, on a database of its own (exemplar_bench_registry) on the checkout's
// PostgreSQL (ConnectionStrings__Default or .data/pg.*), with the app started as its own process (Release build):
//   [--bases 10000] [--searches 10000] [--rate 25] [--chunk 1000] [--seconds 10] [--rounds 3] [--fresh] [--port 5290]
// (a) hot pages at 64 connections, app vs nginx serving the same rendered HTML; rounds interleaved, median ratios.
// (b) distinct searches at a fixed arrival rate, app's /Registry vs the registry's own SQL run directly; chunks interleaved.
// Exits 1 when a goal is missed.
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int Int(string name, int fallback) => Option(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var bases = Int("--bases", 10_000);
var searchCount = Int("--searches", 10_000);
var rate = double.Parse(Option("--rate") ?? "25", CultureInfo.InvariantCulture);
var chunk = Int("--chunk", 1000);
var seconds = Int("--seconds", 10);
var rounds = Int("--rounds", 3);
var port = Int("--port", 5290);
const int Connections = 64;
static string Load() => File.ReadAllText("/proc/loadavg").Trim();
static double Median(IEnumerable<double> xs) { var a = xs.OrderBy(x => x).ToArray(); return a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2; }
var inv = CultureInfo.InvariantCulture;

Console.WriteLine($"Exemplar.Bench.Registry — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, nproc {Environment.ProcessorCount}, load average {Load()}");
Console.WriteLine($"{Nginx.Version()}; args: {string.Join(' ', args)}");

var db = await BenchDatabase.OpenAsync("exemplar_bench_registry", args.Contains("--fresh"));
var generated = await RegistryBaseGenerator.EnsureAsync(db, bases);
Console.WriteLine($"database exemplar_bench_registry: {(generated > 0 ? $"{generated:N0} bases generated" : "generated bases reused")}; "
    + $"registry rows (latest designation per base and programme): {await db.ScalarAsync("SELECT count(*) FROM (SELECT DISTINCT carrier_id, programme_id FROM designations) t"):N0}; "
    + $"{await db.ScalarAsync("SELECT version()")}");

await using var app = await AppInstances.StartAsync(db.ConnectionString, 1, port);
var appUrl = app.Urls[0];
using var http = new HttpLoad(Connections);
var failed = new List<string>();

// (a) Hot pages.
var hot = Search.Hot();
var pages = new Dictionary<string, byte[]>();
foreach (var s in hot) pages[s.Url] = await http.GetBytesAsync(new Uri(appUrl, s.Url));
var folder = Path.Combine(Path.GetTempPath(), $"exemplar-bench-registry-nginx-{port + 1}");
await using (var nginx = await Nginx.StartAsync(folder, pages, port + 1))
{
    foreach (var s in hot)
        if (!(await http.GetBytesAsync(new Uri(nginx.Url, s.Url))).AsSpan().SequenceEqual(pages[s.Url])) throw new InvalidOperationException($"nginx serves other bytes for {s.Url}");
    Console.WriteLine($"\n(a) hot pages, {Connections} connections, {seconds} s per side per round, {rounds} rounds (order alternating); pages: "
        + string.Join(", ", hot.Select(s => $"{s.Url} ({pages[s.Url].Length / 1024.0:N0} KB)")));
    var paths = hot.Select(s => s.Url).ToList();
    await http.ClosedLoopAsync("warm-up", appUrl, paths, Connections, TimeSpan.FromSeconds(3));
    await http.ClosedLoopAsync("warm-up", nginx.Url, paths, Connections, TimeSpan.FromSeconds(3));
    var rpsRatios = new List<double>();
    var p99Ratios = new List<double>();
    Console.WriteLine(Latencies.Header.Replace("| side |", "| round, side |"));
    for (var r = 1; r <= rounds; r++)
    {
        Latencies a, n;
        if (r % 2 == 1)
        {
            a = await http.ClosedLoopAsync($"{r}, app", appUrl, paths, Connections, TimeSpan.FromSeconds(seconds));
            n = await http.ClosedLoopAsync($"{r}, nginx", nginx.Url, paths, Connections, TimeSpan.FromSeconds(seconds));
        }
        else
        {
            n = await http.ClosedLoopAsync($"{r}, nginx", nginx.Url, paths, Connections, TimeSpan.FromSeconds(seconds));
            a = await http.ClosedLoopAsync($"{r}, app", appUrl, paths, Connections, TimeSpan.FromSeconds(seconds));
        }
        Console.WriteLine(a.Row);
        Console.WriteLine(n.Row);
        rpsRatios.Add(a.PerSecond / n.PerSecond);
        p99Ratios.Add(a.P(0.99) / n.P(0.99));
        Console.WriteLine($"|   round {r}: app/nginx requests/s {rpsRatios[^1]:N3}, p99 {p99Ratios[^1]:N2}×, load {Load()} | | | | | | |");
    }
    var rps = Median(rpsRatios);
    var p99 = Median(p99Ratios);
    Console.WriteLine($"(a) median ratio requests/s app/nginx = {rps:N3} (goal ≥ 0.5): {(rps >= 0.5 ? "met" : "NOT MET")}; "
        + $"median ratio p99 app/nginx = {p99:N2}× (goal ≤ 2): {(p99 <= 2 ? "met" : "NOT MET")}");
    if (rps < 0.5) failed.Add("(a) requests/s");
    if (p99 > 2) failed.Add("(a) p99");
}

// (b) Distinct searches at a fixed rate.
await using var direct = await DirectSql.OpenAsync(db.ConnectionString, Connections);
var regions = (await db.ScalarAsync("SELECT json_agg(json_build_array(code, name) ORDER BY code) FROM jurisdictions") as string)!;
var regionRows = JsonDocument.Parse(regions).RootElement.EnumerateArray().Select(e => (Code: e[0].GetString()!, Name: e[1].GetString()!)).ToList();
var all = Search.Distinct(searchCount + 200, [.. regionRows.Select(r => r.Code)], [.. regionRows.Select(r => r.Name)]);
var searches = all.Take(searchCount).ToList();
var warmUp = all.Skip(searchCount).ToList();
await direct.CaptureAsync(all);
foreach (var s in searches.Take(20))
{
    var directTotal = JsonDocument.Parse(await direct.RunAsync(s)).RootElement.GetProperty("total").GetInt32();
    var productTotal = await direct.ProductTotalAsync(s);
    if (directTotal != productTotal) throw new InvalidOperationException($"{s.Url}: direct SQL total {directTotal}, product {productTotal}");
}
Console.WriteLine($"\n(b) {searches.Count:N0} distinct searches (seed 20261130; {direct.Shapes} statement shapes, taken from RegistryQuery; 20 checked equal to the product's totals), "
    + $"fixed arrival rate {rate:N0}/s, latency from each request's due time, chunks of {chunk:N0} interleaved (order alternating); at most {Connections} connections each side");
await HttpLoad.FixedRateAsync("warm-up", warmUp, rate, s => http.SendAsync(new Uri(appUrl, s.Url)));
await HttpLoad.FixedRateAsync("warm-up", warmUp, rate, async s => (await direct.RunAsync(s)).Length > 0);
var appMs = new List<double>();
var sqlMs = new List<double>();
int appErrors = 0, sqlErrors = 0;
double appSeconds = 0, sqlSeconds = 0;
var p95Ratios = new List<double>();
Console.WriteLine(Latencies.Header.Replace("| side |", "| chunk, side |"));
for (var c = 0; c * chunk < searches.Count; c++)
{
    var part = searches.Skip(c * chunk).Take(chunk).ToList();
    Task<Latencies> App() => HttpLoad.FixedRateAsync($"{c + 1}, app /Registry", part, rate, s => http.SendAsync(new Uri(appUrl, s.Url)));
    Task<Latencies> Sql() => HttpLoad.FixedRateAsync($"{c + 1}, SQL directly", part, rate, async s => (await direct.RunAsync(s)).Length > 0);
    Latencies a, q;
    if (c % 2 == 0) { a = await App(); q = await Sql(); } else { q = await Sql(); a = await App(); }
    Console.WriteLine(a.Row);
    Console.WriteLine(q.Row);
    appMs.AddRange(a.SortedMs); sqlMs.AddRange(q.SortedMs);
    appErrors += a.Errors; sqlErrors += q.Errors;
    appSeconds += a.Seconds; sqlSeconds += q.Seconds;
    p95Ratios.Add(a.P(0.95) / q.P(0.95));
    Console.WriteLine($"|   chunk {c + 1}: p95 app/SQL {p95Ratios[^1]:N2}×, load {Load()} | | | | | | |");
}
var appAll = Latencies.Of("all, app /Registry", appMs, appErrors, appSeconds);
var sqlAll = Latencies.Of("all, SQL directly", sqlMs, sqlErrors, sqlSeconds);
Console.WriteLine(appAll.Row);
Console.WriteLine(sqlAll.Row);
var p95Median = Median(p95Ratios);
Console.WriteLine($"(b) p95 app/SQL over all searches = {appAll.P(0.95) / sqlAll.P(0.95):N2}×; median over chunks = {p95Median:N2}× (goal ≤ 1.5): {(p95Median <= 1.5 ? "met" : "NOT MET")}");
if (p95Median > 1.5) failed.Add("(b) p95");
if (appErrors + sqlErrors > 0) failed.Add($"(b) errors: app {appErrors}, SQL {sqlErrors}");

Console.WriteLine($"\nload average after: {Load()}; {(failed.Count == 0 ? "all goals met" : "missed: " + string.Join(", ", failed))}");
return failed.Count == 0 ? 0 : 1;
