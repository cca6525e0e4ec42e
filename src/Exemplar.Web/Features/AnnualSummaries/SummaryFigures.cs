using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>One service function's year in the ledger: 家次 (enterprise-visits), 次 (events), 人次 (person-times), of which free/low-fee 家次.</summary>
public sealed record FunctionFigure(ServiceFunction Function, int EnterpriseVisits, int Events, int PersonTimes, int FreeOrLowFeeVisits);

/// <summary>
/// The ledger's figures for a summary year, each traceable to its entries: services per function, the free/low-fee share
/// of all 家次, satisfaction from the survey answers actually given, residents at year end and their growth.
/// </summary>
public sealed record SummaryFigures(
    int Year, IReadOnlyList<FunctionFigure> Functions, int TotalVisits, int FreeOrLowFeeVisits, decimal? FreeOrLowFeePercent,
    int Satisfied, int Answers, decimal? SatisfactionPercent,
    int Residents, int SmallMicroResidents, int SmallMicroResidentsLastYear, decimal? SmallMicroGrowthPercent,
    int SmallMicroEmployees, int SmallMicroEmployeesLastYear)
{
    public int TotalEvents => Functions.Sum(f => f.Events);
    public int TotalPersonTimes => Functions.Sum(f => f.PersonTimes);
}

/// <summary>Builds <see cref="SummaryFigures"/> with the ledger's own queries (<see cref="LedgerMetricsQuery"/>, <see cref="LedgerMetrics"/>).</summary>
public sealed class SummaryFiguresQuery(LedgerMetricsQuery ledger)
{
    public async Task<SummaryFigures> ForAsync(Carrier carrier, int year, CancellationToken ct)
    {
        var volumes = await ledger.VolumesAsync(carrier.Id, year, ct);
        var records = await ledger.RegistersAsync(carrier, year, ct); // the registers only: the volumes above are what it counts of the entries
        var share = VolumeRow.ShareOf(volumes);
        var satisfaction = LedgerMetrics.Satisfaction(records.Satisfaction);
        var residents = LedgerMetrics.Residents(records.Residents, new DateOnly(year, 12, 31));
        var now = LedgerMetrics.YearEnd(records.Residents, year);
        var before = LedgerMetrics.YearEnd(records.Residents, year - 1);
        return new SummaryFigures(year,
            [.. volumes.Where(v => v.EnterpriseVisits > 0 || v.Events > 0 || v.PersonTimes > 0)
                .Select(v => new FunctionFigure(v.Function, v.EnterpriseVisits, v.Events, v.PersonTimes, v.FreeOrLowFeeVisits))],
            share.TotalVisits, share.FreeOrLowFeeVisits, share.Percent,
            satisfaction.Satisfied, satisfaction.Answers, satisfaction.Percent,
            residents.Total, now.SmallMicro, before.SmallMicro, LedgerMetrics.Growth(before.SmallMicro, now.SmallMicro),
            now.Employees, before.Employees);
    }
}
