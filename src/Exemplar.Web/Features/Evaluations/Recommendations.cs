using System.Security.Claims;
using Exemplar.Domain.Designations;
using Exemplar.Domain.Evaluation;
using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Evaluations;

/// <summary>One valid base on the authority's 择优推荐 list with the figures that rank it and the authority's reason, if put forward.</summary>
public sealed record CandidateRow(int Rank, RecommendationFigures Figures, Designation Designation, string Carrier, string Operator, string Region, string? Certificate,
    string? LatestGrade, int? LatestStars, int? EvaluationYear, int FreeOrLowFeeVolume, RecommendationCandidate? Candidate);

/// <summary>
/// The ranked list of a programme's valid bases in the authority's region for 择优推荐 (西藏第五条, 聊城第十七条, 昆明第二十一条 —
/// <c>management.priorityRecommendation</c>): figures from confirmed evaluations and the ledger (services in 家次 and
/// satisfaction for the ledger year), ranked by <see cref="RecommendationRanking"/>.
/// </summary>
public sealed class RecommendationList(ExemplarDbContext db, DesignationScope scope, JurisdictionTreeCache trees, LedgerMetricsQuery metrics, TimeProvider clock)
{
    public async Task<IReadOnlyList<PolicyVersion>> ProgrammesAsync(ClaimsPrincipal user, CancellationToken ct) =>
        [.. (await scope.ProgrammesAsync(user, ct)).Where(p => p.Policy.Management.PriorityRecommendation is not null && p.Region == user.JurisdictionCode()).Select(p => p.Policy)];

    public async Task<IReadOnlyList<CandidateRow>> ListAsync(ClaimsPrincipal user, PolicyVersion programme, int year, CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var region = tree.SubtreeCodes(user.JurisdictionCode()!).ToList();
        var today = ChinaTime.Today(clock);
        var rows = await (from d in db.Set<Designation>()
                          join x in db.Set<Carrier>() on d.CarrierId equals x.Id
                          join o in db.Set<Organization>() on x.OrganizationId equals o.Id
                          where d.ProgrammeId == programme.Id && region.Contains(x.JurisdictionCode)
                          select new { d, Carrier = x, Operator = o.Name }).AsNoTracking().ToListAsync(ct);
        rows = rows.Where(r => DesignationStatuses.Stands(DesignationStatuses.On(today, r.d.ValidUntil, r.d.RevokedOn, r.d.ReReviewApplicationId is not null))).ToList();
        var ids = rows.Select(r => r.d.Id).ToList();
        var results = await (from s in db.Set<EvaluationSubject>()
                             join r in db.Set<EvaluationRound>() on s.RoundId equals r.Id
                             where ids.Contains(s.DesignationId) && s.ConfirmedAt != null
                             select new LatestResult(s.DesignationId, s.Score, s.Grade, s.Stars, r.Year, s.ConfirmedAt!.Value)).AsNoTracking().ToListAsync(ct);
        var candidates = await db.Set<RecommendationCandidate>().AsNoTracking().Where(c => ids.Contains(c.DesignationId) && c.Year == year).ToListAsync(ct);
        var certs = (await db.Set<IssuedCertificate>().AsNoTracking().Where(c => ids.Contains(c.DesignationId) && c.SupersededOn == null).Select(c => new { c.DesignationId, c.Number }).ToListAsync(ct))
            .GroupBy(c => c.DesignationId).ToDictionary(g => g.Key, g => g.First().Number);
        var list = new List<(RecommendationFigures Figures, Designation D, Carrier C, string Operator, int Free, LatestResult? Latest)>();
        foreach (var r in rows)
        {
            var volumes = await metrics.VolumesAsync(r.Carrier.Id, year, ct);
            var answers = await metrics.SatisfactionAsync(r.Carrier.Id, year, ct);
            decimal? satisfaction = answers.Count == 0 ? null : Math.Round(100m * answers.Count(a => a.Satisfied) / answers.Count, 1);
            var latest = results.Where(x => x.DesignationId == r.d.Id).OrderByDescending(x => x.Year).ThenByDescending(x => x.ConfirmedAt).FirstOrDefault();
            list.Add((new RecommendationFigures(r.d.Id, r.Carrier.Name, latest?.Score, volumes.Sum(v => v.EnterpriseVisits), satisfaction),
                r.d, r.Carrier, r.Operator, volumes.Sum(v => v.FreeOrLowFeeVisits), latest));
        }
        return [.. RecommendationRanking.Rank(list.Select(l => l.Figures)).Select(x =>
        {
            var l = list.First(i => i.Figures.DesignationId == x.Figures.DesignationId);
            return new CandidateRow(x.Rank, x.Figures, l.D, l.C.Name, l.Operator, tree.FullName(l.C.JurisdictionCode), certs.GetValueOrDefault(l.D.Id),
                l.Latest?.Grade, l.Latest?.Stars, l.Latest?.Year, l.Free, candidates.FirstOrDefault(c => c.DesignationId == l.D.Id));
        })];
    }

    private sealed record LatestResult(Guid DesignationId, decimal? Score, string? Grade, int? Stars, int Year, DateTimeOffset ConfirmedAt);

    /// <summary>The candidates put forward, as XLSX (the product's <see cref="XlsxWriter"/>), for the higher-level application.</summary>
    public static Task WriteXlsxAsync(Stream output, PolicyVersion programme, int year, IReadOnlyList<CandidateRow> rows, CancellationToken ct) =>
        XlsxWriter.WriteAsync(output,
        [
            new XlsxSheet("推荐名单",
                ["排名", "基地名称", "运营单位", "所在地区", "认定公告文号", "证书编号", "认定日期", "最近测评年度", "测评总分", "测评结果", "星级",
                 $"{year}年服务家次", $"{year}年公益免费/低收费家次", $"{year}年入驻小微企业满意度（%）", "推荐理由"],
                Rows(rows.Where(r => r.Candidate is not null))),
        ], ct);

    private static async IAsyncEnumerable<object?[]> Rows(IEnumerable<CandidateRow> rows)
    {
        foreach (var r in rows)
        {
            yield return [r.Rank, r.Carrier, r.Operator, r.Region, r.Designation.AnnouncementNumber, r.Certificate, ChinaTime.Format(r.Designation.AnnouncedOn),
                r.EvaluationYear, r.Figures.EvaluationScore, r.LatestGrade, r.LatestStars is { } s ? EvaluationGrades.Stars(s) : null,
                r.Figures.ServiceVolume, r.FreeOrLowFeeVolume, r.Figures.SatisfactionPercent, r.Candidate!.Reason];
        }
        await Task.CompletedTask;
    }
}

public sealed record SaveCandidateCommand(ClaimsPrincipal User, string? ProgrammeId, int Year, Guid DesignationId, bool Include, string? Reason);

/// <summary>Puts a valid base forward with the authority's reason (required, at most 500 characters), or takes it off the list.</summary>
public sealed class SaveCandidateHandler(ExemplarDbContext db, RecommendationList list, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SaveCandidateCommand c, CancellationToken ct)
    {
        var programme = (await list.ProgrammesAsync(c.User, ct)).FirstOrDefault(p => p.Id == c.ProgrammeId);
        if (programme is null) return SaveResult.NotFound;
        var today = ChinaTime.Today(clock);
        var p = new Problems();
        if (c.Year < today.Year - 2 || c.Year > today.Year) p.Add("Year", $"数据年度应在{today.Year - 2}至{today.Year}年之间。");
        var rows = await list.ListAsync(c.User, programme, c.Year, ct);
        var row = rows.FirstOrDefault(r => r.Designation.Id == c.DesignationId);
        if (row is null) return SaveResult.NotFound;
        if (c.Include) p.Required("Reason", c.Reason, "推荐理由");
        p.MaxLength("Reason", c.Reason, EvaluationLimits.Reason, "推荐理由");
        if (p.Any) return p.Result();
        var existing = await db.Set<RecommendationCandidate>().FirstOrDefaultAsync(x => x.DesignationId == c.DesignationId && x.Year == c.Year, ct);
        if (!c.Include)
        {
            if (existing is null) return SaveResult.Saved(c.DesignationId);
            db.Remove(existing);
            db.Actor.Operation = "择优推荐.移出名单";
            return await Problems.SaveAsync(db, c.DesignationId, ct);
        }
        if (existing is null) db.Add(existing = new RecommendationCandidate { DesignationId = c.DesignationId, Year = c.Year, Reason = "" });
        existing.Reason = c.Reason!.Trim();
        existing.UpdatedAt = clock.GetUtcNow();
        existing.UpdatedByName = db.Actor.Name;
        db.Actor.Operation = "择优推荐.列入名单";
        return await Problems.SaveAsync(db, c.DesignationId, ct);
    }
}
