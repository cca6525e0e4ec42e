using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>
/// 公示异议 for the base concerned: the registered objections about its carriers — their content, never who filed them —
/// and its statement (陈述申辩) within the period the authority set.
/// </summary>
[Authorize(Policy = AuthPolicies.Applicant)]
public sealed class ObjectionsModel(ExemplarDbContext db, StateCaseHandler handler, TimeProvider clock) : PageModel, IFormPage
{
    /// <summary>What the base may see of one objection.</summary>
    public sealed record Row(Guid Id, uint Version, string NoticeTitle, string Carrier, string Content, ObjectionStatus Status, DateOnly? StatementDue,
        string? Statement, ObjectionConclusion? Conclusion, string? Findings);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    [BindProperty] public Guid ObjectionId { get; set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty, Display(Name = "陈述申辩内容")] public string? Statement { get; set; }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var org = User.OrganizationId();
        Rows = await (from o in db.Set<Objection>().AsNoTracking()
                      join n in db.Set<PublicNotice>() on o.NoticeId equals n.Id
                      join e in db.Set<NoticeEntry>() on o.EntryId equals e.Id
                      join c in db.Set<Carrier>() on e.CarrierId equals c.Id
                      where c.OrganizationId == org && o.Status != ObjectionStatus.Received
                      orderby o.FiledAt descending
                      select new Row(o.Id, o.Version, n.Title, e.CarrierName, o.Content, o.Status, o.StatementDue, o.Statement, o.Conclusion, o.Findings))
            .ToListAsync(ct);
    }

    public Task OnGetAsync(CancellationToken ct) => LoadFormAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(new StateCaseCommand(ObjectionId, User.OrganizationId() ?? Guid.Empty, Version, Statement), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            await LoadFormAsync(ct);
            return Page();
        }
        TempData["Flash"] = "陈述申辩已提交。";
        return Redirect("/Notices/Objections");
    }
}
