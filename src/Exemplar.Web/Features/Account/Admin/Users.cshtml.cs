using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Account.Admin;

public sealed class UsersModel(ExemplarDbContext db, JurisdictionTreeCache trees, AccountAdminHandler handler, TimeProvider clock) : PageModel, IFormPage
{
    private const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "角色")] public Role? RoleFilter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Jurisdiction { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "name";
    [BindProperty(SupportsGet = true, Name = "p")] [Display(Name = "页码")] public int PageNumber { get; set; } = 1;

    public List<(UserAccount User, string? Organization)> Users { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public JurisdictionTree Tree { get; private set; } = null!;
    /// <summary>User name → until when untrusted browsers must wait (the account-wide sign-in throttle).</summary>
    public Dictionary<string, DateTimeOffset> Delayed { get; private set; } = [];
    public Dictionary<Guid, int> LiveSessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tree = await trees.GetAsync(ct);
        var q = db.Set<UserAccount>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q)) q = q.Where(u => u.UserName.Contains(Q.Trim().ToLower()) || u.DisplayName.Contains(Q.Trim()));
        if (RoleFilter is { } r) q = q.Where(u => u.Role == r);
        if (!string.IsNullOrWhiteSpace(Jurisdiction))
        {
            var codes = Tree.SubtreeCodes(Jurisdiction);
            q = q.Where(u => u.JurisdictionCode != null && codes.Contains(u.JurisdictionCode));
        }
        q = Sort switch
        {
            "role" => q.OrderBy(u => u.Role).ThenBy(u => u.UserName),
            "created" => q.OrderByDescending(u => u.CreatedAt),
            "signin" => q.OrderByDescending(u => u.LastSignInAt),
            _ => q.OrderBy(u => u.UserName),
        };
        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await q.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var orgIds = page.Where(u => u.OrganizationId != null).Select(u => u.OrganizationId!.Value).ToList();
        var orgs = await db.Set<Organization>().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Users = page.Select(u => (u, u.OrganizationId is { } id ? orgs.GetValueOrDefault(id) : null)).ToList();
        var now = clock.GetUtcNow();
        var keys = page.Select(u => SignInThrottle.AccountKey(u.UserName)).ToList();
        Delayed = await db.Set<SignInThrottleRow>().AsNoTracking().Where(r => keys.Contains(r.Key) && r.BlockedUntil > now)
            .ToDictionaryAsync(r => r.Key[2..], r => r.BlockedUntil!.Value, ct);
        var ids = page.Select(u => u.Id).ToList();
        LiveSessions = await db.Set<UserSession>().AsNoTracking().Where(s => ids.Contains(s.UserId) && s.RevokedAt == null && s.ExpiresAt > now)
            .GroupBy(s => s.UserId).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
    }

    public Task LoadFormAsync(CancellationToken ct) => OnGetAsync(ct);

    public async Task<IActionResult> OnPostStateAsync(Guid id, uint version, AccountAction action, string? newPassword, CancellationToken ct)
    {
        var errors = await handler.ChangeStateAsync(new AccountStateCommand(id, version, action, newPassword), User.UserId()!.Value, ct);
        if (errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError(string.Empty, e);
            await OnGetAsync(ct);
            return Page();
        }
        TempData["Flash"] = action switch
        {
            AccountAction.Disable => "账户已停用，其登录已失效。",
            AccountAction.Enable => "账户已启用。",
            AccountAction.ClearSignInDelays => "已解除该账户的登录等待。",
            AccountAction.SignOutEverywhere => "该账户在所有设备上的登录已失效。",
            AccountAction.ResetTwoFactor => "已重置两步验证，该用户下次登录时须重新绑定，其登录已失效。",
            _ => "密码已重置，该用户的登录已失效。",
        };
        return RedirectToPage(new { Q, RoleFilter, Jurisdiction, Sort, p = PageNumber });
    }

    public string Link(int page, string? sort = null) => QueryString.Create(new Dictionary<string, string?>
    {
        ["Q"] = Q, ["RoleFilter"] = RoleFilter?.ToString(), ["Jurisdiction"] = Jurisdiction, ["Sort"] = sort ?? Sort, ["p"] = page.ToString(),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
