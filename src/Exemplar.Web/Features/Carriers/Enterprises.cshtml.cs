using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

public sealed class EnterprisesModel(ExemplarDbContext db) : CarrierPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public SizeClass? Size { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PageOf<ResidentEnterprise> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = Query(db, Carrier.Id, Q, Size, Sort);
        PageNumber = Paging.Clamp(PageNumber);
        Result = new PageOf<ResidentEnterprise>(await q.Skip((PageNumber - 1) * Paging.Size).Take(Paging.Size).ToListAsync(ct), await q.CountAsync(ct), PageNumber, Paging.Size);
    }

    public static IQueryable<ResidentEnterprise> Query(ExemplarDbContext db, Guid carrierId, string? text, SizeClass? size, string? sort)
    {
        var q = db.Set<ResidentEnterprise>().AsNoTracking().Where(e => e.CarrierId == carrierId);
        if (!string.IsNullOrWhiteSpace(text)) q = q.Where(e => e.Name.Contains(text.Trim()) || e.Uscc.Contains(text.Trim().ToUpper()));
        if (size is { } s) q = q.Where(e => e.SizeClass == s);
        return sort switch
        {
            "entry" => q.OrderBy(e => e.EntryDate).ThenBy(e => e.Name),
            "-entry" => q.OrderByDescending(e => e.EntryDate).ThenBy(e => e.Name),
            _ => q.OrderBy(e => e.Name),
        };
    }

    public string ExportLink(string format) => Paging.Link($"{BaseUrl}/Export",
        [new("list", "enterprises"), new("format", format), new("Q", Q), new("Sort", Sort), new("Size", Size?.ToString())]);

    public string Link(int page) => Paging.Link($"{BaseUrl}/Enterprises", [new("Q", Q), new("Sort", Sort), new("Size", Size?.ToString()), new("p", page.ToString())]);
}
