using System.Security.Claims;
using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.ChangeFilings;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Revocations;

/// <summary>A revocation the product suggests and an officer must confirm (never applied by itself).</summary>
public sealed record RevocationProposal(Guid DesignationId, string CarrierName, string GroundId, string GroundCitation, string Reason);

/// <summary>
/// 聊城第十八条第（三）项 不按要求报送工作总结: proposes the ground the policy ties to a missed annual summary
/// (<c>annualSummaryDue.groundIfMissed</c>) for each designation whose summary is overdue. The overdue summaries are
/// the obligation catalog's AnnualSummary obligations past their due date that no feature records as met (the annual
/// summaries feature registers its submissions as fulfilments) — the authority confirms on the start page.
/// </summary>
public sealed class SummaryRevocationProposals(ExemplarDbContext db, ObligationCatalog catalog, DesignationScope scope, CaseAccess access)
{
    public async Task<IReadOnlyList<RevocationProposal>> ForAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var programmes = (await scope.ProgrammesAsync(user, ct)).Where(p => p.Policy.Management.AnnualSummaryDue?.GroundIfMissed is not null).ToList();
        if (programmes.Count == 0) return [];
        var overdue = (await catalog.DeriveAsync(today, ct))
            .Where(a => a.Obligation.Kind == ObligationKind.AnnualSummary && a.FiledOn is null && a.Obligation.DueDate < today && programmes.Any(p => p.Policy.Id == a.ProgrammeId))
            .Select(a => (a.Obligation, Id: DesignationOf(a.Obligation.Key))).Where(x => x.Id is not null).ToList();
        if (overdue.Count == 0) return [];
        var ids = overdue.Select(x => x.Id!.Value).Distinct().ToList();
        var open = await db.Set<Revocation>().AsNoTracking().Where(r => ids.Contains(r.DesignationId) && (r.Stage == RevocationStage.AwaitingStatement || r.Stage == RevocationStage.StatementReceived))
            .Select(r => r.DesignationId).ToListAsync(ct);
        var rows = await (from d in db.Set<Designation>().AsNoTracking() join c in db.Set<Carrier>().AsNoTracking() on d.CarrierId equals c.Id
                          where ids.Contains(d.Id) && d.RevokedOn == null select new { d, c }).ToListAsync(ct);
        var result = new List<RevocationProposal>();
        foreach (var row in rows.Where(r => !open.Contains(r.d.Id)))
        {
            if (await access.PartyAsync(user, row.c, row.d.ProgrammeId, ct) != ChangeFilings.CaseParty.DesignatingAuthority) continue;
            var policy = access.PolicyOf(row.d)!;
            var due = policy.Management.AnnualSummaryDue!;
            if (policy.Management.Ground(due.GroundIfMissed!) is not { } ground) continue;
            var items = overdue.Where(x => x.Id == row.d.Id).Select(x => x.Obligation).OrderBy(o => o.DueDate).ToList();
            var reason = string.Join("；", items.Select(o => $"{o.Title.Split('：').Last()}，截止{ChinaTime.Format(o.DueDate)}，已逾期{today.DayNumber - o.DueDate.DayNumber}天"));
            result.Add(new(row.d.Id, row.c.Name, ground.Id, ground.Citation, reason));
        }
        return result;
    }

    private static Guid? DesignationOf(string key)
    {
        var part = key.Split('/').FirstOrDefault(s => s.StartsWith("designation-", StringComparison.Ordinal));
        return part is not null && Guid.TryParseExact(part["designation-".Length..], "N", out var id) ? id : null;
    }
}
