using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.SiteInspections;

/// <summary>
/// Whether a call's pinned policy has the designating authority inspect on site after the expert review
/// (<c>procedure.siteInspection</c>: <c>yes</c> — 昆明第十二条, every shortlisted base; <c>ifNeeded</c> — 聊城第十二条, where
/// the authority finds it necessary). Nothing here names a programme.
/// </summary>
public sealed class SiteInspectionRules(ExemplarDbContext db, PolicySnapshots snapshots)
{
    public static bool Applies(SiteInspectionRule r) => r.Mode is "yes" or "ifNeeded" && r.After == "expertReview";

    public static string Describe(SiteInspectionRule r) => r.Mode == "yes"
        ? $"办法规定认定机关对入围的申报逐一进行现场核查：{r.Quote}（{r.Citation}）。"
        : $"办法规定必要时进行现场核查：{r.Quote}（{r.Citation}）。由认定机关决定对哪些入围申报核查。";

    /// <summary>The call's rule when it has site inspections; null otherwise.</summary>
    public async Task<SiteInspectionRule?> ForCallAsync(Guid callId, CancellationToken ct)
    {
        var hash = await db.Set<Call>().AsNoTracking().Where(c => c.Id == callId).Select(c => c.PolicyHash).FirstOrDefaultAsync(ct);
        var rule = hash is null ? null : (await snapshots.LoadAsync(hash, ct))?.Procedure.SiteInspection;
        return rule is not null && Applies(rule) ? rule : null;
    }
}
