using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Exemplar.Web.Features.Ledger;

/// <summary>
/// A carrier's ledger anomalies over a period, found in SQL so the metrics page need not load the year's entries: the
/// database returns only the anomalous groups and entries, and each becomes an <see cref="Anomaly"/> through the same
/// constructors <see cref="LedgerAnomalies.Find"/> uses, in the order <see cref="LedgerAnomalies.Find"/> gives (per kind) for
/// the entries as <see cref="LedgerMetricsQuery.EntriesAsync"/> loads them (by date, then id). Each check is its C# rule:
/// 同日重复计数 groups participations by function, date and participant (a resident by id, another enterprise by its
/// trimmed name) over two or more entries; 重复录入 groups by function, date, trimmed place, form, person count and the
/// sorted participant keys — and since two entries with the same participants share each of them, only entries already
/// counted twice on their day, or with no participants, can be duplicates, so only those are keyed; the others are per
/// entry. Trimming is .NET's (<see cref="SqlText"/>). Tested to agree with <see cref="LedgerAnomalies.Find"/>.
/// </summary>
public sealed class LedgerAnomaliesQuery(ExemplarDbContext db)
{
    private static readonly string Sql = $"""
        WITH e AS MATERIALIZED (
            SELECT id, function, date, form, person_count, resident_ids, other_names, place, feedback
              FROM ledger_entries WHERE carrier_id = @carrier AND date BETWEEN @from AND @to),
        p AS MATERIALIZED (
            SELECT e.id, e.function, e.date, r.ord AS pos, true AS resident, r.rid, NULL::text AS name, '' AS trimmed
              FROM e CROSS JOIN LATERAL unnest(e.resident_ids) WITH ORDINALITY r(rid, ord)
            UNION ALL
            SELECT e.id, e.function, e.date, cardinality(e.resident_ids) + o.ord, false, '{Guid.Empty}'::uuid, o.name, {SqlText.Trim("o.name")}
              FROM e CROSS JOIN LATERAL unnest(e.other_names) WITH ORDINALITY o(name, ord)
             WHERE cardinality(e.other_names) > 0),
        repeated AS (
            -- Two participations, possibly of one entry (checked below): one hashed grouping of the year's participations.
            SELECT function, date, resident, rid, trimmed FROM p GROUP BY function, date, resident, rid, trimmed HAVING count(*) > 1),
        repeats AS MATERIALIZED (
            SELECT p.* FROM p JOIN repeated USING (function, date, resident, rid, trimmed)),
        twins AS (
            SELECT e.id, e.function, e.date, {SqlText.Trim("e.place")} AS place, e.form, e.person_count,
                   ARRAY(SELECT k FROM (SELECT replace(r::text, '-', '') FROM unnest(e.resident_ids) r
                                        UNION ALL SELECT 'name:' || {SqlText.Trim("o")} FROM unnest(e.other_names) o) y(k)
                         ORDER BY k COLLATE "C") AS parts
              FROM e
             WHERE e.id IN (SELECT id FROM repeats) OR cardinality(e.resident_ids) + cardinality(e.other_names) = 0)
        SELECT {(int)AnomalyKind.DuplicateEntry} AS kind, array_agg(t.id ORDER BY t.id) AS ids, t.function, t.date, t.place AS text,
               0 AS times, NULL::uuid AS resident_id, 0 AS persons, 0 AS participants, (array_agg(t.id ORDER BY t.id))[1] AS o1, 0::bigint AS o2
          FROM twins t
         GROUP BY t.function, t.date, t.place, t.form, t.person_count, t.parts
        HAVING count(*) > 1
        UNION ALL
        SELECT {(int)AnomalyKind.SameEnterpriseSameDay}, array_agg(DISTINCT p.id ORDER BY p.id), p.function, p.date,
               (array_agg(p.name ORDER BY p.id, p.pos))[1], count(*)::int, CASE WHEN p.resident THEN p.rid END, 0, 0,
               (array_agg(p.id ORDER BY p.id, p.pos))[1], (array_agg(p.pos ORDER BY p.id, p.pos))[1]
          FROM repeats p
         GROUP BY p.function, p.date, p.resident, p.rid, p.trimmed
        HAVING count(DISTINCT p.id) > 1
        UNION ALL
        SELECT {(int)AnomalyKind.OutsideResidency}, ARRAY[p.id], p.function, p.date, NULL, 0, p.rid, 0, 0, p.id, p.pos
          FROM p JOIN resident_enterprises r ON p.resident AND r.id = p.rid AND r.carrier_id = @carrier
         WHERE NOT (r.entry_date <= p.date AND (r.exit_date IS NULL OR r.exit_date >= p.date))
        UNION ALL
        SELECT {(int)AnomalyKind.ImplausibleHeadCount}, ARRAY[e.id], e.function, e.date, NULL, 0, NULL, e.person_count,
               cardinality(e.resident_ids) + cardinality(e.other_names), e.id, 0
          FROM e
         WHERE e.person_count > {LedgerAnomalies.MaxPlausiblePersons} OR e.person_count < cardinality(e.resident_ids) + cardinality(e.other_names)
        UNION ALL
        SELECT {(int)AnomalyKind.MissingFeedback}, ARRAY[e.id], e.function, e.date, NULL, 0, NULL, 0, 0, e.id, 0
          FROM e
         WHERE {SqlText.IsBlank("e.feedback")}
        ORDER BY kind, date, o1, o2
        """;

    /// <summary>The anomalies of the carrier's entries dated <paramref name="from"/>–<paramref name="to"/> (inclusive); <paramref name="residents"/> are the carrier's.</summary>
    public async Task<IReadOnlyList<Anomaly>> FindAsync(Guid carrierId, DateOnly from, DateOnly to, IReadOnlyCollection<ResidentFact> residents, CancellationToken ct)
    {
        var byId = residents.ToDictionary(r => r.Id);
        var result = new List<Anomaly>();
        // EF's own open count: the connection stays open when a transaction or an earlier open holds it.
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
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
        catch (Exception)
        {
            Infrastructure.Data.PreparedStatementRecovery.MarkFailed(connection);
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return result;
    }
}
