using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Exemplar.Web.Features.Confirmations;

/// <summary>
/// 核对服务记录: behind the enterprise's personal survey link (no account), the services the ledger records for it in the
/// link's year, each to confirm or dispute. Refusals (unknown 404, expired or revoked 410) as on the survey page.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SurveySetup.RateLimitPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ConfirmModel(ExemplarDbContext db, ConfirmServicesHandler handler, TimeProvider clock) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Saved { get; set; }

    /// <summary>As posted: entry id → "Confirmed"/"Disputed" and entry id → reason (read from the form directly).</summary>
    public Dictionary<string, string> Decisions { get; private set; } = [];
    public Dictionary<string, string> Reasons { get; private set; } = [];

    public ConfirmationForm? Form { get; private set; }
    public LinkRefusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var invitation = await SurveyForms.FindAsync(db, Token, tracked: false, ct);
        if (ConfirmationForms.Refusal(invitation, clock.GetUtcNow()) is { } refusal) return Refused(refusal);
        Form = await ConfirmationForms.LoadAsync(db, invitation!, ct);
        return Page();
    }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        var invitation = await SurveyForms.FindAsync(db, Token, tracked: false, ct);
        if (ConfirmationForms.Refusal(invitation, clock.GetUtcNow()) is null) Form = await ConfirmationForms.LoadAsync(db, invitation!, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Decisions = Indexed("Decision");
        Reasons = Indexed("Reason");
        var decisions = new Dictionary<Guid, ServiceDecision>();
        foreach (var (key, value) in Decisions)
        {
            if (value.Length == 0) continue;
            if (!Guid.TryParse(key, out var id) || !Enum.TryParse<ConfirmationStatus>(value, out var status) || !Enum.IsDefined(status))
            {
                ModelState.AddModelError("Decisions", "提交的确认结果无效，请重新选择。");
                continue;
            }
            decisions[id] = new ServiceDecision(status, Reasons.GetValueOrDefault(key));
        }
        if (ModelState.ErrorCount == 0)
        {
            var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
            var result = await handler.HandleAsync(new ConfirmServicesCommand(Token, decisions, ip), ct);
            if (result.Refusal is { } refusal) return Refused(refusal);
            if (result.Ok) return Redirect($"/Survey/{Uri.EscapeDataString(Token)}/Services?Saved={result.Saved}");
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages) ModelState.AddModelError(field, m);
        }
        Saved = null;
        return await OnGetAsync(ct);
    }

    private Dictionary<string, string> Indexed(string name) =>
        Request.Form.Where(f => f.Key.StartsWith(name + "[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
            .ToDictionary(f => f.Key[(name.Length + 1)..^1], f => f.Value.ToString());

    private PageResult Refused(LinkRefusal refusal)
    {
        Refusal = refusal;
        Response.StatusCode = LinkRefusals.StatusCode(refusal);
        return Page();
    }

    /// <summary>The choice to show: as just posted (after an error), else as saved.</summary>
    public ConfirmationStatus? Shown(RecordedService s) =>
        Decisions.TryGetValue(s.EntryId.ToString(), out var v) ? (Enum.TryParse<ConfirmationStatus>(v, out var x) ? x : null) : s.Status;

    public string? ReasonShown(RecordedService s) => Reasons.TryGetValue(s.EntryId.ToString(), out var r) ? r : s.Reason;
}
