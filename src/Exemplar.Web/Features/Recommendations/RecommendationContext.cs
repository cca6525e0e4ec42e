using System.Security.Claims;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Recommendations;

/// <summary>An application with its recommending level (from the policy), the officer's access, the worksheet and the sample.</summary>
public sealed record RecommendationFile(ApplicationFile File, ApplicationAccess Access, RecommendationLevel? Level, Recommendation? Worksheet,
    SurveySample? Sample, IReadOnlyList<SurveySampleAnswer> Answers)
{
    public SatisfactionSamplingRule? Sampling => Level?.SatisfactionSampling;
    public bool AuditRequired => Level?.OnSiteAudit is not null;

    /// <summary>The 测评 items the officer grades on the worksheet: the level's, where it fills a 推荐表 per carrier (西藏第十二条).</summary>
    public IReadOnlyList<string> AssessedItems => Level is { FormScope: RecommendationLevel.PerCarrier, Assessment: { } a } ? a.Items : [];

    /// <summary>Sampled enterprises that count as handled: answered, or 无法联系 with the reason recorded.</summary>
    public IEnumerable<SurveySampleAnswer> Handled => Answers.Where(a => a.Reached || !string.IsNullOrWhiteSpace(a.Comment));
}

/// <summary>Loads what the worksheet and its handlers need; the level is the one whose roles include the officer's.</summary>
public sealed class RecommendationLoader(ExemplarDbContext db, ApplicationLoader loader, JurisdictionTreeCache trees)
{
    public async Task<RecommendationFile?> LoadAsync(Guid applicationId, ClaimsPrincipal user, bool tracked, CancellationToken ct)
    {
        var f = await loader.LoadAsync(applicationId, tracked, ct);
        if (f is null) return null;
        var access = ApplicationAccess.For(user, f.Application, f.Call.JurisdictionCode, f.Policy, await trees.GetAsync(ct));
        if (!access.CanSee) return null;
        var levels = f.Policy.Procedure.Recommendation.Levels;
        var role = user.Role()?.ToString();
        var level = levels.FirstOrDefault(l => role is not null && l.Roles.Contains(role)) ?? levels.FirstOrDefault();
        IQueryable<T> Q<T>() where T : class => tracked ? db.Set<T>() : db.Set<T>().AsNoTracking();
        var sheet = level is null ? null : await Q<Recommendation>().FirstOrDefaultAsync(r => r.ApplicationId == applicationId && r.Level == level.Order, ct);
        var sample = sheet?.SampleId is { } sid ? await Q<SurveySample>().FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        var answers = sample is null ? [] : await db.Set<SurveySampleAnswer>().AsNoTracking().Where(a => a.SampleId == sample.Id).ToListAsync(ct);
        return new RecommendationFile(f, access, level, sheet, sample, answers);
    }
}
