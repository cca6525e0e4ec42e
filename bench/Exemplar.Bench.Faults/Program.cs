using System.Diagnostics;
using System.Globalization;
using Exemplar.Bench.Faults;

// Fault drill (issue 8, "How it is shown"): PostgreSQL stopped for 10 s under a bounded write load, on a cluster of its own.
// Usage: dotnet bench/Exemplar.Bench.Faults/bin/Release/net10.0/Exemplar.Bench.Faults.dll [clients=4] [seconds=40] [outageAt=12] [outage=10]
var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 4;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
var outageAt = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 12;
var outage = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
var root = RepositoryRoot();

Console.WriteLine($"fault drill: {clients} clients, {seconds} s of load, PostgreSQL stopped at {outageAt} s for {outage} s");
await using var cluster = await Cluster.CreateAsync();
Console.WriteLine($"cluster: {cluster.DataDirectory} on 127.0.0.1:{cluster.Port}");
await using var app = await AppProcess.StartAsync(root, cluster.ConnectionString("exemplar_fault"));
var pid = app.ProcessId;
Console.WriteLine($"app: {app.BaseUrl} (pid {pid})");
var carrier = Guid.Parse(await cluster.PsqlAsync("exemplar_fault", "SELECT id FROM carriers WHERE name = '昆明五华创新创业园'"));

var clock = Stopwatch.StartNew();
var loads = new List<LoadClient>();
for (var i = 0; i < clients; i++)
{
    var c = new LoadClient(app.BaseUrl, carrier, clock);
    await c.SignInAsync("km.applicant", "Demo@2026pass");
    loads.Add(c);
}
clock.Restart();
var issued = 0;
var stopLoadAt = TimeSpan.FromSeconds(seconds);
// Bounded load: each client records one service, then waits 250 ms (≈ 4 clients × 3–4 posts/s).
var work = loads.Select((c, n) => Task.Run(async () =>
{
    var unacknowledged = 0;
    for (var k = 0; clock.Elapsed < stopLoadAt; k++)
    {
        Interlocked.Increment(ref issued);
        if (!await c.RecordAsync($"fault-{n:D2}-{k:D5}", TimeSpan.FromSeconds(90))) unacknowledged++;
        await Task.Delay(250);
    }
    return unacknowledged;
})).ToList();

double stoppedAt = 0, startedAt = 0;
var chaos = Task.Run(async () =>
{
    await Task.Delay(TimeSpan.FromSeconds(outageAt));
    await cluster.StopAsync();
    stoppedAt = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"{stoppedAt:0.0} s: PostgreSQL stopped (pg_ctl stop -m fast)");
    await Task.Delay(TimeSpan.FromSeconds(outage));
    await cluster.StartAsync();
    startedAt = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"{startedAt:0.0} s: PostgreSQL started again");
});
var gaveUp = (await Task.WhenAll(work)).Sum();
await chaos;

// The database's own account of what was written.
var rows = (await cluster.PsqlAsync("exemplar_fault", "SELECT place || '|' || count(*) FROM ledger_entries WHERE place LIKE 'fault-%' GROUP BY place"))
    .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
var acknowledged = loads.SelectMany(c => c.Acknowledged).ToList();
var lost = acknowledged.Count(p => !rows.ContainsKey(p));
var duplicates = rows.Values.Count(n => n > 1);
var unacknowledgedButSaved = rows.Keys.Count(p => !acknowledged.Contains(p));
var seen = loads.SelectMany(c => c.Seen).ToList();
var during = seen.Where(o => o.At >= stoppedAt && o.At <= startedAt).ToList();
var serverErrors = seen.Count(o => o.Status >= 500 && o.Status != 503);
var unavailable = seen.Count(o => o.Status == 503);
var unavailableWithoutRetryAfter = seen.Count(o => o.Status == 503 && !o.RetryAfter);
var firstSuccessAfter = seen.Where(o => o.At > startedAt && o.Status is 200 or 302).Select(o => o.At).DefaultIfEmpty(double.NaN).Min();
var p = (double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("|---|---:|");
Console.WriteLine($"| operations issued (distinct services) | {issued} |");
Console.WriteLine($"| acknowledged by the app | {acknowledged.Count} |");
Console.WriteLine($"| given up by clients after 90 s | {gaveUp} |");
Console.WriteLine($"| rows in ledger_entries | {rows.Values.Sum()} |");
Console.WriteLine($"| **lost commits** (acknowledged, not in the database) | **{lost}** |");
Console.WriteLine($"| **duplicates** (a service saved twice) | **{duplicates}** |");
Console.WriteLine($"| saved but never acknowledged | {unacknowledgedButSaved} |");
Console.WriteLine($"| client retries (same form, same idempotency key) | {loads.Sum(c => c.Retries)} |");
foreach (var method in new[] { "POST", "GET" })
    Console.WriteLine($"| {method} answers during the outage ({p(stoppedAt)}–{p(startedAt)} s) | {string.Join(", ", during.Where(o => o.What == method).GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))} × {g.Count()}"))} |");
Console.WriteLine($"| 503 in all / without Retry-After | {unavailable} / {unavailableWithoutRetryAfter} |");
Console.WriteLine($"| other 5xx in all | {serverErrors} |");
Console.WriteLine($"| first success after PostgreSQL came back | {p(firstSuccessAfter - startedAt)} s later |");
Console.WriteLine($"| app process restarted | {(app.HasExited ? "exited!" : $"no (pid {pid} throughout)")} |");

var ok = lost == 0 && duplicates == 0 && gaveUp == 0 && serverErrors == 0 && unavailable > 0 && unavailableWithoutRetryAfter == 0 && !app.HasExited;
Console.WriteLine(ok ? "PASS" : "FAIL");
return ok ? 0 : 1;

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Exemplar.slnx"))) return dir.FullName;
    throw new InvalidOperationException("Repository root (Exemplar.slnx) not found");
}
