using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Audit;

public sealed class IndexModel(AuditQuery query, AuditChainVerifier verifier) : PageModel
{
    [BindProperty(SupportsGet = true)] [Display(Name = "操作人")] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "操作")] public string? Operation { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "对象类型")] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "对象编号")] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "区划代码")] public string? JurisdictionCode { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "起始日期")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "截止日期")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] [Display(Name = "页码")] public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = null!;
    public AuditChainReport? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await query.RunAsync(new AuditFilter(Actor, Operation, EntityType, EntityId, JurisdictionCode, From, To, PageNumber), ct);
        if (TempData["AuditVerification"] is string json) Verification = System.Text.Json.JsonSerializer.Deserialize<AuditChainReport>(json);
    }

    /// <summary>Verifies the whole chain, then shows the same filtered page again (post/redirect/get).</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var report = await verifier.VerifyAsync(ct);
        TempData["AuditVerification"] = System.Text.Json.JsonSerializer.Serialize(report with { Problems = report.Problems.Take(50).ToList() });
        return Redirect("/Admin/Audit" + PageLink(PageNumber));
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["Actor"] = Actor, ["Operation"] = Operation, ["EntityType"] = EntityType, ["EntityId"] = EntityId,
        ["JurisdictionCode"] = JurisdictionCode, ["From"] = From?.ToString("yyyy-MM-dd"), ["To"] = To?.ToString("yyyy-MM-dd"),
        ["p"] = page.ToString(),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
