using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.SiteInspections;

/// <summary>One shortlisted application with where its site inspection stands.</summary>
public sealed record InspectionRow(ShortlistLine Line, string Carrier, string? Receipt, SiteInspection? Inspection);

/// <summary>现场核查: the call's shortlist (as fixed after the expert review) with each base's inspection; the authority that issued the call records them.</summary>
public sealed class IndexModel(ExemplarDbContext db, SiteInspectionRules rules) : ReviewPageModel(db)
{
    public SiteInspectionRule? Rule { get; private set; }
    public IReadOnlyList<InspectionRow> Rows { get; private set; } = [];
    public bool ShortlistFixed => Review?.Stage == ReviewStage.ShortlistFixed;

    public async Task<IActionResult> OnGetAsync(Guid callId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: false, ct) is { } stop) return stop;
        Rule = await rules.ForCallAsync(callId, ct);
        if (Rule is null || !ShortlistFixed) return Page();
        Rows = await RowsAsync(Db, Review!, ct);
        return Page();
    }

    /// <summary>The shortlist's included lines (those a failed inspection took out too), by rank, with carrier and inspection.</summary>
    public static async Task<IReadOnlyList<InspectionRow>> RowsAsync(ExemplarDbContext db, ExpertReview review, CancellationToken ct)
    {
        var lines = ApplicationJson.Read<List<ShortlistLine>>(review.ShortlistJson).Where(l => l.Included).ToList();
        var ids = lines.Select(l => l.ApplicationId).ToList();
        var apps = await (from a in db.Set<Application>().AsNoTracking()
                          join c in db.Set<Carrier>().AsNoTracking() on a.CarrierId equals c.Id
                          where ids.Contains(a.Id)
                          select new { a.Id, c.Name, a.ReceiptNumber }).ToDictionaryAsync(a => a.Id, ct);
        var inspections = await db.Set<SiteInspection>().AsNoTracking().Where(x => ids.Contains(x.ApplicationId)).ToDictionaryAsync(x => x.ApplicationId, ct);
        return lines.OrderBy(l => l.Rank ?? int.MaxValue).Select(l => new InspectionRow(l, apps.GetValueOrDefault(l.ApplicationId)?.Name ?? "—",
            apps.GetValueOrDefault(l.ApplicationId)?.ReceiptNumber, inspections.GetValueOrDefault(l.ApplicationId))).ToList();
    }
}
