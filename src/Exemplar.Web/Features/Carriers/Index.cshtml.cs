using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

[Authorize(Roles = LedgerRoles.Viewers)]
public sealed class IndexModel(ExemplarDbContext db, JurisdictionTreeCache trees) : PageModel
{
    [BindProperty(SupportsGet = true)] [Display(Name = "名称包含")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "排序")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] [Display(Name = "页码")] public int PageNumber { get; set; } = 1;

    public sealed record Row(Guid Id, string Name, string Kind, string Designation, string Operator, string Jurisdiction, DateOnly EstablishedOn);
    public PageOf<Row> Result { get; private set; } = null!;
    public bool IsApplicant => User.Role() == Role.Applicant;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var q = CarrierAccess.Visible(db.Set<Carrier>().AsNoTracking(), User, tree);
        if (!string.IsNullOrWhiteSpace(Q)) q = q.Where(c => c.Name.Contains(Q.Trim()));
        q = Sort switch
        {
            "established" => q.OrderBy(c => c.EstablishedOn).ThenBy(c => c.Name),
            "-established" => q.OrderByDescending(c => c.EstablishedOn).ThenBy(c => c.Name),
            _ => q.OrderBy(c => c.Name),
        };
        PageNumber = Paging.Clamp(PageNumber);
        var total = await q.CountAsync(ct);
        var rows = await (from c in q.Skip((PageNumber - 1) * Paging.Size).Take(Paging.Size)
                          join o in db.Set<Organization>() on c.OrganizationId equals o.Id
                          select new { Carrier = c, Org = o.Name }).ToListAsync(ct);
        Result = new PageOf<Row>(rows.Select(r => new Row(r.Carrier.Id, r.Carrier.Name, Domain.Ledger.LedgerLabels.Of(r.Carrier.Kind), CarrierDesignation.Label(r.Carrier), r.Org,
            tree.FullName(r.Carrier.JurisdictionCode), r.Carrier.EstablishedOn)).ToList(),
            total, PageNumber, Paging.Size);
    }

    public string Link(int page, string? sort = null) => Paging.Link("/Base", [new("Q", Q), new("Sort", sort ?? Sort), new("p", page.ToString())]);
}
