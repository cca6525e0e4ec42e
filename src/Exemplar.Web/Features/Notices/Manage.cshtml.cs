using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>公示管理: the authority's published calls, each with its notice, open objections and decision.</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
public sealed class ManageModel(ExemplarDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Call Call, PublicNotice? Notice, int OpenObjections, bool Announced);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var own = User.Role() == Role.DesignatingOfficer ? User.JurisdictionCode() : null;
        var calls = await db.Set<Call>().AsNoTracking().Where(c => c.Status != CallStatus.Draft && (own == null || c.JurisdictionCode == own))
            .OrderByDescending(c => c.Year).ThenBy(c => c.Title).ToListAsync(ct);
        var ids = calls.Select(c => c.Id).ToList();
        var notices = await db.Set<PublicNotice>().AsNoTracking().Where(n => ids.Contains(n.CallId)).ToListAsync(ct);
        var noticeIds = notices.Select(n => n.Id).ToList();
        var open = await db.Set<Objection>().AsNoTracking().Where(o => noticeIds.Contains(o.NoticeId) && o.Status != ObjectionStatus.Concluded)
            .GroupBy(o => o.NoticeId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var announced = await db.Set<DesignationDecision>().AsNoTracking().Where(d => noticeIds.Contains(d.NoticeId) && d.AnnouncedOn != null).Select(d => d.NoticeId).ToListAsync(ct);
        Rows = calls.Select(c =>
        {
            var n = notices.FirstOrDefault(x => x.CallId == c.Id);
            return new Row(c, n, n is null ? 0 : open.FirstOrDefault(o => o.Key == n.Id)?.Count ?? 0, n is not null && announced.Contains(n.Id));
        }).ToList();
    }
}
