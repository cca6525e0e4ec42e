using System.Text.Json;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.ChangeFilings;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Features.Documents;
using Exemplar.Web.Features.Documents.Building;
using Exemplar.Web.Features.Documents.Official;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Revocations;

/// <summary>
/// The 撤销决定 as a GB/T 9704 Word document, from a case decided as 撤销: the base and its operator (addressed), when and
/// by which announcement it was designated, the facts and the hearing as recorded, the authority's reasons, the grounds in
/// the policy's words with their articles, the plaque recall and the ban where the policy attaches them, the remedies
/// the product's written outcomes state (<see cref="Remedies"/>), the decision's number and date.
/// </summary>
public sealed class RevocationDocument(ExemplarDbContext db, DocumentGenerator generator)
{
    /// <summary>Null unless the case ended in 撤销.</summary>
    public async Task<GeneratedDocument?> ForAsync(Revocation r, CaseSubject subject, CancellationToken ct)
    {
        if (r is not { Stage: RevocationStage.Revoked, DecidedOn: { } decided }) return null;
        var policy = subject.Policy;
        var d = subject.Designation;
        var operatorName = await db.Set<Organization>().AsNoTracking().Where(o => o.Id == subject.Carrier.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var groundIds = JsonSerializer.Deserialize<List<string>>(r.GroundsJson) ?? [];
        var consequences = RevocationConsequences.For(policy, groundIds, decided);
        var grounds = consequences?.Grounds ?? [];
        var ground = $"《{policy.Title}》" + (grounds.Count == 0 ? r.Citation : string.Join("、", grounds.Select(g => $"{g.Citation}“{g.Text}”"))) + "的规定";
        var extra = new List<string>();
        if (r.PlaqueRecall) extra.Add("收回已颁发的牌匾");
        if (consequences?.Ban is { } ban && r.ReapplyBannedUntil is { } until)
            extra.Add($"自本决定作出之日起{Years(ban.Years)}年内（至{ChineseFormat.Date(until)}）不得再次申请（{ban.Citation}）");
        var started = ChinaTime.DateOf(r.StartedAt);
        var hearing = $"{ChineseFormat.Date(started)}，本机关将拟撤销称号的事实、理由和依据告知你单位，并告知你单位享有陈述、申辩的权利。" + (r.Statement is null
            ? "你单位在规定期限内未提出陈述、申辩。"
            : $"你单位于{ChineseFormat.Date(ChinaTime.DateOf(r.StatementAt!.Value))}提出陈述、申辩，称：{r.Statement}"
              + (r.StatementAccepted is { } accepted ? $"\n经审查，本机关{(accepted ? "采纳" : "不予采纳")}你单位的陈述、申辩意见，理由是：{r.StatementHandlingReason}" : ""));
        return generator.Revocation(new RevocationDecisionData
        {
            Issuer = PolicyWording.IssuerOf(policy), Programme = PolicyWording.Programme(policy), DocumentNumber = r.DecisionNumber ?? "",
            Base = new NoticeBase(subject.Carrier.Name, operatorName, subject.RegionName),
            DesignatedBy = ChineseFormat.Date(d.AnnouncedOn) + (d.AnnouncementNumber is { Length: > 0 } number ? $"（{number}）" : ""),
            Facts = r.Facts, Hearing = hearing, Reasons = r.DecisionReasons ?? "", Ground = ground, Consequences = string.Join("；", extra),
            Remedies = Remedies.Text, Date = decided,
        });
    }

    /// <summary>两年 as the texts write it (北京第十五条 “两年内”).</summary>
    private static string Years(int n) => n switch { 1 => "一", 2 => "两", 3 => "三", 4 => "四", 5 => "五", _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
