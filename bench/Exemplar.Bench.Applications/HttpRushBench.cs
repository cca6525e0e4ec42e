using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Exemplar.Bench.Ledger;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exemplar.Bench.Applications;

/// <summary>
/// Issue 11's deadline rush against the running app: <c>count</c> generated applicants (own organisation, account and
/// carrier each, signed in before timing starts, each with a draft lacking only its last material) arrive on a fixed
/// schedule — 40 % spread over the first 9 minutes, 30 % over the next 50 s, 30 % in the last 10 s — and each uploads
/// its last 1 MB material and submits through the API — by default in one request (<c>submit-with-material</c>), with
/// <c>--two-requests</c> as an upload and then a submit — while at the same instant it POSTs the same megabyte to the no-op
/// endpoint of the same app. Once with one app instance, once with two behind the same database.
/// </summary>
public static partial class HttpRushBench
{
    /// <summary>One template per applicant count, so runs of different sizes can each reuse theirs.</summary>
    private static string Template(int count) => $"exemplar_bench_rush_template_{count}";
    private const string Database = "exemplar_bench_rush_http";
    private const int MaterialBytes = 1024 * 1024;

    /// <summary>Upload and submit as two requests (the materials API, then the submit API) instead of one.</summary>
    private static bool twoRequests;

    /// <summary>
    /// Instead of submitting, each applicant sends its megabyte to the stored-upload endpoint (read, inspected, hashed,
    /// bytes durably committed — the floor under any submission with a file), so the run shows how much of the ratio that
    /// floor alone takes on this machine.
    /// </summary>
    private static bool floor;

    public static async Task<int> RunAsync(int count, double scale, int[] instanceCounts, bool reuseTemplate, int firstPort, bool twoRequests = false, bool floor = false)
    {
        HttpRushBench.twoRequests = twoRequests;
        HttpRushBench.floor = floor;
        Console.WriteLine(floor ? "floor run: each applicant one POST /api/v1/bench/stored-upload (1 MB read, inspected, hashed, bytes committed); nothing is submitted"
            : twoRequests ? "each submission: POST …/materials/{slot} (1 MB), then POST …/submit (JSON)" : "each submission: one POST …/submit-with-material/{slot} (1 MB)");
        var sw = Stopwatch.StartNew();
        var drafts = reuseTemplate ? await LoadDraftsAsync(count) : null;
        if (drafts is null)
        {
            var db = await BenchDatabase.OpenAsync(Template(count), fresh: true);
            Console.WriteLine($"template database migrated and seeded by the product: {sw.Elapsed.TotalSeconds:F1} s");
            sw.Restart();
            await using (var app = BenchDatabase.BuildApp(db.ConnectionString))
                await RushDrafts.PrepareAsync(app, count, ownAccounts: true, leaveLastMaterial: true);
            Console.WriteLine($"{count} applicant organisations, accounts and carriers (40 residents, 150 ledger entries each) with drafts lacking only their last material: {sw.Elapsed.TotalSeconds:F1} s");
            drafts = await LoadDraftsAsync(count) ?? throw new InvalidOperationException("prepared drafts not found");
        }
        else Console.WriteLine($"reusing {Template(count)} with {drafts.Count} prepared drafts");

        var failed = false;
        foreach (var instances in instanceCounts)
            failed |= !await RunConfigurationAsync(drafts, scale, instances, firstPort);
        return failed ? 1 : 0;
    }

    /// <summary>The generated applicants' drafts in the template, in user-name order; null when there are not <c>count</c> of them.</summary>
    private static async Task<List<Draft>?> LoadDraftsAsync(int count)
    {
        var server = BenchDatabase.ServerConnection();
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            if (await new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Template(count)}'", admin).ExecuteScalarAsync() is null) return null;
        }
        var cs = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Template(count) }.ConnectionString;
        List<Draft> drafts;
        await using (var app = BenchDatabase.BuildApp(cs))
        using (var scope = app.Services.CreateScope())
        {
            var ctx = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            var callId = await ctx.Set<Call>().Where(c => c.Title == CallDemoSeeder.KunmingTitle).Select(c => c.Id).SingleAsync();
            var last = (await ctx.Set<CallMaterialSlot>().Where(s => s.CallId == callId && s.Required && !s.Generated && !s.IsDeclaration)
                .OrderBy(s => s.Order).ToListAsync()).Last().Id;
            var rows = await ctx.Set<Application>().Where(a => a.Status == ApplicationStatus.Draft)
                .Join(ctx.Set<Carrier>(), a => a.CarrierId, c => c.Id, (a, c) => new { a.Id, c.OrganizationId })
                .Join(ctx.Set<UserAccount>().Where(u => u.UserName.StartsWith("bench.applicant")), x => x.OrganizationId, u => u.OrganizationId,
                    (x, u) => new { x.Id, x.OrganizationId, UserId = u.Id, u.UserName })
                .ToListAsync();
            drafts = rows.OrderBy(r => r.UserName, StringComparer.Ordinal).Select(r => new Draft(r.Id, r.OrganizationId, r.UserId, r.UserName, last)).ToList();
        }
        NpgsqlConnection.ClearAllPools();
        return drafts.Count == count ? drafts : null;
    }

    /// <summary>Seconds after the start at which applicant <c>i</c> arrives: 40 % over 540 s, 30 % over 50 s, 30 % over 10 s.</summary>
    public static double[] Schedule(int count, double scale)
    {
        var first = count * 4 / 10;
        var second = count * 3 / 10;
        var third = count - first - second;
        var t = new double[count];
        for (var i = 0; i < first; i++) t[i] = i * 540.0 / first;
        for (var i = 0; i < second; i++) t[first + i] = 540 + i * 50.0 / second;
        for (var i = 0; i < third; i++) t[first + second + i] = 590 + i * 10.0 / third;
        return t.Select(x => x * scale).ToArray();
    }

    private sealed class Outcome
    {
        public double UploadMs, SubmitMs, TotalMs, NoOpMs, DoneAt;
        public string? Error, NoOpError, Receipt, PackageHash;
    }

    private static async Task<bool> RunConfigurationAsync(List<Draft> drafts, double scale, int instances, int firstPort)
    {
        var count = drafts.Count;
        Console.WriteLine();
        Console.WriteLine($"=== {instances} app instance(s), {count} applicants, time scale {scale.ToString(CultureInfo.InvariantCulture)} ===");
        var server = BenchDatabase.ServerConnection();
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            // Dropping the last run's copy (with its gigabyte of files) and copying the template can take longer than the
            // default 30 s on a slow disk.
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", admin) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
            // Copied as files (PostgreSQL 15's default copies through the write-ahead log, leaving the copy's 160 MB as dirty
            // buffers that the next timed checkpoints write out during the run).
            await new NpgsqlCommand($"CREATE DATABASE \"{Database}\" TEMPLATE \"{Template(count)}\" STRATEGY = FILE_COPY", admin) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
        }
        // 90 connections per instance at most (the default 100 twice would exceed the cluster's max_connections = 200).
        var cs = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Database, MaxPoolSize = 90 }.ConnectionString;

        var sw = Stopwatch.StartNew();
        await using var apps = await AppInstances.StartAsync(cs, instances, firstPort);
        Console.WriteLine($"started {string.Join(", ", apps.Urls)}: {sw.Elapsed.TotalSeconds:F1} s");

        var clients = apps.Urls.Select(u => new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(15),
        }) { BaseAddress = u, Timeout = TimeSpan.FromMinutes(5) }).ToArray();

        // Sign-in before timing: every applicant through the sign-in page of the instance that will serve it.
        sw.Restart();
        var cookies = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            cookies[i] = await SignInAsync(clients[i % instances], drafts[i].UserName));
        Console.WriteLine($"{count} applicants signed in through /Account/SignIn: {sw.Elapsed.TotalSeconds:F1} s");
        // What the preparation left dirty (start-up, sign-ins) is written out now, not by a checkpoint in the timed run.
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand("CHECKPOINT", admin) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
        }

        var schedule = Schedule(count, scale);
        var outcomes = Enumerable.Range(0, count).Select(_ => new Outcome()).ToArray();
        var loads = new List<double>();
        using var stopLoad = new CancellationTokenSource();
        var loadSampler = Task.Run(async () =>
        {
            while (!stopLoad.IsCancellationRequested)
            {
                lock (loads) loads.Add(LoadAverage());
                try { await Task.Delay(5000, stopLoad.Token); } catch (OperationCanceledException) { }
            }
        });

        Console.WriteLine($"timed run starts {DateTime.UtcNow:HH:mm:ss} UTC, last arrival at {schedule[^1]:F1} s");
        var clock = Stopwatch.StartNew();
        var running = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var wait = schedule[i] - clock.Elapsed.TotalSeconds;
            if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait));
            var n = i;
            running.Add(Task.Run(() => ArriveAsync(clients[n % instances], drafts[n], cookies[n], n, outcomes[n], clock)));
        }
        var lateness = clock.Elapsed.TotalSeconds - schedule[^1];
        await Task.WhenAll(running);
        var makespan = clock.Elapsed.TotalSeconds;
        stopLoad.Cancel();
        await loadSampler;
        foreach (var c in clients) c.Dispose();
        await apps.DisposeAsync();

        // Figures.
        var errors = outcomes.Where(o => o.Error is not null).ToList();
        var noOpErrors = outcomes.Where(o => o.NoOpError is not null).ToList();
        Console.WriteLine($"arrivals kept to the schedule (last one {lateness * 1000:F0} ms late); all done at {makespan:F1} s; load average (1 min) during the run {loads.Min():F1}–{loads.Max():F1}");
        Console.WriteLine($"{"measure",-34} {"ok",5} {"errors",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        Row(floor ? "stored 1 MB upload (the floor)" : twoRequests ? "submission = upload 1 MB + submit" : "submission with 1 MB, one request", outcomes.Where(o => o.Error is null).Select(o => o.TotalMs), errors.Count);
        if (twoRequests)
        {
            Row("  of which upload (materials API)", outcomes.Where(o => o.Error is null).Select(o => o.UploadMs), 0);
            Row("  of which submit (submit API)", outcomes.Where(o => o.Error is null).Select(o => o.SubmitMs), 0);
        }
        Row("no-op 1 MB upload, same instant", outcomes.Where(o => o.NoOpError is null).Select(o => o.NoOpMs), noOpErrors.Count);
        var finalPhase = count - count * 7 / 10;
        var finalStart = schedule[count - finalPhase];
        var finalDone = outcomes.Skip(count - finalPhase).Max(o => o.DoneAt);
        Console.WriteLine($"throughput: {count} submissions in {makespan:F1} s = {count / makespan:F2} /s overall; last {finalPhase} (arriving at {finalPhase / (schedule[^1] - finalStart + (scale * 10.0 / finalPhase)):F0}/s) done {finalDone - finalStart:F1} s after the first of them = {finalPhase / (finalDone - finalStart):F1} /s");
        var p95Submission = Percentile(outcomes.Where(o => o.Error is null).Select(o => o.TotalMs), 0.95);
        var p95NoOp = Percentile(outcomes.Where(o => o.NoOpError is null).Select(o => o.NoOpMs), 0.95);
        var ratio = p95Submission / p95NoOp;
        Console.WriteLine(floor
            ? $"FLOOR: stored upload p95 / no-op upload p95 = {p95Submission:F0} / {p95NoOp:F0} = {ratio:F2} (what the issue's goal of 3 leaves for a submission's own work: {3 - ratio:F2})"
            : $"FIGURE: submission p95 / no-op upload p95 = {p95Submission:F0} / {p95NoOp:F0} = {ratio:F2} (goal ≤ 3)");
        foreach (var e in errors.Select(o => o.Error).Concat(noOpErrors.Select(o => o.NoOpError)).GroupBy(x => TracePattern().Replace(x!, "")).OrderByDescending(g => g.Count()).Take(5))
            Console.WriteLine($"  error ×{e.Count()}: {e.Key}");

        var ok = (floor || await VerifyAsync(cs, drafts, outcomes)) && errors.Count == 0 && noOpErrors.Count == 0;
        Console.WriteLine(ok ? "RESULT: 0 errors; checks passed" : "RESULT: FAILED (errors or checks above)");
        return ok;

        static void Row(string name, IEnumerable<double> values, int errorCount)
        {
            var list = values.ToList();
            Console.WriteLine($"{name,-34} {list.Count,5} {errorCount,6} {Percentile(list, 0.5),8:F0} {Percentile(list, 0.95),8:F0} {Percentile(list, 0.99),8:F0} {(list.Count == 0 ? double.NaN : list.Max()),8:F0}");
        }
    }

    private static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.OrderBy(x => x).ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }

    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    private static async Task ArriveAsync(HttpClient client, Draft d, string cookie, int n, Outcome o, Stopwatch clock)
    {
        var material = Material(n);
        var noOp = Task.Run(async () =>
        {
            var t = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bench/noop-upload") { Content = Pdf(material) };
                request.Headers.Add("Cookie", cookie);
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.NoContent) o.NoOpError = $"no-op {(int)response.StatusCode} {Short(await response.Content.ReadAsStringAsync())}";
            }
            catch (Exception ex) { o.NoOpError = $"no-op {ex.GetType().Name}: {ex.Message}"; }
            o.NoOpMs = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        });
        var start = Stopwatch.GetTimestamp();
        try
        {
            if (floor)
            {
                using var stored = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bench/stored-upload") { Content = Pdf(material) };
                stored.Headers.Add("Cookie", cookie);
                using var response = await client.SendAsync(stored);
                if (response.StatusCode != HttpStatusCode.NoContent) o.Error = $"stored upload {(int)response.StatusCode} {Short(await response.Content.ReadAsStringAsync())}";
            }
            else if (twoRequests)
            {
                using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{d.Id}/materials/{d.LastSlot}?fileName={Uri.EscapeDataString("最后一份材料.pdf")}") { Content = Pdf(material) })
                {
                    upload.Headers.Add("Cookie", cookie);
                    using var response = await client.SendAsync(upload);
                    if (response.StatusCode != HttpStatusCode.Created) o.Error = $"upload {(int)response.StatusCode} {Short(await response.Content.ReadAsStringAsync())}";
                }
                o.UploadMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            if (o.Error is null && !floor)
            {
                var t = Stopwatch.GetTimestamp();
                using var submit = twoRequests
                    ? new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{d.Id}/submit") { Content = new StringContent("{}", Encoding.UTF8, "application/json") }
                    : new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{d.Id}/submit-with-material/{d.LastSlot}?fileName={Uri.EscapeDataString("最后一份材料.pdf")}") { Content = Pdf(material) };
                submit.Headers.Add("Cookie", cookie);
                submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await client.SendAsync(submit);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK) o.Error = $"submit {(int)response.StatusCode} {Short(body)}";
                else
                {
                    using var json = JsonDocument.Parse(body);
                    o.Receipt = json.RootElement.GetProperty("receiptNumber").GetString();
                    o.PackageHash = json.RootElement.GetProperty("packageHash").GetString();
                }
                o.SubmitMs = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
        }
        catch (Exception ex) { o.Error = $"{ex.GetType().Name}: {ex.Message}"; }
        o.TotalMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await noOp;
        o.DoneAt = clock.Elapsed.TotalSeconds;
    }

    private static string Short(string s) => s.Length > 300 ? s[..300] : s;

    private static ByteArrayContent Pdf(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }

    /// <summary>A 1 MB PDF (one long content stream of text operators), different for every applicant.</summary>
    private static byte[] Material(int n)
    {
        var head = Encoding.ASCII.GetBytes($"%PDF-1.4\n% bench applicant {n + 1:D4}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n3 0 obj << /Length ");
        var tail = Encoding.ASCII.GetBytes("\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var line = Encoding.ASCII.GetBytes($"BT 12 TL (applicant {n + 1:D4} material line) Tj T* ET\n");
        var fixedPart = head.Length + 16 + tail.Length;
        var streamLength = MaterialBytes - fixedPart;
        var lengthText = Encoding.ASCII.GetBytes($"{streamLength} >>\nstream\n".PadLeft(16));
        var bytes = new byte[MaterialBytes];
        head.CopyTo(bytes, 0);
        lengthText.CopyTo(bytes, head.Length);
        var p = head.Length + lengthText.Length;
        while (p < MaterialBytes - tail.Length)
        {
            var take = Math.Min(line.Length, MaterialBytes - tail.Length - p);
            Array.Copy(line, 0, bytes, p, take);
            p += take;
        }
        tail.CopyTo(bytes, MaterialBytes - tail.Length);
        return bytes;
    }

    [GeneratedRegex(",?\"traceId\":\"[^\"]*\"")]
    private static partial Regex TracePattern();

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("\\b(name|value|type)=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex AttributePattern();

    /// <summary>Signs in like a browser (the page's hidden fields, its antiforgery cookie); returns the Cookie header to send.</summary>
    private static async Task<string> SignInAsync(HttpClient client, string userName)
    {
        var jar = new Dictionary<string, string>();
        using var page = await client.GetAsync("/Account/SignIn");
        Keep(page, jar);
        var html = await page.Content.ReadAsStringAsync();
        var form = FormPattern().Matches(html).Select(m => m.Groups[1].Value).FirstOrDefault(f => f.Contains("name=\"Password\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no sign-in form ({(int)page.StatusCode})");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in InputPattern().Matches(form))
        {
            var attributes = AttributePattern().Matches(input.Value).ToDictionary(a => a.Groups[1].Value.ToLowerInvariant(), a => WebUtility.HtmlDecode(a.Groups[2].Value));
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
                fields.Add(new(name, attributes.GetValueOrDefault("value") ?? ""));
        }
        fields.Add(new("UserName", userName));
        fields.Add(new("Password", RushDrafts.Password));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        using var response = await client.SendAsync(post);
        Keep(response, jar);
        if (response.StatusCode != HttpStatusCode.Redirect || !jar.ContainsKey("exemplar.auth"))
            throw new InvalidOperationException($"sign-in as {userName} failed: {(int)response.StatusCode}");
        return string.Join("; ", jar.Where(c => c.Key.StartsWith("exemplar.auth", StringComparison.Ordinal)).Select(c => $"{c.Key}={c.Value}"));
    }

    private static void Keep(HttpResponseMessage response, Dictionary<string, string> jar)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var v in values)
        {
            var pair = v.Split(';', 2)[0];
            var eq = pair.IndexOf('=');
            if (eq <= 0) continue;
            var value = pair[(eq + 1)..];
            if (value.Length == 0) jar.Remove(pair[..eq]);
            else jar[pair[..eq]] = value;
        }
    }

    /// <summary>Every application submitted exactly once, receipts 1…N exactly once, every package hash verified, clients saw the same.</summary>
    private static async Task<bool> VerifyAsync(string cs, List<Draft> drafts, Outcome[] outcomes)
    {
        var count = drafts.Count;
        await using var app = BenchDatabase.BuildApp(cs);
        using var scope = app.Services.CreateScope();
        var ctx = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var ids = drafts.Select(d => d.Id).ToList();
        var apps = await ctx.Set<Application>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Status, a.ReceiptNumber }).ToListAsync();
        var versions = await ctx.Set<ApplicationVersion>().AsNoTracking().Where(v => ids.Contains(v.ApplicationId) && v.State == VersionState.Submitted)
            .Select(v => new { v.ApplicationId, v.SnapshotJson, v.PackageHash }).ToListAsync();
        var good = true;
        void Check(bool condition, string what)
        {
            Console.WriteLine($"  check {(condition ? "ok  " : "FAIL")} {what}");
            good &= condition;
        }
        Check(apps.Count == count && apps.All(a => a.Status == ApplicationStatus.Submitted), $"all {count} applications submitted ({apps.Count(a => a.Status == ApplicationStatus.Submitted)})");
        Check(versions.Count == count && versions.GroupBy(v => v.ApplicationId).All(g => g.Count() == 1), $"each exactly one submitted version ({versions.Count} versions)");
        var expected = Enumerable.Range(1, count).Select(i => $"KM-2026-{i:D4}").ToList();
        var receipts = apps.Where(a => a.ReceiptNumber is not null).Select(a => a.ReceiptNumber!).ToList();
        Check(receipts.Count == count && receipts.Distinct().Count() == count && receipts.ToHashSet().SetEquals(expected), $"receipts KM-2026-0001…KM-2026-{count:D4} each exactly once");
        Check(versions.All(v => v.SnapshotJson is not null && ApplicationJson.Sha256(v.SnapshotJson) == v.PackageHash), "every package hash equals the SHA-256 of its stored package");
        var byId = apps.ToDictionary(a => a.Id);
        var hashById = versions.GroupBy(v => v.ApplicationId).ToDictionary(g => g.Key, g => g.First().PackageHash);
        Check(drafts.Select((d, i) => (d, o: outcomes[i])).All(x => x.o.Receipt == byId.GetValueOrDefault(x.d.Id)?.ReceiptNumber && x.o.PackageHash == hashById.GetValueOrDefault(x.d.Id)),
            "every client got the receipt and package hash that were stored");
        return good;
    }
}
