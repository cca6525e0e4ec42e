using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Surveys;

/// <summary>One service function the enterprise received in the survey year, from the ledger's participations.</summary>
public sealed record ReceivedService(ServiceFunction Function, int Times, DateOnly First, DateOnly Last);

/// <summary>What the respondent sees: the base, the enterprise, the round and the services received.</summary>
public sealed record SurveyForm(SurveyInvitation Invitation, string CarrierName, string EnterpriseName, IReadOnlyList<ReceivedService> Services);

public static class SurveyForms
{
    public static async Task<SurveyInvitation?> FindAsync(ExemplarDbContext db, string? token, bool tracked, CancellationToken ct)
    {
        if (!SurveyTokens.LooksValid(token)) return null;
        var hash = SurveyTokens.Hash(token!);
        var q = db.Set<SurveyInvitation>().Where(i => i.TokenHash == hash);
        return await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    public static async Task<SurveyForm> LoadAsync(ExemplarDbContext db, SurveyInvitation i, CancellationToken ct)
    {
        var carrier = await db.Set<Carrier>().AsNoTracking().Where(c => c.Id == i.CarrierId).Select(c => c.Name).SingleAsync(ct);
        var enterprise = await db.Set<ResidentEnterprise>().AsNoTracking().Where(e => e.Id == i.EnterpriseId).Select(e => e.Name).SingleAsync(ct);
        var (from, to) = (new DateOnly(i.Year, 1, 1), new DateOnly(i.Year, 12, 31));
        var rows = await db.Set<LedgerEntry>().AsNoTracking()
            .Where(e => e.CarrierId == i.CarrierId && e.Date >= from && e.Date <= to && e.ResidentIds.Contains(i.EnterpriseId))
            .GroupBy(e => e.Function)
            .Select(g => new { Function = g.Key, Times = g.Count(), First = g.Min(e => e.Date), Last = g.Max(e => e.Date) })
            .ToListAsync(ct);
        var services = rows.Select(r => new ReceivedService(r.Function, r.Times, r.First, r.Last)).OrderBy(s => s.Function).ToList();
        return new SurveyForm(i, carrier, enterprise, services);
    }
}
