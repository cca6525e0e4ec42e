using Exemplar.Web.Infrastructure.Forms;
using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Exemplar.Web.Features.Surveys;

/// <summary>
/// The anonymous survey page behind a personal link. A link that does not exist is answered 404, an expired,
/// revoked or used one 410 Gone — each with a Chinese explanation and nothing saved. Rate-limited per address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SurveySetup.RateLimitPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AnswerModel(ExemplarDbContext db, AnswerSurveyHandler handler, TimeProvider clock) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] [Display(Name = "总体评价")] public bool? Overall { get; set; }
    /// <summary>Per-function judgements as posted (<c>Answers[InformationService]=true</c>), read from the form directly.</summary>
    public Dictionary<string, string> Answers { get; private set; } = [];
    [BindProperty] [Display(Name = "意见和建议")] public string? Comment { get; set; }

    public SurveyForm? Form { get; private set; }
    public LinkRefusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var invitation = await SurveyForms.FindAsync(db, Token, tracked: false, ct);
        if (SurveyLinkStatuses.Refusal(invitation, clock.GetUtcNow()) is { } refusal) return Refused(refusal);
        Form = await SurveyForms.LoadAsync(db, invitation!, ct);
        return Page();
    }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        var invitation = await SurveyForms.FindAsync(db, Token, tracked: false, ct);
        if (SurveyLinkStatuses.Refusal(invitation, clock.GetUtcNow()) is null) Form = await SurveyForms.LoadAsync(db, invitation!, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Answers = Request.Form.Where(f => f.Key.StartsWith("Answers[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
            .ToDictionary(f => f.Key["Answers[".Length..^1], f => f.Value.ToString());
        var byFunction = new Dictionary<ServiceFunction, bool>();
        foreach (var (key, value) in Answers)
        {
            if (!Enum.TryParse<ServiceFunction>(key, out var f) || !Enum.IsDefined(f) || !bool.TryParse(value, out var satisfied))
            {
                ModelState.AddModelError("Answers", "提交的服务评价无效，请重新选择。");
                continue;
            }
            byFunction[f] = satisfied;
        }
        if (ModelState.ErrorCount == 0)
        {
            var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
            var result = await handler.HandleAsync(new AnswerSurveyCommand(Token, Overall, byFunction, Comment, ip), ct);
            if (result.Refusal is { } refusal) return Refused(refusal);
            if (result.Ok) return Redirect("/Survey/Thanks");
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages) ModelState.AddModelError(field, m);
        }
        return await OnGetAsync(ct);
    }

    private PageResult Refused(LinkRefusal refusal)
    {
        Refusal = refusal;
        Response.StatusCode = LinkRefusals.StatusCode(refusal);
        return Page();
    }

    public string? Checked(ServiceFunction f, bool value) => Answers.TryGetValue(f.ToString(), out var v) && v == value.ToString().ToLowerInvariant() ? "checked" : null;
}
