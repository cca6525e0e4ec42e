using System.Collections.Concurrent;
using System.Diagnostics;
using Exemplar.Bench.Ledger;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exemplar.Bench.Applications;

/// <summary>
/// The last afternoon before a deadline: <c>count</c> complete drafts of the demo Kunming call submitted by
/// <c>concurrency</c> clients at once through <see cref="SubmitApplicationHandler"/> (the whole check — deadline,
/// admission, materials, declaration, the eligibility engine over the carrier's ledger — the frozen package, the
/// receipt number from the call's counter row, the notices, the audit). The limit, measured in the same run on the
/// same database: the work a submission cannot avoid — one transaction that takes the next number from one shared
/// counter row and writes the same frozen package — with the same concurrency over raw Npgsql.
/// </summary>
public static class DeadlineRushBench
{
    public static async Task<int> RunAsync(int count, int concurrency)
    {
        var sw = Stopwatch.StartNew();
        var db = await BenchDatabase.OpenAsync("exemplar_bench_rush", fresh: true);
        Console.WriteLine($"database migrated and seeded by the product: {sw.Elapsed.TotalSeconds:F1} s");
        await using var app = BenchDatabase.BuildApp(db.ConnectionString);

        sw.Restart();
        var drafts = await RushDrafts.PrepareAsync(app, count, ownAccounts: false, leaveLastMaterial: false);
        Console.WriteLine($"{count} carriers (40 residents, 150 ledger entries each) and complete drafts prepared: {sw.Elapsed.TotalSeconds:F1} s");

        // Product: every draft submitted, concurrency clients at a time.
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        var queue = new ConcurrentQueue<Draft>(drafts);
        sw.Restart();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var d))
            {
                var t = Stopwatch.StartNew();
                using var scope = app.Services.CreateScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<SubmitApplicationHandler>()
                    .HandleAsync(new SubmitApplicationCommand(d.Id, d.Organization, d.User, "基准测试"), default);
                latencies.Add(t.Elapsed.TotalMilliseconds);
                if (!outcome.Result.Ok) failures.Add(string.Join(" ", outcome.Result.Errors.SelectMany(e => e.Value)));
            }
        })));
        var productSeconds = sw.Elapsed.TotalSeconds;
        if (!failures.IsEmpty)
        {
            Console.Error.WriteLine($"{failures.Count} submissions refused, e.g. {failures.First()}");
            return 1;
        }

        // Check: every application submitted once, receipts KM-2026-0001 … without a gap (none fails here), each package hash matches its bytes.
        List<(string Receipt, string Json, string Hash)> rows;
        using (var scope = app.Services.CreateScope())
        {
            var ctx = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            var ids = drafts.Select(d => d.Id).ToList();
            rows = (await ctx.Set<Application>().Where(a => ids.Contains(a.Id))
                .Join(ctx.Set<ApplicationVersion>(), a => a.Id, v => v.ApplicationId, (a, v) => new { a.ReceiptNumber, v.SnapshotJson, v.PackageHash, v.Number })
                .Where(x => x.Number == 1).ToListAsync())
                .Select(x => (x.ReceiptNumber!, x.SnapshotJson!, x.PackageHash!)).ToList();
        }
        var expected = Enumerable.Range(1, count).Select(i => $"KM-2026-{i:D4}").ToHashSet();
        if (rows.Count != count || !rows.Select(r => r.Receipt).ToHashSet().SetEquals(expected) || rows.Any(r => ApplicationJson.Sha256(r.Json) != r.Hash))
        {
            Console.Error.WriteLine("receipt numbers are not 1…N exactly once, or a package hash does not match its package");
            return 1;
        }

        // Limit: the unavoidable work, same packages, same concurrency, same database.
        await db.ExecuteAsync("CREATE TABLE bench_counter (id int PRIMARY KEY, issued int NOT NULL); INSERT INTO bench_counter VALUES (1, 0);" +
                              "CREATE TABLE bench_packages (id uuid PRIMARY KEY, receipt int NOT NULL, json text NOT NULL, hash text NOT NULL)");
        var packages = new ConcurrentQueue<(string Json, string Hash)>(rows.Select(r => (r.Json, r.Hash)));
        var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        sw.Restart();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            await using var c = await dataSource.OpenConnectionAsync();
            while (packages.TryDequeue(out var p))
            {
                await using var tx = await c.BeginTransactionAsync();
                await using var next = new NpgsqlCommand("UPDATE bench_counter SET issued = issued + 1 WHERE id = 1 RETURNING issued", c, tx);
                var receipt = (int)(await next.ExecuteScalarAsync())!;
                await using var insert = new NpgsqlCommand("INSERT INTO bench_packages VALUES ($1, $2, $3, $4)", c, tx)
                {
                    Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = receipt }, new() { Value = p.Json }, new() { Value = p.Hash } },
                };
                await insert.ExecuteNonQueryAsync();
                await tx.CommitAsync();
            }
        })));
        var floorSeconds = sw.Elapsed.TotalSeconds;
        await dataSource.DisposeAsync();

        var sorted = latencies.OrderBy(x => x).ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var averageKb = rows.Average(r => r.Json.Length) / 1024.0;
        Console.WriteLine($"packages: {averageKb:F0} KB of JSON on average");
        Console.WriteLine($"product: {count} submissions in {productSeconds:F2} s = {count / productSeconds:F1} /s; latency p50 {P(0.5):F0} ms, p95 {P(0.95):F0} ms, max {sorted[^1]:F0} ms");
        Console.WriteLine($"limit (counter row + package insert, raw Npgsql): {count / floorSeconds:F1} /s ({floorSeconds:F2} s)");
        Console.WriteLine($"ratio product / limit = {floorSeconds / productSeconds:F3}");
        Console.WriteLine($"receipts KM-2026-0001…KM-2026-{count:D4}: each exactly once; every package hash verified");
        return 0;
    }
}
