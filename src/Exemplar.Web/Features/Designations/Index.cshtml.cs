using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Designations;

/// <summary>认定管理: the designations of the programmes this officer designates for, newest first.</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
public sealed class IndexModel(ExemplarDbContext db, DesignationScope scope, JurisdictionTreeCache trees, TimeProvider clock) : PageModel
{
    public sealed record Row(Designation Designation, string BaseName, string Region, string Title, DesignationStatus Status, string? CertificateNumber);

    public PageOf<Row> Rows { get; private set; } = new([], 0, 1, Paging.Size);
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int p = 1, CancellationToken ct = default)
    {
        Today = ChinaTime.Today(clock);
        var tree = await trees.GetAsync(ct);
        var programmes = await scope.ProgrammesAsync(User, ct);
        var ids = programmes.Select(x => x.Policy.Id).ToList();
        var jurisdiction = JurisdictionScope.For(User, tree);
        var codes = jurisdiction.CoveredCodes.ToList();
        var query = from d in db.Set<Designation>().AsNoTracking()
                    join c in db.Set<Carrier>().AsNoTracking() on d.CarrierId equals c.Id
                    where ids.Contains(d.ProgrammeId) && (jurisdiction.All || codes.Contains(c.JurisdictionCode))
                    select new { d, c.Name, c.JurisdictionCode, Number = db.Set<IssuedCertificate>().Where(x => x.DesignationId == d.Id && x.SupersededOn == null).Select(x => x.Number).FirstOrDefault() };
        var total = await query.CountAsync(ct);
        var page = Paging.Clamp(p);
        var items = await query.OrderByDescending(x => x.d.AnnouncedOn).ThenBy(x => x.Name).Skip((page - 1) * Paging.Size).Take(Paging.Size).ToListAsync(ct);
        var titles = programmes.ToDictionary(x => x.Policy.Id, x => DesignationTitle.Of(x.Policy.Title));
        Rows = new([.. items.Select(x => new Row(x.d, x.Name, tree.FullName(x.JurisdictionCode), titles[x.d.ProgrammeId],
            DesignationStatuses.On(Today, x.d.ValidUntil, x.d.RevokedOn, x.d.ReReviewApplicationId is not null), x.Number))], total, page, Paging.Size);
    }
}
