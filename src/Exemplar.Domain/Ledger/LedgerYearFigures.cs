namespace Exemplar.Domain.Ledger;

/// <summary>
/// All the eligibility profile reads from a carrier's ledger entries for a year: each function's volumes, the
/// free/low-fee share, the free/low-fee 家次 of resident small/micro enterprises, and the distinct enterprises served in
/// the year and in the year before. <see cref="Of"/> is the definition, counted with <see cref="LedgerMetrics"/>; the
/// metrics page gets the same figures from SQL without loading the entries (tested to agree).
/// </summary>
public sealed record LedgerYearFigures(
    IReadOnlyList<FunctionVolume> Volumes, FeeShare Share, int FreeOrLowFeeVisitsToSmallMicro, int EnterprisesServed, int EnterprisesServedPreviousYear)
{
    public static LedgerYearFigures Of(IReadOnlyCollection<EntryFact> entries, IEnumerable<ResidentFact> residents, int year) => new(
        LedgerMetrics.Volumes(entries, year),
        LedgerMetrics.FreeOrLowFeeShare(entries, year),
        LedgerMetrics.FreeOrLowFeeVisitsTo(entries, residents.Where(r => r.IsSmallOrMicro).Select(r => r.Id).ToHashSet(), year),
        LedgerMetrics.EnterprisesServed(entries, year),
        LedgerMetrics.EnterprisesServed(entries, year - 1));
}
