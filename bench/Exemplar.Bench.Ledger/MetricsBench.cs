using System.Diagnostics;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exemplar.Bench.Ledger;

/// <summary>
/// (b) Annual metrics over 10,000,000 ledger rows, in one run, interleaved rounds, medians:
/// all carriers — the product's all-carrier path (<see cref="LedgerVolumesQuery.ForCarriersAsync"/> with no filter: what the
/// dashboard and the area totals run) against the best hand-written aggregate SQL; one carrier — the product's metrics-page
/// call (<see cref="LedgerMetricsQuery.VolumesAsync"/>, a DI scope per call as a request has) against the best hand-written
/// one-carrier SQL. Before anything is timed: product all-carrier = hand-written all-carrier, and every carrier's
/// metrics-page figures = its rows of the all-carrier result, and the sampled carriers' hand-written figures = product's.
/// </summary>
public static class MetricsBench
{
    public const int Carriers = 1000;
    public const int ResidentsPerCarrier = 40;
    private static readonly DateOnly From = new(2025, 1, 1), To = new(2025, 12, 31);

    /// <summary>
    /// All carriers, all functions, one statement written for the job against the table (no EF, constants inline): the
    /// fastest of the shapes tried (bench/RESULTS.md) — entry counts and distinct participants as two hash aggregations.
    /// </summary>
    public const string HandAll = """
        SELECT v.carrier_id, v.function, v.visits, coalesce(d.served, 0), v.events, v.persons, v.t1, v.t2, v.t3, v.t4, v.free
          FROM (SELECT carrier_id, function,
                       sum(cardinality(resident_ids) + cardinality(other_names))::int AS visits,
                       count(*) FILTER (WHERE form <> 2)::int AS events, sum(person_count)::int AS persons,
                       count(*) FILTER (WHERE form <> 2 AND topic = 1)::int AS t1, count(*) FILTER (WHERE form <> 2 AND topic = 2)::int AS t2,
                       count(*) FILTER (WHERE form <> 2 AND topic = 3)::int AS t3, count(*) FILTER (WHERE form <> 2 AND topic = 4)::int AS t4,
                       coalesce(sum(cardinality(resident_ids) + cardinality(other_names)) FILTER (WHERE fee <> 3), 0)::int AS free
                  FROM ledger_entries WHERE date BETWEEN $1 AND $2 GROUP BY carrier_id, function) v
          LEFT JOIN (SELECT carrier_id, function, count(*)::int AS served
                       FROM (SELECT DISTINCT e.carrier_id, e.function, p.r, p.o
                               FROM ledger_entries e
                              CROSS JOIN LATERAL (SELECT r, NULL::text FROM unnest(e.resident_ids) r UNION ALL SELECT NULL::uuid, o FROM unnest(e.other_names) o) p(r, o)
                              WHERE e.date BETWEEN $1 AND $2) x
                      GROUP BY carrier_id, function) d ON d.carrier_id = v.carrier_id AND d.function = v.function
        """;

    /// <summary>
    /// One carrier's year, written for the job ($3 = the carrier): the all-carrier shape with the carrier in both
    /// groupings' WHERE (the fastest one-carrier statement found; a single pass with count(DISTINCT …) after a lateral
    /// unnest measured 156 ms against this one's 84 ms in the 2026-12-01 run).
    /// </summary>
    public const string HandOne = """
        SELECT v.function, v.visits, coalesce(d.served, 0), v.events, v.persons, v.t1, v.t2, v.t3, v.t4, v.free
          FROM (SELECT function,
                       sum(cardinality(resident_ids) + cardinality(other_names))::int AS visits,
                       count(*) FILTER (WHERE form <> 2)::int AS events, sum(person_count)::int AS persons,
                       count(*) FILTER (WHERE form <> 2 AND topic = 1)::int AS t1, count(*) FILTER (WHERE form <> 2 AND topic = 2)::int AS t2,
                       count(*) FILTER (WHERE form <> 2 AND topic = 3)::int AS t3, count(*) FILTER (WHERE form <> 2 AND topic = 4)::int AS t4,
                       coalesce(sum(cardinality(resident_ids) + cardinality(other_names)) FILTER (WHERE fee <> 3), 0)::int AS free
                  FROM ledger_entries WHERE carrier_id = $3 AND date BETWEEN $1 AND $2 GROUP BY function) v
          LEFT JOIN (SELECT function, count(*)::int AS served
                       FROM (SELECT DISTINCT e.function, p.r, p.o
                               FROM ledger_entries e
                              CROSS JOIN LATERAL (SELECT r, NULL::text FROM unnest(e.resident_ids) r UNION ALL SELECT NULL::uuid, o FROM unnest(e.other_names) o) p(r, o)
                              WHERE e.carrier_id = $3 AND e.date BETWEEN $1 AND $2) x
                      GROUP BY function) d ON d.function = v.function
        """;

    private sealed record Sample(string Name, List<double> Seconds)
    {
        public double Median => MetricsBench.Median(Seconds);
        public string Spread => $"{Seconds.Min() * 1000:N1}–{Seconds.Max() * 1000:N1} ms";
    }

    private static string Memory() => File.Exists("/proc/meminfo")
        ? $"{long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024} GiB"
        : "?";

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static async Task<int> RunAsync(long rows, bool reuse, int rounds, int oneCarrierSample, bool explain, bool http, bool everyCarrier, bool httpOnly = false)
    {
        var sw = Stopwatch.StartNew();
        var db = await BenchDatabase.OpenAsync("exemplar_bench_metrics", fresh: !reuse);
        var existing = (long)(await db.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE place = '基准地点'"))!;
        if (existing != rows)
        {
            if (existing > 0) { Console.WriteLine($"found {existing:N0} benchmark rows, wanted {rows:N0}: rebuilding"); db = await BenchDatabase.OpenAsync("exemplar_bench_metrics", fresh: true); }
            await GenerateAsync(db, rows);
            Console.WriteLine($"generated {Carriers} carriers, {Carriers * ResidentsPerCarrier:N0} residents, {rows:N0} ledger rows (deterministic) in {sw.Elapsed.TotalSeconds:F1} s");
        }
        else Console.WriteLine($"reusing {rows:N0} generated ledger rows");
        Guid? big = http ? await MetricsHttp.EnsureCarrierAsync(db) : null;
        await db.ExecuteAsync("VACUUM ANALYZE ledger_entries"); // as autovacuum leaves a settled table: visibility map set, statistics fresh
        var total = (long)(await db.ScalarAsync("SELECT count(*) FROM ledger_entries"))!;
        var carrierIds = new List<Guid>();
        await using (var c = await db.ConnectAsync())
        await using (var r = await new NpgsqlCommand("SELECT id FROM carriers ORDER BY id", c).ExecuteReaderAsync())
            while (await r.ReadAsync()) carrierIds.Add(r.GetGuid(0));
        Console.WriteLine($"ledger_entries: {total:N0} rows, {carrierIds.Count} carriers; measuring the year 2025");
        Console.WriteLine($"machine: nproc {Environment.ProcessorCount}, memory {Memory()}, load average {Load()}; {await db.ScalarAsync("SELECT version()")}");
        Console.WriteLine($"sizes: table {await db.ScalarAsync("SELECT pg_size_pretty(pg_table_size('ledger_entries'))")}, "
            + $"index ix_ledger_entries_carrier_id_date {await db.ScalarAsync("SELECT pg_size_pretty(pg_relation_size('ix_ledger_entries_carrier_id_date'))")}; "
            + $"shared_buffers {await db.ScalarAsync("SHOW shared_buffers")}, work_mem {await db.ScalarAsync("SHOW work_mem")}");

        if (httpOnly && big is { } only)
        {
            await MetricsHttp.RunAsync(db, only, rounds);
            Console.WriteLine($"load average at the end: {Load()}");
            return 0;
        }

        await using var app = BenchDatabase.BuildApp(db.ConnectionString);
        var sample = Enumerable.Range(0, oneCarrierSample).Select(i => carrierIds[(int)((long)i * carrierIds.Count / oneCarrierSample)]).ToList();

        // Figures first: nothing is timed unless every path agrees.
        sw.Restart();
        var productAll = await ProductAllAsync(app);
        var productAllFirst = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var handAll = await HandAllAsync(db);
        var handAllFirst = sw.Elapsed.TotalSeconds;
        var differences = Differences(productAll, handAll);
        sw.Restart();
        var perCarrier = new Dictionary<(Guid, ServiceFunction), VolumeRow>();
        var checkedOne = everyCarrier ? carrierIds : sample;
        foreach (var id in checkedOne)
            foreach (var v in await ProductOneAsync(app, id)) perCarrier[(id, v.Function)] = v;
        var loop = sw.Elapsed.TotalSeconds;
        var pageDifferences = Differences(perCarrier, productAll.Where(kv => checkedOne.Contains(kv.Key.Item1)).ToDictionary());
        var handOneDifferences = 0;
        foreach (var id in sample)
            handOneDifferences += Differences((await HandOneAsync(db, id)).ToDictionary(v => (id, v.Function)),
                productAll.Where(kv => kv.Key.Item1 == id).ToDictionary());
        Console.WriteLine($"first (untimed) runs: product all-carrier {productAllFirst:F2} s, hand-written {handAllFirst:F2} s; metrics-page call for each of {checkedOne.Count} carriers {loop:F2} s in all");
        Console.WriteLine($"figures: {productAll.Count:N0} carrier×function rows, {productAll.Values.Sum(v => (long)v.EnterpriseVisits):N0} 家次, {productAll.Values.Sum(v => (long)v.EnterprisesServed):N0} 家 (per carrier×function), "
            + $"{productAll.Values.Sum(v => (long)v.Events):N0} 次, {productAll.Values.Sum(v => (long)v.PersonTimes):N0} 人次");
        Console.WriteLine($"differences: product all-carrier vs hand-written {differences}; metrics page ({checkedOne.Count} carriers) vs all-carrier {pageDifferences}; "
            + $"hand-written one-carrier vs product ({sample.Count} carriers) {handOneDifferences}");
        if (differences + pageDifferences + handOneDifferences > 0) return 1;

        if (explain)
        {
            await ExplainAsync("product, all carriers", db, app, q => q.OfCarriers(null, 2025));
            await ExplainAsync("product, one carrier", db, app, q => q.OfCarrier(sample[0], 2025));
            await ExplainHandAsync("hand-written, all carriers", db, HandAll, null);
            await ExplainHandAsync("hand-written, one carrier", db, HandOne, sample[0]);
        }

        var all = (Product: new Sample("product all-carrier", []), Hand: new Sample("hand-written all-carrier", []));
        var one = (Product: new Sample("product one carrier", []), Hand: new Sample("hand-written one carrier", []));
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate which side goes first so neither always meets a warmer (or busier) moment.
            var productFirst = round % 2 == 1;
            foreach (var side in productFirst ? new[] { true, false } : [false, true])
            {
                sw.Restart();
                if (side) await ProductAllAsync(app); else await HandAllAsync(db);
                (side ? all.Product : all.Hand).Seconds.Add(sw.Elapsed.TotalSeconds);
            }
            foreach (var id in sample)
                foreach (var side in productFirst ? new[] { true, false } : [false, true])
                {
                    sw.Restart();
                    if (side) await ProductOneAsync(app, id); else await HandOneAsync(db, id);
                    (side ? one.Product : one.Hand).Seconds.Add(sw.Elapsed.TotalSeconds);
                }
            Console.WriteLine($"round {round}: all carriers product {all.Product.Seconds[^1]:F2} s, hand {all.Hand.Seconds[^1]:F2} s; "
                + $"one carrier (median of {sample.Count}) product {Median(one.Product.Seconds.TakeLast(sample.Count)) * 1000:F1} ms, hand {Median(one.Hand.Seconds.TakeLast(sample.Count)) * 1000:F1} ms; load {Load()}");
        }
        Console.WriteLine();
        Console.WriteLine("| measure | median | range |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var s in new[] { all.Product, all.Hand })
            Console.WriteLine($"| {s.Name} ({rounds} rounds) | {s.Median:F2} s | {s.Seconds.Min():F2}–{s.Seconds.Max():F2} s |");
        foreach (var s in new[] { one.Product, one.Hand })
            Console.WriteLine($"| {s.Name} ({sample.Count} carriers × {rounds} rounds) | {s.Median * 1000:F1} ms | {s.Spread} |");
        Console.WriteLine($"| **ratio all carriers, product / hand-written** (goal ≤ 1.2) | **{all.Product.Median / all.Hand.Median:F2}** | |");
        Console.WriteLine($"| **ratio one carrier, product / hand-written** (goal ≤ 1.2) | **{one.Product.Median / one.Hand.Median:F2}** | |");
        Console.WriteLine($"| **product one carrier / product all carriers** (goal ≤ 0.01) | **{one.Product.Median / all.Product.Median:F5}** (1/{all.Product.Median / one.Product.Median:N0}) | |");
        if (big is { } carrier)
        {
            Console.WriteLine();
            await MetricsHttp.RunAsync(db, carrier, rounds);
        }
        Console.WriteLine($"load average at the end: {Load()}");
        return 0;
    }

    private static double Median(IEnumerable<double> xs)
    {
        var a = xs.Order().ToArray();
        return a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2;
    }

    /// <summary>Rows of either side missing from or different in the other (a row of zeros counts as absent).</summary>
    private static int Differences(Dictionary<(Guid, ServiceFunction), VolumeRow> x, Dictionary<(Guid, ServiceFunction), VolumeRow> y)
    {
        static bool Zero(VolumeRow v) => v == new VolumeRow(v.Function, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return x.Count(kv => y.TryGetValue(kv.Key, out var o) ? o != kv.Value : !Zero(kv.Value))
            + y.Count(kv => !x.ContainsKey(kv.Key) && !Zero(kv.Value));
    }

    private static async Task<Dictionary<(Guid, ServiceFunction), VolumeRow>> ProductAllAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<LedgerVolumesQuery>().ForCarriersAsync(null, 2025, CancellationToken.None);
        return rows.ToDictionary(v => (v.CarrierId, v.Function), v => v.ToRow());
    }

    private static async Task<IReadOnlyList<VolumeRow>> ProductOneAsync(Microsoft.AspNetCore.Builder.WebApplication app, Guid carrierId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerMetricsQuery>().VolumesAsync(carrierId, 2025, CancellationToken.None);
    }

    private static async Task<Dictionary<(Guid, ServiceFunction), VolumeRow>> HandAllAsync(BenchDatabase db)
    {
        var result = new Dictionary<(Guid, ServiceFunction), VolumeRow>();
        await using var c = await db.ConnectAsync();
        await using var cmd = new NpgsqlCommand(HandAll, c) { CommandTimeout = 0 };
        cmd.Parameters.Add(new() { Value = From });
        cmd.Parameters.Add(new() { Value = To });
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var f = (ServiceFunction)r.GetInt32(1);
            result[(r.GetGuid(0), f)] = new VolumeRow(f, r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10));
        }
        return result;
    }

    private static async Task<List<VolumeRow>> HandOneAsync(BenchDatabase db, Guid carrierId)
    {
        var result = new List<VolumeRow>();
        await using var c = await db.ConnectAsync();
        await using var cmd = new NpgsqlCommand(HandOne, c);
        cmd.Parameters.Add(new() { Value = From });
        cmd.Parameters.Add(new() { Value = To });
        cmd.Parameters.Add(new() { Value = carrierId });
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var f = (ServiceFunction)r.GetInt32(0);
            result.Add(new VolumeRow(f, r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9)));
        }
        return result;
    }

    private static async Task ExplainAsync(string title, BenchDatabase db, Microsoft.AspNetCore.Builder.WebApplication app, Func<LedgerVolumesQuery, IQueryable<LedgerVolume>> query)
    {
        using var scope = app.Services.CreateScope();
        await using var cmd = query(scope.ServiceProvider.GetRequiredService<LedgerVolumesQuery>()).CreateDbCommand();
        await using var c = await db.ConnectAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + cmd.CommandText, c) { CommandTimeout = 0 };
        foreach (var p in cmd.Parameters.Cast<NpgsqlParameter>()) explain.Parameters.Add(p.Clone());
        await PrintPlanAsync(title, explain);
    }

    private static async Task ExplainHandAsync(string title, BenchDatabase db, string sql, Guid? carrierId)
    {
        await using var c = await db.ConnectAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, c) { CommandTimeout = 0 };
        explain.Parameters.Add(new() { Value = From });
        explain.Parameters.Add(new() { Value = To });
        if (carrierId is { } id) explain.Parameters.Add(new() { Value = id });
        await PrintPlanAsync(title, explain);
    }

    private static async Task PrintPlanAsync(string title, NpgsqlCommand explain)
    {
        Console.WriteLine($"--- EXPLAIN (ANALYZE, BUFFERS): {title}");
        Console.WriteLine(explain.CommandText);
        await using var r = await explain.ExecuteReaderAsync();
        while (await r.ReadAsync()) Console.WriteLine(r.GetString(0));
        Console.WriteLine();
    }

    /// <summary>
    /// Carriers, residents and ledger rows made in SQL from the row number alone (no randomness), interleaved over
    /// the year as a real ledger fills up. Secondary indexes (not the primary key, which attachments reference) are dropped for the
    /// load and built again after, as the migrations define them.
    /// </summary>
    private static async Task GenerateAsync(BenchDatabase db, long rows)
    {
        await db.ExecuteAsync($"""
            INSERT INTO carriers (id, organization_id, name, kind, jurisdiction_code, leading_industries, primary_type, area, public_service_area, established_on, created_at)
            SELECT md5('bench-carrier-' || g)::uuid, (SELECT id FROM organizations ORDER BY name LIMIT 1), '基准基地' || lpad(g::text, 4, '0'), 1, '530102',
                   ARRAY['软件'], 2, 10000, 2000, DATE '2018-06-01', now()
            FROM generate_series(1, {Carriers}) g;
            INSERT INTO resident_enterprises (id, carrier_id, name, uscc, entry_date, exit_date, industry, in_leading_industry, size_class, contact_name, contact_phone)
            SELECT md5('bench-res-' || c.name || '-' || r)::uuid, c.id, c.name || '企业' || r, lpad(r::text, 18, '0'), DATE '2020-01-01', NULL, '软件', true, 2, NULL, NULL
            FROM carriers c, generate_series(1, {ResidentsPerCarrier}) r WHERE c.name LIKE '基准基地%';
            """);
        // The secondary indexes as the migrations made them, dropped for the load and built again after.
        var indexes = new List<(string Name, string Definition)>();
        await using (var c = await db.ConnectAsync())
        await using (var r = await new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ledger_entries' AND indexname <> 'pk_ledger_entries'", c).ExecuteReaderAsync())
            while (await r.ReadAsync()) indexes.Add((r.GetString(0), r.GetString(1)));
        await db.ExecuteAsync(string.Concat(indexes.Select(i => $"DROP INDEX {i.Name};")));
        await db.ExecuteAsync($$"""
            SET session_replication_role = replica; -- the rows reference carriers made just above; skip per-row FK checks during the load
            INSERT INTO ledger_entries (id, carrier_id, function, date, place, form, topic, resident_ids, other_names, person_count, fee,
                                        partner_agency_id, request_text, outcome_text, feedback, import_job_id)
            SELECT md5('bench-le-' || i)::uuid, c.id, 1 + (i * 7) % 9, DATE '2025-01-01' + ((i * 13) % 365)::int, '基准地点',
                   CASE WHEN i % 4 = 0 THEN 1 WHEN 1 + (i * 7) % 9 = 4 THEN 3 ELSE 2 END,
                   CASE WHEN i % 4 = 0 THEN ((i / 4) % 5)::int ELSE 0 END,
                   CASE WHEN i % 4 = 0 THEN ARRAY[c.rs[1 + i % 40], c.rs[1 + (i / 7) % 40], c.rs[1 + (i / 11) % 40]] ELSE ARRAY[c.rs[1 + i % 40]] END,
                   CASE WHEN i % 10 = 0 THEN ARRAY['外部企业' || (i % 97)] ELSE '{}'::text[] END,
                   CASE WHEN i % 4 = 0 THEN 10 + (i % 50)::int ELSE 1 + (i % 3)::int END, 1 + (i % 3)::int, NULL, NULL, NULL, '满意', NULL
            FROM generate_series(0, {{rows - 1}}) i
            JOIN (SELECT row_number() OVER (ORDER BY c.name) - 1 AS k, c.id, array_agg(r.id ORDER BY r.name) AS rs
                  FROM carriers c JOIN resident_enterprises r ON r.carrier_id = c.id WHERE c.name LIKE '基准基地%' GROUP BY c.id, c.name) c
              ON c.k = i % {{Carriers}};
            SET session_replication_role = origin;
            """);
        await db.ExecuteAsync(string.Concat(indexes.Select(i => i.Definition + ";")));
        await db.ExecuteAsync("VACUUM ANALYZE ledger_entries");
    }
}
