using System.Text.Json;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Documents;
using Exemplar.Web.Features.Documents.Tibet;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Recommendations;

/// <summary>
/// 推荐表 per carrier (西藏基地第十二条, 附件1) as Word, from the signed worksheet: the recommending unit (the signer's
/// authority), the base's particulars and each condition's figure from the submitted version's snapshot beside the
/// engine's result and the officer's note, the 测评 of 运营情况、服务业绩、满意度 as the officer graded them, the opinion and
/// the decision, dated the day of signing.
/// </summary>
public sealed class RecommendationForm(ExemplarDbContext db, DocumentGenerator generator)
{
    /// <summary>The programme's level fills a 推荐表 per carrier whose layout the documents area has (西藏基地).</summary>
    public static bool HasLayout(RecommendationFile r) =>
        r.File.Call.ProgrammeId == ReportDocuments.TibetBaseProgramme && r.Level?.FormScope == RecommendationLevel.PerCarrier;

    /// <summary>Null unless the worksheet is signed and the programme has the form.</summary>
    public async Task<GeneratedDocument?> ForAsync(RecommendationFile r, CancellationToken ct)
    {
        if (!HasLayout(r) || r.Worksheet is not { IsSigned: true, SignedAt: { } signedAt } sheet) return null;
        var snapshot = await db.Set<ApplicationVersion>().AsNoTracking()
            .Where(v => v.ApplicationId == r.File.Application.Id && v.Number == sheet.ApplicationVersion).Select(v => new { v.SnapshotJson, v.LockedAt, v.SubmittedAt })
            .SingleAsync(ct);
        if (snapshot.SnapshotJson is null) return null;
        var report = ApplicationJson.ReadRecord<ApplicationPackage>(snapshot.SnapshotJson).Report.Deserialize<ReportData>(ApplicationJson.Options)!;
        var signedOn = ChinaTime.DateOf(signedAt);
        var particulars = ReportDocuments.ToDocumentData(report, signedOn, "").Base;
        var notes = ApplicationJson.Read<Dictionary<string, string>>(sheet.NotesJson);
        var assessment = ApplicationJson.Read<Dictionary<string, AssessmentEntry>>(sheet.AssessmentJson);
        EvaluationAspect Aspect(string item) => assessment.GetValueOrDefault(item) is { } a ? new(a.Grade, a.Basis ?? "") : new("未测评", "");
        var unit = await (from u in db.Set<UserAccount>().AsNoTracking()
                          join o in db.Set<Organization>() on u.OrganizationId equals o.Id
                          where u.Id == sheet.SignedBy
                          select o.Name).FirstOrDefaultAsync(ct);
        return generator.TibetRecommendationForm(new TibetRecommendationData
        {
            RecommendingUnit = unit ?? string.Join("、", r.Level!.Authorities.Select(a => a.Label)), Date = signedOn, Base = particulars,
            Conditions = [.. report.Eligibility.Conditions.Select(c => new ConditionCheck(c.Citation, c.Requirement, c.Actual ?? "—", c.State, null,
                notes.GetValueOrDefault(c.ConditionId) is { } note ? "核查意见：" + note : "无异议"))],
            Operation = Aspect("运营情况"), Performance = Aspect("服务业绩"), Satisfaction = Aspect("满意度"),
            Opinion = sheet.Opinion ?? "", Recommended = sheet.Recommend == true, Reference = r.File.Application.ReceiptNumber ?? "",
        });
    }
}
