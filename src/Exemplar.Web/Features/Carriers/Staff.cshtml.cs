using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

/// <summary>Service staff list with the add/edit form on the same page (?edit={staffId}).</summary>
public sealed class StaffModel(ExemplarDbContext db, SaveStaffHandler handler) : CarrierPageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] [Display(Name = "人员编号")] public Guid? Edit { get; set; }
    [BindProperty] [Display(Name = "版本")] public uint Version { get; set; }
    [BindProperty] [Display(Name = "姓名")] public string Name { get; set; } = "";
    [BindProperty] [Display(Name = "岗位")] public string Position { get; set; } = "";
    [BindProperty] [Display(Name = "专职")] public bool FullTime { get; set; } = true;
    [BindProperty] [Display(Name = "学历")] public Education Education { get; set; } = Education.Bachelor;
    [BindProperty] [Display(Name = "职称")] public TitleLevel Title { get; set; }
    [BindProperty] [Display(Name = "创业导师资格证")] public string? MentorCertificate { get; set; }
    [BindProperty] [Display(Name = "在基地工作年限")] public decimal YearsAtBase { get; set; }
    public IReadOnlyList<ServiceStaff> Items { get; private set; } = [];
    public StaffRatio Ratio { get; private set; } = new(0, 0, 0);
    /// <summary>All who serve (full- and part-time) with 本科 or 中级 and with 大专 or 中级: the counts other articles ask for.</summary>
    public (int All, int Bachelor, int JuniorCollege) AllStaff { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Edit is { } sid)
        {
            var s = Items.FirstOrDefault(x => x.Id == sid);
            if (s is null) return NotFound();
            (Version, Name, Position, FullTime, Education, Title, MentorCertificate, YearsAtBase) =
                (s.Version, s.Name, s.Position, s.FullTime, s.Education, s.Title, s.MentorCertificate, s.YearsAtBase);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(new SaveStaffCommand(Carrier.Id, Edit, Version, Name ?? "", Position ?? "", FullTime, Education, Title, MentorCertificate, YearsAtBase), ct);
        if (!result.Ok) { AddErrors(result.Errors); await LoadAsync(ct); return Page(); }
        TempData["Flash"] = $"已保存服务人员“{Name}”。";
        return Redirect($"{BaseUrl}/Staff");
    }

    public Task LoadFormAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await db.Set<ServiceStaff>().AsNoTracking().Where(s => s.CarrierId == Carrier.Id).OrderBy(s => s.Name).ToListAsync(ct);
        var facts = Items.Select(s => new StaffFact(s.Id, s.Name, s.FullTime, s.Education, s.Title, s.MentorCertificate is not null)).ToList();
        Ratio = LedgerMetrics.Staff(facts, QualificationRule.Kunming);
        AllStaff = (facts.Count, facts.Count(QualificationRule.Kunming.Qualifies), facts.Count(QualificationRule.TibetPlatform.Qualifies));
    }
}
