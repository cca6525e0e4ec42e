using System.Diagnostics;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exemplar.Bench.Ledger;

/// <summary>
/// (b) Annual metrics (per function: 家次, 家, 次, 人次, topic counts, free/low-fee 家次) for every carrier over
/// 10,000,000 ledger rows: the product's <see cref="LedgerMetricsQuery.VolumesAsync"/> carrier by carrier, as the
/// metrics pages and profiles use it, against one hand-written SQL aggregate over all carriers. The two must give
/// the same numbers before their times mean anything.
/// </summary>
public static class MetricsBench
{
    public const int Carriers = 1000;
    public const int ResidentsPerCarrier = 40;

    /// <summary>All carriers, all functions, one statement.</summary>
    public const string HandWritten = """
        WITH y AS (
            SELECT carrier_id, function, form, topic, fee, person_count, resident_ids, other_names
            FROM ledger_entries WHERE date BETWEEN $1 AND $2),
        v AS (
            SELECT carrier_id, function,
                   sum(cardinality(resident_ids) + cardinality(other_names))::int AS visits,
                   count(*) FILTER (WHERE form <> 2)::int AS events,
                   sum(person_count)::int AS persons,
                   count(*) FILTER (WHERE form <> 2 AND topic = 1)::int AS exhibition,
                   count(*) FILTER (WHERE form <> 2 AND topic = 2)::int AS matchmaking,
                   count(*) FILTER (WHERE form <> 2 AND topic = 3)::int AS bank,
                   count(*) FILTER (WHERE form <> 2 AND topic = 4)::int AS lecture,
                   coalesce(sum(cardinality(resident_ids) + cardinality(other_names)) FILTER (WHERE fee <> 3), 0)::int AS free
            FROM y GROUP BY carrier_id, function),
        d AS (
            SELECT carrier_id, function, count(DISTINCT k)::int AS served FROM (
                SELECT carrier_id, function, unnest(resident_ids)::text AS k FROM y
                UNION ALL
                SELECT carrier_id, function, 'name:' || unnest(other_names) FROM y) s
            GROUP BY carrier_id, function)
        SELECT v.carrier_id, v.function, v.visits, coalesce(d.served, 0), v.events, v.persons, v.exhibition, v.matchmaking, v.bank, v.lecture, v.free
        FROM v LEFT JOIN d USING (carrier_id, function)
        """;

    public static async Task<int> RunAsync(long rows, bool reuse, int runs)
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
        var total = (long)(await db.ScalarAsync("SELECT count(*) FROM ledger_entries"))!;
        var carrierIds = new List<Guid>();
        await using (var c = await db.ConnectAsync())
        await using (var r = await new NpgsqlCommand("SELECT id FROM carriers ORDER BY id", c).ExecuteReaderAsync())
            while (await r.ReadAsync()) carrierIds.Add(r.GetGuid(0));
        Console.WriteLine($"ledger_entries: {total:N0} rows, {carrierIds.Count} carriers; measuring the year 2025");

        await using var app = BenchDatabase.BuildApp(db.ConnectionString);
        Dictionary<(Guid, ServiceFunction), VolumeRow> product = [], hand = [];
        var productTimes = new List<double>();
        var handTimes = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            sw.Restart();
            product = await ProductAsync(app, carrierIds);
            productTimes.Add(sw.Elapsed.TotalSeconds);
            sw.Restart();
            hand = await HandAsync(db);
            handTimes.Add(sw.Elapsed.TotalSeconds);
            Console.WriteLine($"run {run}: product {productTimes[^1]:F2} s, hand-written SQL {handTimes[^1]:F2} s");
        }
        var differences = product.Count(kv => !hand.TryGetValue(kv.Key, out var h) ? kv.Value.EnterpriseVisits != 0 : h != kv.Value)
            + hand.Count(kv => !product.ContainsKey(kv.Key));
        var visits = product.Values.Sum(v => (long)v.EnterpriseVisits);
        Console.WriteLine($"results: {product.Count(kv => kv.Value.EnterpriseVisits > 0):N0} carrier×function figures, {visits:N0} 家次 in all; differences product vs hand-written: {differences}");
        Console.WriteLine($"product metric query (LedgerMetricsQuery.VolumesAsync × {carrierIds.Count} carriers)  {productTimes.Min(),8:F2} s");
        Console.WriteLine($"hand-written SQL aggregate (one statement, all carriers)        {handTimes.Min(),8:F2} s");
        Console.WriteLine($"ratio product / hand-written: {productTimes.Min() / handTimes.Min():F2}");
        return differences == 0 ? 0 : 1;
    }

    private static async Task<Dictionary<(Guid, ServiceFunction), VolumeRow>> ProductAsync(Microsoft.AspNetCore.Builder.WebApplication app, List<Guid> carriers)
    {
        var result = new Dictionary<(Guid, ServiceFunction), VolumeRow>();
        foreach (var id in carriers)
        {
            using var scope = app.Services.CreateScope();
            var query = scope.ServiceProvider.GetRequiredService<LedgerMetricsQuery>();
            foreach (var v in await query.VolumesAsync(id, 2025, CancellationToken.None)) result[(id, v.Function)] = v;
        }
        return result;
    }

    private static async Task<Dictionary<(Guid, ServiceFunction), VolumeRow>> HandAsync(BenchDatabase db)
    {
        var result = new Dictionary<(Guid, ServiceFunction), VolumeRow>();
        await using var c = await db.ConnectAsync();
        await using var cmd = new NpgsqlCommand(HandWritten, c) { CommandTimeout = 0 };
        cmd.Parameters.Add(new() { Value = new DateOnly(2025, 1, 1) });
        cmd.Parameters.Add(new() { Value = new DateOnly(2025, 12, 31) });
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var f = (ServiceFunction)r.GetInt32(1);
            result[(r.GetGuid(0), f)] = new VolumeRow(f, r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10));
        }
        return result;
    }

    /// <summary>
    /// Carriers, residents and ledger rows made in SQL from the row number alone (no randomness), interleaved over
    /// the year as a real ledger fills up. Secondary indexes (not the primary key, which attachments reference) are dropped for the
    /// load and built again after.
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
        await db.ExecuteAsync("""
            DROP INDEX ix_ledger_entries_carrier_id_date; DROP INDEX ix_ledger_entries_partner_agency_id; DROP INDEX ix_ledger_entries_import_job_id;
            """);
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
        await db.ExecuteAsync("""
            CREATE INDEX ix_ledger_entries_carrier_id_date ON ledger_entries (carrier_id, date);
            CREATE INDEX ix_ledger_entries_partner_agency_id ON ledger_entries (partner_agency_id);
            CREATE INDEX ix_ledger_entries_import_job_id ON ledger_entries (import_job_id);
            """);
        await db.ExecuteAsync("VACUUM ANALYZE ledger_entries");
    }
}
