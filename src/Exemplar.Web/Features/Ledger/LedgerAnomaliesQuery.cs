using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Exemplar.Web.Features.Ledger;

/// <summary>
/// A carrier's ledger anomalies over a period, found in SQL so the metrics page need not load the year's entries: the
/// database returns only the anomalous groups and entries, and each becomes an <see cref="Anomaly"/> through the same
/// constructors <see cref="LedgerAnomalies.Find"/> uses, in the same order as <see cref="LedgerAnomalies.Find"/> gives for
/// the entries as <see cref="LedgerMetricsQuery.EntriesAsync"/> loads them (by date, then id). Each check mirrors its C# rule:
/// 重复录入 groups by function, date, trimmed place, form, person count and the participants' keys sorted ordinally and
/// joined with "|"; 同日重复计数 groups participations by function, date and participant key (a resident by id, another
/// enterprise by its trimmed name) over two or more entries; the others are per entry. Trimming is .NET's
/// <see cref="string.Trim()"/> (<see cref="SqlText.Trim"/>). Tested to agree with <see cref="LedgerAnomalies.Find"/>.
/// </summary>
public sealed class LedgerAnomaliesQuery(ExemplarDbContext db)
{
    private static readonly string Sql = $"""
        WITH e AS MATERIALIZED (
            SELECT id, function, date, place, form, person_count, resident_ids, other_names, feedback
              FROM ledger_entries WHERE carrier_id = @carrier AND date BETWEEN @from AND @to),
        p AS MATERIALIZED (
            SELECT e.id, e.function, e.date, x.pos, x.resident_id, x.name,
                   coalesce(replace(x.resident_id::text, '-', ''), 'name:' || {SqlText.Trim("x.name")}) AS key
              FROM e CROSS JOIN LATERAL (
                   SELECT r.ord, r.rid, NULL::text FROM unnest(e.resident_ids) WITH ORDINALITY r(rid, ord)
                   UNION ALL
                   SELECT cardinality(e.resident_ids) + o.ord, NULL::uuid, o.name FROM unnest(e.other_names) WITH ORDINALITY o(name, ord)
                   ) x(pos, resident_id, name)),
        candidates AS (
            SELECT c.* FROM (SELECT e.*, count(*) OVER (PARTITION BY e.function, e.date, e.form, e.person_count) AS n FROM e) c WHERE c.n > 1),
        keyed AS (
            SELECT c.id, c.function, c.date, {SqlText.Trim("c.place")} AS place, c.form, c.person_count, k.parts
              FROM candidates c CROSS JOIN LATERAL (
                   SELECT coalesce(string_agg(y.key, '|' ORDER BY y.key COLLATE "C"), '') AS parts
                     FROM (SELECT replace(r::text, '-', '') FROM unnest(c.resident_ids) r
                           UNION ALL SELECT 'name:' || {SqlText.Trim("o")} FROM unnest(c.other_names) o) y(key)) k)
        SELECT {(int)AnomalyKind.DuplicateEntry} AS kind, array_agg(k.id ORDER BY k.id) AS ids, k.function, k.date, k.place AS text,
               0 AS times, NULL::uuid AS resident_id, 0 AS persons, 0 AS participants, (array_agg(k.id ORDER BY k.id))[1] AS o1, 0::bigint AS o2
          FROM keyed k
         GROUP BY k.function, k.date, k.place, k.form, k.person_count, k.parts
        HAVING count(*) > 1
        UNION ALL
        SELECT {(int)AnomalyKind.SameEnterpriseSameDay}, array_agg(DISTINCT p.id ORDER BY p.id), p.function, p.date,
               (array_agg(p.name ORDER BY p.id, p.pos))[1], count(*)::int, (array_agg(p.resident_id ORDER BY p.id, p.pos))[1], 0, 0,
               (array_agg(p.id ORDER BY p.id, p.pos))[1], (array_agg(p.pos ORDER BY p.id, p.pos))[1]
          FROM p
         GROUP BY p.function, p.date, p.key
        HAVING count(DISTINCT p.id) > 1
        UNION ALL
        SELECT {(int)AnomalyKind.OutsideResidency}, ARRAY[p.id], p.function, p.date, NULL, 0, p.resident_id, 0, 0, p.id, p.pos
          FROM p JOIN resident_enterprises r ON r.id = p.resident_id AND r.carrier_id = @carrier
         WHERE NOT (r.entry_date <= p.date AND (r.exit_date IS NULL OR r.exit_date >= p.date))
        UNION ALL
        SELECT {(int)AnomalyKind.ImplausibleHeadCount}, ARRAY[e.id], e.function, e.date, NULL, 0, NULL, e.person_count,
               cardinality(e.resident_ids) + cardinality(e.other_names), e.id, 0
          FROM e
         WHERE e.person_count > {LedgerAnomalies.MaxPlausiblePersons} OR e.person_count < cardinality(e.resident_ids) + cardinality(e.other_names)
        UNION ALL
        SELECT {(int)AnomalyKind.MissingFeedback}, ARRAY[e.id], e.function, e.date, NULL, 0, NULL, 0, 0, e.id, 0
          FROM e
         WHERE e.feedback IS NULL OR {SqlText.IsBlank("e.feedback")}
        ORDER BY kind, date, o1, o2
        """;

    /// <summary>The anomalies of the carrier's entries dated <paramref name="from"/>–<paramref name="to"/> (inclusive); <paramref name="residents"/> are the carrier's.</summary>
    public async Task<IReadOnlyList<Anomaly>> FindAsync(Guid carrierId, DateOnly from, DateOnly to, IReadOnlyCollection<ResidentFact> residents, CancellationToken ct)
    {
        var byId = residents.ToDictionary(r => r.Id);
        var result = new List<Anomaly>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(Sql, connection);
            cmd.Parameters.Add(new NpgsqlParameter("carrier", NpgsqlDbType.Uuid) { Value = carrierId });
            cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = from });
            cmd.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = to });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var ids = r.GetFieldValue<Guid[]>(1);
                var function = (ServiceFunction)r.GetInt32(2);
                var date = r.GetFieldValue<DateOnly>(3);
                var resident = r.IsDBNull(6) ? (Guid?)null : r.GetGuid(6);
                var anomaly = (AnomalyKind)r.GetInt32(0) switch
                {
                    AnomalyKind.DuplicateEntry => LedgerAnomalies.Duplicate(function, date, r.GetString(4), ids),
                    AnomalyKind.SameEnterpriseSameDay => LedgerAnomalies.CountedTwice(function, date,
                        resident is { } id ? byId.TryGetValue(id, out var named) ? named.Name : LedgerMetricsQuery.DeletedEnterprise : r.GetString(4), r.GetInt32(5), ids),
                    AnomalyKind.OutsideResidency => LedgerAnomalies.OutsideResidency(ids[0], date, byId[resident!.Value]),
                    AnomalyKind.ImplausibleHeadCount => LedgerAnomalies.HeadCount(ids[0], date, r.GetInt32(7), r.GetInt32(8)),
                    _ => LedgerAnomalies.MissingFeedback(ids[0], date, function),
                };
                result.Add(anomaly!);
            }
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
        return result;
    }
}
