using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Surveys;

public sealed record LinkRow(Guid EnterpriseId, string Name, SizeClass Size, SurveyLinkStatus Status, DateTimeOffset? IssuedAt, DateOnly? LastDay, DateTimeOffset? AnsweredAt);

public sealed record ResponseRow(Guid EnterpriseId, string Name, DateTimeOffset AnsweredAt, bool Overall, IReadOnlyList<(ServiceFunction Function, bool Satisfied)> ByFunction, string? Comment);

public sealed record FunctionRate(ServiceFunction Function, SatisfactionRate Rate);

/// <summary>A round's state for the operator's page: each current resident's link status, the responses and the rates.</summary>
public sealed record SurveyRound(
    int Year, IReadOnlyList<LinkRow> Links, IReadOnlyDictionary<SurveyLinkStatus, int> Counts,
    IReadOnlyList<ResponseRow> Responses, SatisfactionRate Overall, IReadOnlyList<FunctionRate> ByFunction);

public sealed class SurveyQuery(ExemplarDbContext db, LedgerMetricsQuery metrics, TimeProvider clock)
{
    public async Task<SurveyRound> RoundAsync(Guid carrierId, int year, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow();
        var residents = await db.Set<ResidentEnterprise>().AsNoTracking()
            .Where(e => e.CarrierId == carrierId && e.EntryDate <= today && (e.ExitDate == null || e.ExitDate >= today))
            .OrderBy(e => e.Name).Select(e => new { e.Id, e.Name, e.SizeClass }).ToListAsync(ct);
        var live = await db.Set<SurveyInvitation>().AsNoTracking()
            .Where(i => i.CarrierId == carrierId && i.Year == year && i.RevokedAt == null).ToListAsync(ct);
        var byEnterprise = live.ToDictionary(i => i.EnterpriseId);
        var links = residents.Select(r =>
        {
            var i = byEnterprise.GetValueOrDefault(r.Id);
            return new LinkRow(r.Id, r.Name, r.SizeClass, SurveyLinkStatuses.Of(i, now), i?.CreatedAt, i is null ? null : SurveyLinkStatuses.LastDay(i), i?.AnsweredAt);
        }).ToList();
        var counts = Enum.GetValues<SurveyLinkStatus>().ToDictionary(s => s, s => links.Count(l => l.Status == s));

        var answered = live.Where(i => i.AnsweredAt != null).Select(i => i.Id).ToList();
        var answers = await db.Set<SurveyAnswer>().AsNoTracking().Where(a => answered.Contains(a.InvitationId)).ToListAsync(ct);
        var names = await db.Set<ResidentEnterprise>().AsNoTracking().Where(e => e.CarrierId == carrierId).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var responses = live.Where(i => i.AnsweredAt != null).OrderByDescending(i => i.AnsweredAt).Select(i =>
        {
            var mine = answers.Where(a => a.InvitationId == i.Id).ToList();
            return new ResponseRow(i.EnterpriseId, names.GetValueOrDefault(i.EnterpriseId, "（已删除企业）"), i.AnsweredAt!.Value,
                mine.Single(a => a.Function is null).Satisfied,
                mine.Where(a => a.Function is not null).Select(a => (a.Function!.Value, a.Satisfied)).OrderBy(x => x.Value).ToList(), i.Comment);
        }).ToList();

        var overall = LedgerMetrics.Satisfaction(await metrics.SatisfactionAsync(carrierId, year, ct));
        var byFunction = answers.Where(a => a.Function is not null).GroupBy(a => a.Function!.Value).OrderBy(g => g.Key)
            .Select(g => new FunctionRate(g.Key, new SatisfactionRate(g.Count(a => a.Satisfied), g.Count()))).ToList();
        return new SurveyRound(year, links, counts, responses, overall, byFunction);
    }
}
