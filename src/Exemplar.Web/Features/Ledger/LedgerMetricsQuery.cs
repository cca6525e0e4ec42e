using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Features.Organizations;

namespace Exemplar.Web.Features.Ledger;

/// <summary>A year's volume of one function (the carrier's row of <see cref="LedgerVolumesQuery"/>, zeros when it has no entries).</summary>
public sealed record VolumeRow(ServiceFunction Function, int EnterpriseVisits, int EnterprisesServed, int Events, int PersonTimes,
    int ExhibitionEvents, int MatchmakingEvents, int BankEnterpriseEvents, int FinanceLectureEvents, int FreeOrLowFeeVisits)
{
    /// <summary>The year's free/low-fee share over all functions' 家次.</summary>
    public static FeeShare ShareOf(IReadOnlyCollection<VolumeRow> rows) =>
        new(rows.Sum(v => v.FreeOrLowFeeVisits), rows.Sum(v => v.EnterpriseVisits));
}

/// <summary>Loads a carrier's records as domain facts; its volumes come from the ledger's one aggregate (<see cref="LedgerVolumesQuery"/>).</summary>
public sealed class LedgerMetricsQuery(ExemplarDbContext db, LedgerVolumesQuery volumes)
{
    /// <summary>The name shown for a resident id whose enterprise record is gone.</summary>
    public const string DeletedEnterprise = "（已删除企业）";

    // The figures of LedgerYearFigures the volumes do not give, in one pass over the carrier's slice of
    // ix_ledger_entries_carrier_id_date for the year and the year before (index-only): the distinct enterprises served in
    // each year (a resident by id, another enterprise by its trimmed name, as Participant.Key) and the year's free/low-fee
    // 家次 of the carrier's resident small/micro enterprises.
    private static readonly string YearFiguresSql = $$"""
        WITH p AS MATERIALIZED (
            SELECT e.date >= {1} AS this_year, e.fee, r AS resident_id, NULL::text AS name
              FROM ledger_entries e CROSS JOIN LATERAL unnest(e.resident_ids) r
             WHERE e.carrier_id = {0} AND e.date BETWEEN {3} AND {2}
            UNION ALL
            SELECT e.date >= {1}, e.fee, NULL::uuid, {{SqlText.Trim("o")}}
              FROM ledger_entries e CROSS JOIN LATERAL unnest(e.other_names) o
             WHERE e.carrier_id = {0} AND e.date BETWEEN {3} AND {2} AND cardinality(e.other_names) > 0)
        SELECT (SELECT count(*) FROM (SELECT DISTINCT resident_id, name FROM p WHERE this_year) x)::int AS "EnterprisesServed",
               (SELECT count(*) FROM (SELECT DISTINCT resident_id, name FROM p WHERE NOT this_year) x)::int AS "EnterprisesServedPreviousYear",
               (SELECT count(*) FROM p JOIN resident_enterprises re ON re.id = p.resident_id
                 WHERE p.this_year AND p.fee IN ({{(int)FeeClass.Free}}, {{(int)FeeClass.LowFee}})
                   AND re.carrier_id = {0} AND re.size_class IN ({{(int)SizeClass.Small}}, {{(int)SizeClass.Micro}}))::int AS "FreeOrLowFeeVisitsToSmallMicro"
        """;

    private sealed record YearRow(int EnterprisesServed, int EnterprisesServedPreviousYear, int FreeOrLowFeeVisitsToSmallMicro);

    /// <summary>Every service function's volume of the year (zeros for a function without entries), exact, from the shared definition.</summary>
    public async Task<IReadOnlyList<VolumeRow>> VolumesAsync(Guid carrierId, int year, CancellationToken ct)
    {
        var rows = (await volumes.ForCarrierAsync(carrierId, year, ct)).ToDictionary(v => v.Function);
        return [.. ServiceFunctions.All.Select(f => rows.TryGetValue(f, out var v) ? v.ToRow() : new VolumeRow(f, 0, 0, 0, 0, 0, 0, 0, 0, 0))];
    }

    public async Task<IReadOnlyList<EntryFact>> EntriesAsync(Guid carrierId, DateOnly from, DateOnly to, ServiceFunction? function, CancellationToken ct) =>
        await EntriesAsync(carrierId, from, to, function,
            await db.Set<ResidentEnterprise>().AsNoTracking().Where(r => r.CarrierId == carrierId).ToDictionaryAsync(r => r.Id, r => r.Name, ct), ct);

    private async Task<IReadOnlyList<EntryFact>> EntriesAsync(Guid carrierId, DateOnly from, DateOnly to, ServiceFunction? function,
        IReadOnlyDictionary<Guid, string> names, CancellationToken ct)
    {
        var q = db.Set<LedgerEntry>().AsNoTracking().Where(e => e.CarrierId == carrierId && e.Date >= from && e.Date <= to);
        if (function is { } f) q = q.Where(e => e.Function == f);
        // By date, then id: a defined order (the anomalies list entries of a group in it; LedgerAnomaliesQuery uses the same).
        var list = await q.OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync(ct);
        return list.Select(e => ToFact(e, names)).ToList();
    }

    public static EntryFact ToFact(LedgerEntry e, IReadOnlyDictionary<Guid, string> names) => new(
        e.Id, e.Function, e.Date, e.Form, e.Topic, e.PersonCount, e.Fee,
        [.. e.ResidentIds.Select(id => new Participant(id, names.GetValueOrDefault(id, DeletedEnterprise))), .. e.OtherNames.Select(n => new Participant(null, n))],
        e.Place, !string.IsNullOrWhiteSpace(e.Feedback));

    /// <summary>The carrier's records with the entries of the year and the year before (what <see cref="LedgerProfile.Facts(CarrierRecords, int)"/> reads).</summary>
    public async Task<CarrierRecords> RecordsAsync(Carrier c, int year, CancellationToken ct)
    {
        // The residents once: their names for the entries' participants, and themselves for the records.
        var residents = await ResidentsAsync(c.Id, ct);
        var entries = await EntriesAsync(c.Id, new DateOnly(year - 1, 1, 1), new DateOnly(year, 12, 31), null, residents.ToDictionary(r => r.Id, r => r.Name), ct);
        return await RecordsAsync(c, year, entries, residents, ct);
    }

    /// <summary>
    /// The carrier's records without its ledger entries (<see cref="CarrierRecords.Entries"/> empty): residents, staff,
    /// partners and satisfaction answers, for a page that takes the entries' figures from SQL (<see cref="YearFiguresAsync"/>,
    /// <see cref="LedgerAnomaliesQuery"/>) instead of loading a year of entries.
    /// </summary>
    public async Task<CarrierRecords> RegistersAsync(Carrier c, int year, CancellationToken ct) => await RecordsAsync(c, year, [], await ResidentsAsync(c.Id, ct), ct);

    private Task<List<ResidentEnterprise>> ResidentsAsync(Guid carrierId, CancellationToken ct) =>
        db.Set<ResidentEnterprise>().AsNoTracking().Include(r => r.Years).Where(r => r.CarrierId == carrierId).ToListAsync(ct);

    /// <summary>
    /// <see cref="LedgerYearFigures"/> of the year in SQL, without loading entries: the volumes from <see cref="VolumesAsync"/>
    /// (pass them when already loaded), the rest from one statement over the carrier's index slice. Equal to
    /// <see cref="LedgerYearFigures.Of"/> over the entries (tested).
    /// </summary>
    public async Task<LedgerYearFigures> YearFiguresAsync(Guid carrierId, int year, IReadOnlyList<VolumeRow>? loaded, CancellationToken ct)
    {
        var rows = loaded ?? await VolumesAsync(carrierId, year, ct);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var y = (await db.Database.SqlQueryRaw<YearRow>(YearFiguresSql, carrierId, from, to, from.AddYears(-1)).ToListAsync(ct)).Single();
        return new LedgerYearFigures(
            [.. rows.Select(v => new FunctionVolume(v.Function, v.EnterpriseVisits, v.EnterprisesServed, v.Events, v.PersonTimes,
                v.ExhibitionEvents, v.MatchmakingEvents, v.BankEnterpriseEvents, v.FinanceLectureEvents))],
            VolumeRow.ShareOf(rows),
            y.FreeOrLowFeeVisitsToSmallMicro, y.EnterprisesServed, y.EnterprisesServedPreviousYear);
    }

    private async Task<CarrierRecords> RecordsAsync(Carrier c, int year, IReadOnlyCollection<EntryFact> entries, List<ResidentEnterprise> residents, CancellationToken ct)
    {
        var staff = await db.Set<ServiceStaff>().AsNoTracking().Where(s => s.CarrierId == c.Id).ToListAsync(ct);
        var partners = await db.Set<PartnerAgency>().AsNoTracking().Where(s => s.CarrierId == c.Id).ToListAsync(ct);
        var answers = await SatisfactionAsync(c.Id, year, ct);
        var operatorUscc = await db.Set<Organization>().AsNoTracking().Where(o => o.Id == c.OrganizationId).Select(o => o.Uscc).FirstOrDefaultAsync(ct);
        return new CarrierRecords(
            new CarrierFacts(c.Name, c.Kind, c.JurisdictionCode, c.PrimaryType, c.LeadingIndustries.Count, c.Area, c.PublicServiceArea, c.EstablishedOn,
                c.CarrierType, c.OperatorSince, c.OperatorFoundedOn, operatorUscc),
            residents.Select(ToFact).ToList(),
            staff.Select(s => new StaffFact(s.Id, s.Name, s.FullTime, s.Education, s.Title, s.MentorCertificate is not null)).ToList(),
            partners.Select(p => new PartnerFact(p.Id, p.Name, p.AgreementFrom, p.AgreementTo)).ToList(),
            entries, answers);
    }

    public static ResidentFact ToFact(ResidentEnterprise r) => new(
        r.Id, r.Name, r.EntryDate, r.ExitDate, r.SizeClass, r.InLeadingIndustry,
        r.Years.Select(y => new ResidentYear(y.Year, y.Employees, y.RevenueWan, y.InnovationOutcomes)).ToList(), r.Uscc, r.Industry);

    /// <summary>
    /// The overall answers given through the operator's survey links for the year — one per responding enterprise, as
    /// the Kunming 入驻小微企业服务满意度评价表 asks each enterprise 满意/不满意 — so the rate is satisfied enterprises over
    /// responding ones. Per-function answers are shown on the survey page; the authority's sample is kept apart.
    /// </summary>
    public async Task<IReadOnlyList<SatisfactionAnswer>> SatisfactionAsync(Guid carrierId, int year, CancellationToken ct) =>
        await (from a in db.Set<SurveyAnswer>()
               join i in db.Set<SurveyInvitation>() on a.InvitationId equals i.Id
               where i.CarrierId == carrierId && i.Year == year && i.AnsweredAt != null && a.Function == null
               select new SatisfactionAnswer(i.EnterpriseId, a.Function, a.Satisfied)).ToListAsync(ct);
}
