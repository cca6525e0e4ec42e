using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Organizations;

/// <summary>
/// 单位注册确认: the local authority (officers whose jurisdiction covers the organisation) and administrators confirm
/// or decline online registrations and decide contests of registered codes. Contact phones are masked in the lists; a
/// "显示" link opens one, and that read is logged.
/// </summary>
[Authorize(Roles = "CountyOfficer,PrefectureOfficer,ZoneOfficer,DesignatingOfficer,Administrator")]
public sealed class RegistrationsModel(ExemplarDbContext db, JurisdictionTreeCache trees, RegistrationHandlers handlers, PersonalDataReads reads) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Show { get; set; }

    public JurisdictionTree Tree { get; private set; } = null!;
    public IReadOnlyList<Organization> Pending { get; private set; } = [];
    public IReadOnlyList<(OrganizationClaim Claim, Organization Organization)> Claims { get; private set; } = [];
    public IReadOnlyList<Organization> Decided { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Show is { } id)
        {
            if (Pending.FirstOrDefault(o => o.Id == id) is { } org)
                await reads.LogAsync(nameof(Organization), org.Id.ToString(), "注册联系人电话", org.JurisdictionCode, ct);
            else if (Claims.FirstOrDefault(c => c.Claim.Id == id) is { Claim: var claim, Organization: var contested })
                await reads.LogAsync(nameof(OrganizationClaim), claim.Id.ToString(), "异议人联系电话", contested.JurisdictionCode, ct);
            else Show = null;
        }
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid organizationId, uint version, RegistrationDecision decision, string? note, CancellationToken ct)
    {
        var result = await handlers.DecideAsync(new DecideRegistrationCommand(organizationId, version, decision, note), User, ct);
        return await AfterAsync(result, decision == RegistrationDecision.Confirm ? "已确认该单位的注册，该单位现在可以申报。" : "已决定不予确认，并已告知该单位理由。", ct);
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid claimId, uint version, bool uphold, string? note, CancellationToken ct)
    {
        var result = await handlers.DecideClaimAsync(new DecideClaimCommand(claimId, version, uphold, note), User, ct);
        return await AfterAsync(result, uphold ? "异议成立：原注册已撤销，其账户已停用，该代码可由真实单位重新注册。请电话告知异议人。" : "已驳回该异议。", ct);
    }

    private async Task<IActionResult> AfterAsync(SaveResult result, string flash, CancellationToken ct)
    {
        if (result.Ok)
        {
            TempData["Flash"] = flash;
            return RedirectToPage();
        }
        foreach (var (field, messages) in result.Errors)
            foreach (var m in messages) ModelState.AddModelError(field, m);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tree = await trees.GetAsync(ct);
        var scope = JurisdictionScope.For(User, Tree);
        var codes = scope.CoveredCodes.ToList();
        var orgs = db.Set<Organization>().AsNoTracking().Where(o => o.Kind == OrganizationKind.Applicant);
        if (!scope.All) orgs = orgs.Where(o => codes.Contains(o.JurisdictionCode));
        Pending = await orgs.Where(o => o.Status == OrganizationStatus.Pending).OrderBy(o => o.CreatedAt).Take(200).ToListAsync(ct);
        Decided = await orgs.Where(o => o.Status != OrganizationStatus.Pending && o.DecidedAt != null && o.DecidedBy != "演示数据")
            .OrderByDescending(o => o.DecidedAt).Take(20).ToListAsync(ct);
        Claims = (await (from c in db.Set<OrganizationClaim>().AsNoTracking()
                         join o in orgs on c.OrganizationId equals o.Id
                         where c.Status == ClaimStatus.Open
                         orderby c.CreatedAt
                         select new { c, o }).Take(200).ToListAsync(ct)).Select(x => (x.c, x.o)).ToList();
    }

    public string Phone(Guid id, string? phone) => Show == id ? phone ?? "—" : PersonalData.MaskPhone(phone);
}
