using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>公示公告: every published notice, newest first, for anyone.</summary>
public sealed class IndexModel(ExemplarDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(PublicNotice Notice, int Count)> Notices { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool MayManage => User.Role() is Role.DesignatingOfficer or Role.Administrator;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var list = await db.Set<PublicNotice>().AsNoTracking().OrderByDescending(n => n.PublishedAt).Take(200)
            .Select(n => new { n, Count = n.Entries.Count(e => !e.Removed) }).ToListAsync(ct);
        Notices = list.Select(x => (x.n, x.Count)).ToList();
    }
}
