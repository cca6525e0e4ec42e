using System.Security.Claims;
using System.Text.Json;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Documents;
using Exemplar.Web.Features.Documents.Kunming;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Recommendations;

/// <summary>
/// 推荐汇总表 for the recommending level: where the policy's level fills one form for everything it recommends
/// (<c>formScope: summary</c>, 昆明第十条 附件2), the level's signed worksheets of one call, one row per application, as
/// Word (for stamping) or Excel. Only programmes whose summary has a layout (Kunming's) offer the download.
/// </summary>
public sealed class RecommendationSummary(ExemplarDbContext db, RecommendationListQuery list, PolicySnapshots snapshots,
    DocumentGenerator generator, TimeProvider clock)
{
    /// <summary>Calls of the officer's list with at least one signed worksheet and a summary form to fill.</summary>
    public async Task<IReadOnlyList<(Guid CallId, string Title)>> CallsAsync(ClaimsPrincipal user, IReadOnlyList<RecommendationRow> rows, CancellationToken ct)
    {
        var calls = new List<(Guid, string)>();
        foreach (var g in rows.Where(r => r.Worksheet?.IsSigned == true).GroupBy(r => r.Application.CallId))
            if (await LevelAsync(user, g.Key, ct) is not null) calls.Add((g.Key, g.First().Application.CallTitle));
        return calls;
    }

    /// <summary>The summary of one call as Word (<c>docx</c>) or Excel (<c>xlsx</c>); null when the level fills none.</summary>
    public async Task<GeneratedDocument?> RenderAsync(ClaimsPrincipal user, Guid callId, string format, CancellationToken ct)
    {
        if (format is not ("docx" or "xlsx") || await LevelAsync(user, callId, ct) is null) return null;
        var signed = (await list.ListAsync(user, ct)).Where(r => r.Application.CallId == callId && r.Worksheet?.IsSigned == true).ToList();
        if (signed.Count == 0) return null;
        var ids = signed.Select(r => r.Application.Id).ToList();
        var versions = await db.Set<ApplicationVersion>().AsNoTracking()
            .Where(v => ids.Contains(v.ApplicationId) && v.SnapshotJson != null)
            .Select(v => new { v.ApplicationId, v.Number, v.SnapshotJson }).ToListAsync(ct);
        var rows = new List<KunmingRecommendationRow>();
        foreach (var r in signed)
        {
            var sheet = r.Worksheet!;
            var snapshot = versions.FirstOrDefault(v => v.ApplicationId == r.Application.Id && v.Number == sheet.ApplicationVersion)?.SnapshotJson;
            if (snapshot is null) continue;
            var report = ApplicationJson.ReadRecord<ApplicationPackage>(snapshot).Report.Deserialize<ReportData>(ApplicationJson.Options)!;
            var notes = ApplicationJson.Read<Dictionary<string, string>>(sheet.NotesJson);
            rows.Add(new KunmingRecommendationRow
            {
                BaseName = report.Carrier.Name, Address = report.Details.RegisteredAddress, OperatorName = report.Operator.Name,
                Principal = report.Details.LegalRepresentative, ContactName = report.Details.ContactName, ContactMobile = report.Details.ContactMobile,
                // The officer's judgement is the signed decision: a base is recommended only when it meets the conditions (第十条 测评).
                MeetsConditions = sheet.Recommend == true, EngineVerdict = report.Eligibility.Verdict, Recommended = sheet.Recommend == true,
                Remark = string.Join("；", notes.Values),
            });
        }
        var userId = user.UserId();
        var account = await db.Set<UserAccount>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        var orgId = user.OrganizationId();
        var unit = await db.Set<Organization>().AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var data = new KunmingRecommendationSummaryData
        {
            RecommendingUnit = unit ?? account?.DisplayName ?? "", FilledBy = account?.DisplayName ?? "", FilledByPhone = account?.Phone ?? "",
            Date = ChinaTime.Today(clock), Rows = rows,
        };
        return format == "docx" ? generator.KunmingRecommendationSummaryDocx(data) : generator.KunmingRecommendationSummaryXlsx(data);
    }

    /// <summary>The officer's recommending level in the call's policy when it fills a summary with a layout; else null.</summary>
    private async Task<RecommendationLevel?> LevelAsync(ClaimsPrincipal user, Guid callId, CancellationToken ct)
    {
        var hash = await db.Set<Call>().AsNoTracking().Where(c => c.Id == callId).Select(c => c.PolicyHash).FirstOrDefaultAsync(ct);
        if (hash is null || await snapshots.LoadAsync(hash, ct) is not { } policy || policy.Id != ReportDocuments.KunmingProgramme) return null;
        var role = user.Role()?.ToString();
        return policy.Procedure.Recommendation.Levels.FirstOrDefault(l => role is not null && l.Roles.Contains(role) && l.FormScope == RecommendationLevel.Summary);
    }
}
