using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

[Infrastructure.Security.ReadsPersonalData(nameof(ResidentEnterprise), "enterpriseId", "入驻企业联系人及电话")]
public sealed class EnterpriseEditModel(ExemplarDbContext db, SaveEnterpriseHandler handler) : CarrierPageModel
{
    [BindProperty(SupportsGet = true)] [Display(Name = "企业编号")] public Guid? EnterpriseId { get; set; }
    [BindProperty] [Display(Name = "版本")] public uint Version { get; set; }
    [BindProperty] [Display(Name = "企业名称")] public string Name { get; set; } = "";
    [BindProperty] [Display(Name = "统一社会信用代码")] public string Uscc { get; set; } = "";
    [BindProperty] [Display(Name = "入驻日期")] public DateOnly? EntryDate { get; set; }
    [BindProperty] [Display(Name = "迁出日期")] public DateOnly? ExitDate { get; set; }
    [BindProperty] [Display(Name = "所属行业")] public string Industry { get; set; } = "";
    [BindProperty] [Display(Name = "是否属于主导产业")] public bool InLeadingIndustry { get; set; }
    [BindProperty] [Display(Name = "企业规模")] public SizeClass SizeClass { get; set; } = SizeClass.Micro;
    [BindProperty] [Display(Name = "联系人")] public string? ContactName { get; set; }
    [BindProperty] [Display(Name = "联系电话")] public string? ContactPhone { get; set; }
    [BindProperty] [Display(Name = "年度数据")] public List<YearFigureInput> Years { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.CanWrite) return Forbid();
        var years = new List<YearFigureInput>();
        if (EnterpriseId is { } eid)
        {
            var e = await db.Set<ResidentEnterprise>().AsNoTracking().Include(x => x.Years).FirstOrDefaultAsync(x => x.Id == eid && x.CarrierId == Carrier.Id, ct);
            if (e is null) return NotFound();
            (Version, Name, Uscc, EntryDate, ExitDate, Industry, InLeadingIndustry, SizeClass, ContactName, ContactPhone) =
                (e.Version, e.Name, e.Uscc, e.EntryDate, e.ExitDate, e.Industry, e.InLeadingIndustry, e.SizeClass, e.ContactName, e.ContactPhone);
            years.AddRange(e.Years.Select(y => new YearFigureInput(y.Year, y.Employees, y.RevenueWan, y.PatentsApplied, y.PatentsHeld, y.HighTechRecognitions, y.TechSmeRecognitions, y.OtherOutcomes)));
        }
        foreach (var y in new[] { MetricsYear - 1, MetricsYear, MetricsYear + 1 })
            if (years.All(x => x.Year != y)) years.Add(new YearFigureInput(y, 0, 0, 0, 0, 0, 0, 0));
        Years = years.OrderBy(y => y.Year).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(new SaveEnterpriseCommand(Carrier.Id, EnterpriseId, Version, Name ?? "", Uscc ?? "", EntryDate, ExitDate,
            Industry ?? "", InLeadingIndustry, SizeClass, ContactName, ContactPhone, Years), ct);
        if (!result.Ok) { AddErrors(result.Errors); return Page(); }
        TempData["Flash"] = $"已保存入驻企业“{Name}”。";
        return Redirect($"{BaseUrl}/Enterprises");
    }
}
