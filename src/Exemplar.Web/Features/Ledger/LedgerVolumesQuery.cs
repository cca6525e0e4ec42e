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
/// Each entry is joined to its participants once (<c>unnest … WITH ORDINALITY</c>; an entry without any keeps one row with
/// none), so the entry-level counts take the entry's first row only. One carrier's figures read that carrier's slice of
/// the covering index <c>ix_ledger_entries_carrier_id_date</c> (an index-only range scan; the carrier filter is pushed
/// below the grouping); all carriers' figures are one pass over the year's rows.
/// </summary>
public sealed class LedgerVolumesQuery(ExemplarDbContext db)
{
    // An entry's own counts (次, 人次) are taken on its first participant row (or its only row when it has none).
    private const string First = "coalesce(p.n, 1) = 1";
    private static readonly string IsEvent = $"e.form IN ({(int)ServiceForm.Event}, {(int)ServiceForm.Training})";
    private static readonly string FreeOrLowFee = $"e.fee IN ({(int)FeeClass.Free}, {(int)FeeClass.LowFee})";

    private static readonly string Definition = $$"""
        SELECT e.carrier_id AS "CarrierId", e.function AS "Function",
               (count(p.resident_id) + count(p.other_name))::int AS "EnterpriseVisits",
               (count(DISTINCT p.resident_id) + count(DISTINCT p.other_name COLLATE "C"))::int AS "EnterprisesServed",
               count(*) FILTER (WHERE {{First}} AND {{IsEvent}})::int AS "Events",
               coalesce(sum(e.person_count) FILTER (WHERE {{First}}), 0)::int AS "PersonTimes",
               count(*) FILTER (WHERE {{First}} AND {{IsEvent}} AND e.topic = {{(int)EventTopic.Exhibition}})::int AS "ExhibitionEvents",
               count(*) FILTER (WHERE {{First}} AND {{IsEvent}} AND e.topic = {{(int)EventTopic.Matchmaking}})::int AS "MatchmakingEvents",
               count(*) FILTER (WHERE {{First}} AND {{IsEvent}} AND e.topic = {{(int)EventTopic.BankEnterprise}})::int AS "BankEnterpriseEvents",
               count(*) FILTER (WHERE {{First}} AND {{IsEvent}} AND e.topic = {{(int)EventTopic.FinanceLecture}})::int AS "FinanceLectureEvents",
               (count(p.resident_id) FILTER (WHERE {{FreeOrLowFee}}) + count(p.other_name) FILTER (WHERE {{FreeOrLowFee}}))::int AS "FreeOrLowFeeVisits"
          FROM ledger_entries e
          LEFT JOIN LATERAL unnest(e.resident_ids, e.other_names) WITH ORDINALITY AS p(resident_id, other_name, n) ON true
         WHERE e.date BETWEEN {0} AND {1}
         GROUP BY e.carrier_id, e.function
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
