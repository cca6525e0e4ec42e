using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

/// <summary>Partner agencies with the add/edit form on the same page (?edit={partnerId}).</summary>
public sealed class PartnersModel(ExemplarDbContext db, SavePartnerHandler handler) : CarrierPageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] [Display(Name = "机构编号")] public Guid? Edit { get; set; }
    [BindProperty] [Display(Name = "版本")] public uint Version { get; set; }
    [BindProperty] [Display(Name = "机构名称")] public string Name { get; set; } = "";
    [BindProperty] [Display(Name = "协议起始日期")] public DateOnly? AgreementFrom { get; set; }
    [BindProperty] [Display(Name = "协议截止日期")] public DateOnly? AgreementTo { get; set; }
    [BindProperty] [Display(Name = "服务内容")] public string Services { get; set; } = "";
    public IReadOnlyList<PartnerAgency> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Items = await LoadAsync(ct);
        if (Edit is { } pid)
        {
            var a = Items.FirstOrDefault(x => x.Id == pid);
            if (a is null) return NotFound();
            (Version, Name, AgreementFrom, AgreementTo, Services) = (a.Version, a.Name, a.AgreementFrom, a.AgreementTo, a.Services);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(new SavePartnerCommand(Carrier.Id, Edit, Version, Name ?? "", AgreementFrom, AgreementTo, Services ?? ""), ct);
        if (!result.Ok) { AddErrors(result.Errors); Items = await LoadAsync(ct); return Page(); }
        TempData["Flash"] = $"已保存合作机构“{Name}”。";
        return Redirect($"{BaseUrl}/Partners");
    }

    public async Task LoadFormAsync(CancellationToken ct) => Items = await LoadAsync(ct);

    private Task<List<PartnerAgency>> LoadAsync(CancellationToken ct) =>
        db.Set<PartnerAgency>().AsNoTracking().Where(s => s.CarrierId == Carrier.Id).OrderBy(s => s.Name).ToListAsync(ct);
}
