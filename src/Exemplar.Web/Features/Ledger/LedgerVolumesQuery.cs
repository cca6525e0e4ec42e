using System.Runtime.CompilerServices;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Ledger;

/// <summary>One carrier's services of one function over a period, counted as <see cref="LedgerVolumesQuery.Between"/> defines.</summary>
public sealed record LedgerVolume(Guid CarrierId, ServiceFunction Function, int EnterpriseVisits, int EnterprisesServed, int Events, int PersonTimes,
    int ExhibitionEvents, int MatchmakingEvents, int BankEnterpriseEvents, int FinanceLectureEvents, int FreeOrLowFeeVisits)
{
    public VolumeRow ToRow() => new(Function, EnterpriseVisits, EnterprisesServed, Events, PersonTimes,
        ExhibitionEvents, MatchmakingEvents, BankEnterpriseEvents, FinanceLectureEvents, FreeOrLowFeeVisits);
}

/// <summary>
/// The one SQL definition of the ledger's volumes per carrier × service function (the <see cref="Measure"/>s and the
/// free/low-fee 家次), used by a base's metrics page and API, the summary pre-fill, the annual reports' area totals and the
/// authority's dashboard — one base or every base, the same statement, so the figures cannot drift apart. It counts as
/// <see cref="LedgerMetrics.Volume"/> does in C#:
/// 家次 = one per (entry, participant) — residents by id plus others by name; 家 = distinct participants (a resident by
/// its id, another enterprise by its name); 次 = entries whose form is an event or a training; 人次 = the entries' person
/// counts; free/low-fee 家次 = 家次 of entries priced 公益免费 or 低收费.
/// The entries' own counts and the distinct participants are two hash aggregations joined per (carrier, function) —
/// measured faster over 10,000,000 rows than one sorted aggregation with DISTINCT counts (bench/RESULTS.md). One
/// carrier's figures read only that carrier's slice of the covering index <c>ix_ledger_entries_carrier_id_date</c>
/// (index-only range scans; the carrier filter is pushed below both groupings).
/// </summary>
public sealed class LedgerVolumesQuery(ExemplarDbContext db)
{
    private static readonly string IsEvent = $"e.form IN ({(int)ServiceForm.Event}, {(int)ServiceForm.Training})";
    private static readonly string FreeOrLowFee = $"e.fee IN ({(int)FeeClass.Free}, {(int)FeeClass.LowFee})";
    private const string Participants = "cardinality(e.resident_ids) + cardinality(e.other_names)";

    // Two hashed groupings joined on (carrier, function): the entries' own counts, and the distinct participants
    // (residents by id and others by name, one row each). Both are pushed down to one carrier's index slice when filtered.
    private static readonly string Definition = $$"""
        SELECT v.carrier_id AS "CarrierId", v.function AS "Function", v.visits AS "EnterpriseVisits", coalesce(d.served, 0) AS "EnterprisesServed",
               v.events AS "Events", v.persons AS "PersonTimes", v.exhibition AS "ExhibitionEvents", v.matchmaking AS "MatchmakingEvents",
               v.bank AS "BankEnterpriseEvents", v.lecture AS "FinanceLectureEvents", v.free AS "FreeOrLowFeeVisits"
          FROM (SELECT e.carrier_id, e.function,
                       sum({{Participants}})::int AS visits,
                       count(*) FILTER (WHERE {{IsEvent}})::int AS events,
                       sum(e.person_count)::int AS persons,
                       count(*) FILTER (WHERE {{IsEvent}} AND e.topic = {{(int)EventTopic.Exhibition}})::int AS exhibition,
                       count(*) FILTER (WHERE {{IsEvent}} AND e.topic = {{(int)EventTopic.Matchmaking}})::int AS matchmaking,
                       count(*) FILTER (WHERE {{IsEvent}} AND e.topic = {{(int)EventTopic.BankEnterprise}})::int AS bank,
                       count(*) FILTER (WHERE {{IsEvent}} AND e.topic = {{(int)EventTopic.FinanceLecture}})::int AS lecture,
                       coalesce(sum({{Participants}}) FILTER (WHERE {{FreeOrLowFee}}), 0)::int AS free
                  FROM ledger_entries e
                 WHERE e.date BETWEEN {0} AND {1}
                 GROUP BY e.carrier_id, e.function) v
          LEFT JOIN (SELECT x.carrier_id, x.function, count(*)::int AS served
                       FROM (SELECT DISTINCT e.carrier_id, e.function, p.resident_id, p.other_name
                               FROM ledger_entries e
                              CROSS JOIN LATERAL (SELECT r, NULL::text FROM unnest(e.resident_ids) r
                                                  UNION ALL SELECT NULL::uuid, o FROM unnest(e.other_names) o) p(resident_id, other_name)
                              WHERE e.date BETWEEN {0} AND {1}) x
                      GROUP BY x.carrier_id, x.function) d ON d.carrier_id = v.carrier_id AND d.function = v.function
        """;

    /// <summary>Every carrier's volumes between two days (inclusive); compose a carrier filter on top (it is pushed into the scan).</summary>
    public IQueryable<LedgerVolume> Between(DateOnly from, DateOnly to) =>
        db.Database.SqlQuery<LedgerVolume>(FormattableStringFactory.Create(Definition, from, to));

    /// <summary>One carrier's year: a row per function that has entries.</summary>
    public IQueryable<LedgerVolume> OfCarrier(Guid carrierId, int year) => Year(year).Where(v => v.CarrierId == carrierId);

    /// <summary>The year of the given carriers (null = every carrier): a row per carrier and function that has entries.</summary>
    public IQueryable<LedgerVolume> OfCarriers(IReadOnlyCollection<Guid>? carrierIds, int year)
    {
        if (carrierIds is null) return Year(year);
        var ids = carrierIds.ToArray();
        return Year(year).Where(v => ids.Contains(v.CarrierId));
    }

    public async Task<IReadOnlyList<LedgerVolume>> ForCarrierAsync(Guid carrierId, int year, CancellationToken ct) =>
        await OfCarrier(carrierId, year).ToListAsync(ct);

    /// <summary>The year of the given carriers (null = every carrier) in one statement.</summary>
    public async Task<IReadOnlyList<LedgerVolume>> ForCarriersAsync(IReadOnlyCollection<Guid>? carrierIds, int year, CancellationToken ct) =>
        carrierIds is { Count: 0 } ? [] : await OfCarriers(carrierIds, year).ToListAsync(ct);

    private IQueryable<LedgerVolume> Year(int year) => Between(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
