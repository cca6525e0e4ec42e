using Exemplar.Domain.Evaluation;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Evaluations;

/// <summary>One base of a round as the round page lists it.</summary>
public sealed record SubjectRow(EvaluationSubject Subject, Designation Designation, Guid CarrierId, string Carrier, string Operator, string? Certificate, SubjectStanding Standing);

/// <summary>A confirmed result as a base sees it.</summary>
public sealed record BaseResult(EvaluationRound Round, EvaluationSubject Subject, string Carrier);

public sealed class EvaluationQueries(ExemplarDbContext db)
{
    public async Task<IReadOnlyList<SubjectRow>> SubjectsAsync(RoundFile file, CancellationToken ct)
    {
        var rows = await (from s in db.Set<EvaluationSubject>()
                          join d in db.Set<Designation>() on s.DesignationId equals d.Id
                          join x in db.Set<Carrier>() on d.CarrierId equals x.Id
                          join o in db.Set<Organization>() on x.OrganizationId equals o.Id
                          where s.RoundId == file.Round.Id
                          orderby x.Name
                          select new { s, d, x.Id, x.Name, Operator = o.Name }).AsNoTracking().ToListAsync(ct);
        var ids = rows.Select(r => r.d.Id).ToList();
        var certs = (await db.Set<IssuedCertificate>().AsNoTracking().Where(c => ids.Contains(c.DesignationId) && c.SupersededOn == null).Select(c => new { c.DesignationId, c.Number }).ToListAsync(ct))
            .GroupBy(c => c.DesignationId).ToDictionary(g => g.Key, g => g.First().Number);
        var result = new List<SubjectRow>();
        foreach (var r in rows)
            result.Add(new SubjectRow(r.s, r.d, r.Id, r.Name, r.Operator, certs.GetValueOrDefault(r.d.Id), await ConfirmOutcomeHandler.StandingAsync(db, file, r.s, ct)));
        return result;
    }

    /// <summary>Confirmed results of the carriers of one organisation, newest round first.</summary>
    public async Task<IReadOnlyList<BaseResult>> OfOrganizationAsync(Guid organizationId, CancellationToken ct) =>
        (await (from s in db.Set<EvaluationSubject>()
                join r in db.Set<EvaluationRound>() on s.RoundId equals r.Id
                join d in db.Set<Designation>() on s.DesignationId equals d.Id
                join x in db.Set<Carrier>() on d.CarrierId equals x.Id
                where x.OrganizationId == organizationId && s.ConfirmedAt != null
                orderby r.Year descending, s.ConfirmedAt descending
                select new { r, s, x.Name }).AsNoTracking().ToListAsync(ct)).Select(x => new BaseResult(x.r, x.s, x.Name)).ToList();

    /// <summary>Latest confirmed star rating per designation (only those that have one); the registry shows it.</summary>
    public async Task<IReadOnlyDictionary<Guid, (int Stars, int Year)>> StarsAsync(IReadOnlyCollection<Guid> designationIds, CancellationToken ct)
    {
        var rows = await (from s in db.Set<EvaluationSubject>()
                          join r in db.Set<EvaluationRound>() on s.RoundId equals r.Id
                          where designationIds.Contains(s.DesignationId) && s.ConfirmedAt != null && s.Stars != null
                          select new { s.DesignationId, Stars = s.Stars!.Value, r.Year, s.ConfirmedAt }).AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(x => x.DesignationId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Year).ThenByDescending(x => x.ConfirmedAt).Select(x => (x.Stars, x.Year)).First());
    }
}

/// <summary>Chinese wording of outcomes.</summary>
public static class EvaluationText
{
    public static string Stage(EvaluationStage s) => s switch { EvaluationStage.Preparing => "准备中", EvaluationStage.Scoring => "评分中", _ => "未知" };

    public static string Frequency(EvaluationRule r) => r.Frequency == "annual" ? "每年一次" : "不定期";

    public static string StarText(int stars) => stars == 0 ? "无星级" : new string('★', stars) + $"（{EvaluationGrades.Stars(stars)}）";

    /// <summary>What follows from a confirmed result, in words.</summary>
    public static string Outcome(EvaluationSubject s, PolicyVersion policy) => s.Action switch
    {
        EvaluationOutcome.Revoke => "待撤销" + (s.GroundId is { } g && policy.Management.Ground(g)?.Consequence?.PlaqueRecall == true ? "（撤销后收回牌匾）" : ""),
        EvaluationOutcome.KeepWithoutFunding => "保留称号，不予资金支持",
        EvaluationOutcome.FundingByTier => s.TierName is null ? "分级分档给予资金奖励" : $"资金奖励：{s.TierName}，{s.TierAmountWan:0.##}万元",
        GradeStep.Keep => "保留称号",
        _ => "",
    };

    /// <summary>The revocation page another area builds, started from this outcome.</summary>
    public static string RevocationLink(EvaluationSubject s) => $"/revocations/start?designation={s.DesignationId}&ground={s.GroundId}";
}
