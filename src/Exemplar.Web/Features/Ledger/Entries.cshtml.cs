using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Ledger;

public sealed class EntriesModel(ExemplarDbContext db) : CarrierPageModel
{
    [BindProperty(SupportsGet = true)] [Display(Name = "服务功能")] public ServiceFunction? Function { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "起始日期")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "截止日期")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "地点或成果包含")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "排序")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] [Display(Name = "页码")] public int PageNumber { get; set; } = 1;
    public PageOf<LedgerEntry> Result { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = Query(db, Carrier.Id, Function, From, To, Q, Sort);
        PageNumber = Paging.Clamp(PageNumber);
        Result = new PageOf<LedgerEntry>(await q.Skip((PageNumber - 1) * Paging.Size).Take(Paging.Size).ToListAsync(ct), await q.CountAsync(ct), PageNumber, Paging.Size);
        Names = await db.Set<ResidentEnterprise>().AsNoTracking().Where(r => r.CarrierId == Carrier.Id).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
    }

    /// <summary>The filtered, sorted entries (also what the export writes).</summary>
    public static IQueryable<LedgerEntry> Query(ExemplarDbContext db, Guid carrierId, ServiceFunction? function, DateOnly? from, DateOnly? to, string? text, string? sort)
    {
        var q = db.Set<LedgerEntry>().AsNoTracking().Where(e => e.CarrierId == carrierId);
        if (function is { } f) q = q.Where(e => e.Function == f);
        if (from is { } a) q = q.Where(e => e.Date >= a);
        if (to is { } b) q = q.Where(e => e.Date <= b);
        if (!string.IsNullOrWhiteSpace(text)) q = q.Where(e => e.Place.Contains(text.Trim()) || (e.OutcomeText ?? "").Contains(text.Trim()));
        return sort == "date" ? q.OrderBy(e => e.Date).ThenBy(e => e.Id) : q.OrderByDescending(e => e.Date).ThenBy(e => e.Id);
    }

    public string ExportLink(string format) => Paging.Link($"{BaseUrl}/Export",
        [new("list", "ledger"), new("format", format), new("Function", Function?.ToString()), new("From", From?.ToString("yyyy-MM-dd")), new("To", To?.ToString("yyyy-MM-dd")), new("Q", Q), new("Sort", Sort)]);

    public string Link(int page) => Paging.Link($"{BaseUrl}/Ledger",
        [new("Function", Function?.ToString()), new("From", From?.ToString("yyyy-MM-dd")), new("To", To?.ToString("yyyy-MM-dd")), new("Q", Q), new("Sort", Sort), new("p", page.ToString())]);

    public string Participants(LedgerEntry e) =>
        string.Join("、", e.ResidentIds.Select(i => Names.GetValueOrDefault(i, "（已删除企业）")).Concat(e.OtherNames));
}
