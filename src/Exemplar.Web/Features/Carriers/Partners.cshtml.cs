using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

/// <summary>Partner agencies with the add/edit form on the same page (?edit={partnerId}).</summary>
public sealed class PartnersModel(ExemplarDbContext db, SavePartnerHandler handler) : CarrierPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public DateOnly? AgreementFrom { get; set; }
    [BindProperty] public DateOnly? AgreementTo { get; set; }
    [BindProperty] public string Services { get; set; } = "";
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

    private Task<List<PartnerAgency>> LoadAsync(CancellationToken ct) =>
        db.Set<PartnerAgency>().AsNoTracking().Where(s => s.CarrierId == Carrier.Id).OrderBy(s => s.Name).ToListAsync(ct);
}
