using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Exemplar.Bench.Ledger;

/// <summary>
/// (c) A base's metrics page over HTTP for a carrier with 50,000 ledger entries in the year: the product started as its
/// own process (Release build, Production settings) on the benchmark database, 4 signed-in connections, rounds that
/// alternate the metrics page and the same app's <c>/health</c>, p50/p95 of each side.
/// </summary>
public static partial class MetricsHttp
{
    public const int Entries = 50_000;
    private const string Place = "基准大型基地地点";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public static async Task RunAsync(BenchDatabase db, Guid carrier, int rounds)
    {
        await using var app = await AppAsync(db.ConnectionString);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++) clients.Add(await SignInAsync(app.Url, "admin"));
        var page = $"/Base/{carrier}/Metrics/2025";
        foreach (var c in clients) (await c.GetAsync(page)).EnsureSuccessStatusCode(); // warm-up: JIT, caches
        var (pages, health) = (new List<double>(), new List<double>());
        var errors = 0;
        for (var round = 1; round <= rounds; round++)
        {
            var p = await LoadAsync(clients, page, 3);
            var h = await LoadAsync(clients, "/health", 50);
            pages.AddRange(p.Ms);
            health.AddRange(h.Ms);
            errors += p.Errors + h.Errors;
            Console.WriteLine($"http round {round}: metrics page p50 {P(p.Ms, 0.5):F0} ms, /health p50 {P(h.Ms, 0.5):F1} ms");
        }
        Console.WriteLine();
        Console.WriteLine($"| side (4 connections, {rounds} rounds) | requests | errors | p50 ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| metrics page, {Entries:N0} entries in 2025 | {pages.Count} | | {P(pages, 0.5):F0} | {P(pages, 0.95):F0} |");
        Console.WriteLine($"| /health | {health.Count} | | {P(health, 0.5):F1} | {P(health, 0.95):F1} |");
        Console.WriteLine($"errors (non-200): {errors}; ratio p95 metrics page / p95 /health: {P(pages, 0.95) / P(health, 0.95):N0}");
    }

    private static double P(List<double> ms, double q)
    {
        var a = ms.Order().ToArray();
        return a.Length == 0 ? double.NaN : a[Math.Min(a.Length - 1, (int)Math.Ceiling(q * a.Length) - 1)];
    }

    private static async Task<(List<double> Ms, int Errors)> LoadAsync(List<HttpClient> clients, string url, int perClient)
    {
        var ms = new List<double>();
        var errors = 0;
        await Task.WhenAll(clients.Select(async c =>
        {
            for (var i = 0; i < perClient; i++)
            {
                var sw = Stopwatch.StartNew();
                using var r = await c.GetAsync(url);
                await r.Content.ReadAsByteArrayAsync();
                lock (ms) { ms.Add(sw.Elapsed.TotalMilliseconds); if (r.StatusCode != HttpStatusCode.OK) errors++; }
            }
        }));
        return (ms, errors);
    }

    /// <summary>One more carrier of the benchmark's operator, 200 residents, 50,000 entries of 2025 (made once, deterministic).</summary>
    public static async Task<Guid> EnsureCarrierAsync(BenchDatabase db)
    {
        var id = await db.ScalarAsync("SELECT id FROM carriers WHERE name = '基准大型基地'");
        if (id is Guid existing) return existing;
        await db.ExecuteAsync($$"""
            INSERT INTO carriers (id, organization_id, name, kind, jurisdiction_code, leading_industries, primary_type, area, public_service_area, established_on, created_at)
            SELECT md5('bench-big-carrier')::uuid, (SELECT id FROM organizations ORDER BY name LIMIT 1), '基准大型基地', 1, '530102', ARRAY['软件'], 2, 10000, 2000, DATE '2018-06-01', now();
            INSERT INTO resident_enterprises (id, carrier_id, name, uscc, entry_date, exit_date, industry, in_leading_industry, size_class, contact_name, contact_phone)
            SELECT md5('bench-big-res-' || r)::uuid, md5('bench-big-carrier')::uuid, '基准大型基地企业' || r, lpad(r::text, 18, '0'), DATE '2020-01-01', NULL, '软件', true, 2, NULL, NULL
            FROM generate_series(1, 200) r;
            INSERT INTO ledger_entries (id, carrier_id, function, date, place, form, topic, resident_ids, other_names, person_count, fee,
                                        partner_agency_id, request_text, outcome_text, feedback, import_job_id)
            SELECT md5('bench-big-le-' || i)::uuid, md5('bench-big-carrier')::uuid, 1 + (i * 7) % 9, DATE '2025-01-01' + ((i * 13) % 365)::int, '{{Place}}',
                   CASE WHEN i % 4 = 0 THEN 1 WHEN 1 + (i * 7) % 9 = 4 THEN 3 ELSE 2 END,
                   CASE WHEN i % 4 = 0 THEN ((i / 4) % 5)::int ELSE 0 END,
                   CASE WHEN i % 4 = 0 THEN ARRAY[md5('bench-big-res-' || (1 + i % 200))::uuid, md5('bench-big-res-' || (1 + (i / 7) % 200))::uuid]
                        ELSE ARRAY[md5('bench-big-res-' || (1 + i % 200))::uuid] END,
                   CASE WHEN i % 10 = 0 THEN ARRAY['外部企业' || (i % 97)] ELSE '{}'::text[] END,
                   CASE WHEN i % 4 = 0 THEN 10 + (i % 50)::int ELSE 1 + (i % 3)::int END, 1 + (i % 3)::int, NULL, NULL, NULL, '满意', NULL
            FROM generate_series(0, {{Entries - 1}}) i;
            """);
        await db.ExecuteAsync("VACUUM ANALYZE ledger_entries");
        return (Guid)(await db.ScalarAsync("SELECT id FROM carriers WHERE name = '基准大型基地'"))!;
    }

    private static async Task<HttpClient> SignInAsync(string baseUrl, string userName)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var page = await http.GetStringAsync("/Account/SignIn");
        var response = await http.PostAsync("/Account/SignIn", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token().Match(page).Groups[1].Value), new("UserName", userName), new("Password", "Demo@2026pass")]));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in as {userName} failed: {(int)response.StatusCode}");
        return http;
    }

    private sealed class App(Process process, string url) : IAsyncDisposable
    {
        public string Url => url;
        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); }
            process.Dispose();
        }
    }

    /// <summary>The Release build of the product as its own process (as Exemplar.Bench.Faults starts it).</summary>
    private static async Task<App> AppAsync(string connectionString)
    {
        var dll = Path.Combine(BenchDatabase.RepositoryRoot(), "src", "Exemplar.Web", "bin", "Release", "net10.0", "Exemplar.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} missing: dotnet build src/Exemplar.Web -c Release first");
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; }
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Exemplar__SeedDemoData"] = "true";
        start.Environment["Exemplar__PublicBaseUrl"] = url;
        start.Environment["Exemplar__TwoFactor__Enforce"] = "false";
        start.Environment["Exemplar__RateLimits__SignInPerMinute"] = "10000";
        start.Environment["Exemplar__Reminders__Enabled"] = "false";
        start.Environment["Exemplar__Retention__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited) throw new InvalidOperationException("the app exited during start-up");
            try { if ((await http.GetAsync(url + "/health/ready")).IsSuccessStatusCode) return new App(process, url); }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        await new App(process, url).DisposeAsync();
        throw new TimeoutException("the app did not become ready in 2 minutes");
    }
}
