using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Requests;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Surveys;

/// <summary>
/// The operator's satisfaction survey of a round (year): each current resident's link status, issuing links to all
/// or one (re-issue revokes the old link), the responses and the rates. Issued links are shown once, in the POST
/// response itself — the token is not stored anywhere (not even in TempData), so it cannot be shown again.
/// Officers in scope and administrators may read the page.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class LinksModel(SurveyQuery query, IssueSurveyLinksHandler handler, PublicUrls urls) : CarrierPageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] [Display(Name = "调查年度")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "状态")] public SurveyLinkStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] [Display(Name = "页码")] public int PageNumber { get; set; } = 1;
    [BindProperty] [Display(Name = "链接有效期")] public DateOnly? ExpiresOn { get; set; }
    [BindProperty] [Display(Name = "企业")] public Guid? EnterpriseId { get; set; }

    public int RoundYear => Year ?? MetricsYear;
    public SurveyRound Round { get; private set; } = null!;
    public PageOf<LinkRow> Rows { get; private set; } = null!;
    public IReadOnlyList<IssuedLink> Issued { get; private set; } = [];
    public int Skipped { get; private set; }
    public bool Posted { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RoundYear is < 2000 or > 2100) return NotFound();
        ExpiresOn ??= handler.DefaultExpiry();
        Round = await query.RoundAsync(Carrier.Id, RoundYear, ct);
        var filtered = Status is { } s ? Round.Links.Where(l => l.Status == s).ToList() : Round.Links;
        PageNumber = Paging.Clamp(PageNumber);
        Rows = new PageOf<LinkRow>(filtered.Skip((PageNumber - 1) * Paging.Size).Take(Paging.Size).ToList(), filtered.Count, PageNumber, Paging.Size);
        return Page();
    }

    public Task LoadFormAsync(CancellationToken ct) => OnGetAsync(ct);

    /// <summary>Issue links to every current resident that has no usable one yet.</summary>
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => IssueAsync(null, ct);

    /// <summary>Issue (or re-issue, revoking the old link) for one enterprise.</summary>
    public Task<IActionResult> OnPostOneAsync(CancellationToken ct) => EnterpriseId is { } id ? IssueAsync(id, ct) : Task.FromResult<IActionResult>(NotFound());

    private async Task<IActionResult> IssueAsync(Guid? enterpriseId, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new IssueSurveyLinksCommand(Carrier.Id, RoundYear, ExpiresOn, enterpriseId), ct);
        AddErrors(result.Errors);
        Issued = result.Links;
        Skipped = result.Skipped;
        Posted = result.Ok;
        return await OnGetAsync(ct);
    }

    /// <summary>From the configured public address, never from the request's Host header (which a client can forge).</summary>
    public string SurveyUrl(string token) => urls.For($"/Survey/{token}");

    public string Link(int page) => Paging.Link($"{BaseUrl}/Surveys", [new("Year", RoundYear.ToString()), new("Status", Status?.ToString()), new("p", page.ToString())]);
}
