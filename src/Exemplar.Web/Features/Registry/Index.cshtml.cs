using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Exemplar.Web.Features.Registry;

/// <summary>示范基地名录 for anyone: search, facets, sorting, pages (Tibet 第十五条 “方便社会公众查询”).</summary>
[OutputCache(PolicyName = RegistrySetup.CachePolicy)]
public sealed class IndexModel(RegistryQuery query, ProgrammePolicies policies, JurisdictionTreeCache trees, Evaluations.EvaluationQueries evaluations) : PageModel
{
    [FromQuery(Name = "name")] public string? Name { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "programme")] public string? Programme { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "year")] public string? Year { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public string? PageNumber { get; set; }

    public RegistryPage? Result { get; private set; }
    public string? Problem { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public JurisdictionTree Tree { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Titles { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<Jurisdiction> RegionPath { get; private set; } = [];
    /// <summary>Latest confirmed star rating per designation on the page (北京第十三条 星级评定).</summary>
    public IReadOnlyDictionary<Guid, (int Stars, int Year)> Stars { get; private set; } = new Dictionary<Guid, (int, int)>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tree = await trees.GetAsync(ct);
        Titles = policies.All.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => DesignationTitle.Of(g.First().Title));
        if (!RegistrySetup.TryFilter(Name, Region, Programme, Industry, Year, Status, Sort, PageNumber, out var filter, out var order, out var page, out var problem))
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        CurrentPage = page;
        var path = new List<Jurisdiction>();
        for (var j = Tree.Find(filter.Region); j is not null; j = Tree.Find(j.ParentCode)) path.Insert(0, j);
        RegionPath = path;
        Result = await query.SearchAsync(filter, order, page, ct);
        Stars = await evaluations.StarsAsync([.. Result.Items.Select(i => i.DesignationId)], ct);
    }

    /// <summary>This search with some values replaced (null removes one); a new filter goes back to page 1.</summary>
    public string Link(params (string Key, string? Value)[] changes)
    {
        var q = new Dictionary<string, string?>
        {
            ["name"] = Name, ["region"] = Region, ["programme"] = Programme, ["industry"] = Industry, ["year"] = Year, ["status"] = Status, ["sort"] = Sort,
        };
        foreach (var (k, v) in changes) q[k] = v;
        if (!changes.Any(c => c.Key == "page")) q.Remove("page");
        return Paging.Link("/Registry", q);
    }

    public string ProgrammeLabel(string id) => Titles.GetValueOrDefault(id, id);
}
