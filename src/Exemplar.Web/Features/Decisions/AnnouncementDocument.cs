using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Documents;
using Exemplar.Web.Features.Documents.Building;
using Exemplar.Web.Features.Documents.Official;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.SiteInspections;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Decisions;

/// <summary>
/// The 公告 as a GB/T 9704 Word document, from the announced decision: its title, number and date as recorded, the
/// designated bases in the notice's order, and the validity the designation records carry — one period where all share it,
/// a column where they differ (a 复核 renews each from its old end), none at all where the text fixes none (北京).
/// </summary>
public sealed class AnnouncementDocument(ExemplarDbContext db, DecisionLoader loader, DocumentGenerator generator)
{
    public async Task<GeneratedDocument?> ForAsync(Guid noticeId, CancellationToken ct)
    {
        var f = await loader.LoadAsync(noticeId, tracked: false, ct);
        if (f?.Decision is not { AnnouncedOn: { } announced } d) return null;
        var ids = d.Lines.Where(l => l.DesignationId != null).Select(l => l.DesignationId!.Value).ToList();
        var designations = await db.Set<Designation>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct);
        var designated = d.Lines.Where(l => l.DesignationId != null)
            .Select(l => (Entry: f.Notice.Entries.Single(e => e.Id == l.EntryId), Designation: designations.Single(x => x.Id == l.DesignationId)))
            .OrderBy(x => x.Entry.Order).ToList();
        var terms = designated.Select(x => (x.Designation.ValidFrom, x.Designation.ValidUntil)).Distinct().ToList();
        var common = terms.Count == 1 && terms[0].ValidUntil is not null ? terms[0] : ((DateOnly, DateOnly?)?)null;
        var perBase = terms.Count > 1 && terms.Any(t => t.ValidUntil is not null)
            ? designated.Select(x => x.Designation.ValidUntil is { } u ? $"{ChineseFormat.Date(x.Designation.ValidFrom)}至{ChineseFormat.Date(u)}" : "不设固定有效期").ToList()
            : null;
        var reviewed = await db.Set<ExpertReview>().AsNoTracking().AnyAsync(r => r.CallId == f.Call.Id, ct);
        var inspected = await db.Set<SiteInspection>().AsNoTracking().AnyAsync(s => s.CallId == f.Call.Id, ct);
        var reReview = f.Call.Kind == ApplicationKind.ReReview;
        string[] after = d.Collective ? ["社会公示", "集体决策"] : ["社会公示"];
        return generator.Announcement(new DesignationAnnouncementData
        {
            Issuer = PolicyWording.IssuerOf(f.Policy), Programme = PolicyWording.Programme(f.Policy), Title = d.AnnouncementTitle ?? "",
            DocumentNumber = d.AnnouncementNumber ?? "", Procedure = PolicyWording.Procedure(f.Policy, reviewed, inspected, after),
            Bases = [.. designated.Select(x => new NoticeBase(x.Entry.CarrierName, x.Entry.OperatorName, x.Entry.RegionName))],
            ValidFrom = common?.Item1, ValidUntil = common?.Item2, BaseTerms = perBase, ReReview = reReview,
            Plaque = !reReview && f.Policy.Procedure.Plaque is not null,
            Obligations = f.Policy.Management.AnnualSummaryDue is null
                ? "被认定的基地要不断完善创业创新基础设施环境，增强服务能力，发挥示范带动作用。"
                : "被认定的基地要不断完善创业创新基础设施环境，增强服务能力，按规定报送年度工作总结，发挥示范带动作用。",
            Date = announced,
        });
    }
}
