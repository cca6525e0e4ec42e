using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Surveys;

/// <summary>
/// An enterprise's answer through its link: <see cref="Overall"/> is required; <see cref="ByFunction"/> may judge
/// any of the functions it received that year (others are refused). <see cref="IpAddress"/> goes into the audit row.
/// </summary>
public sealed record AnswerSurveyCommand(string Token, bool? Overall, IReadOnlyDictionary<ServiceFunction, bool> ByFunction, string? Comment, string? IpAddress);

public sealed record AnswerResult(LinkRefusal? Refusal, IReadOnlyDictionary<string, List<string>> Errors)
{
    public bool Ok => Refusal is null && Errors.Count == 0;
}

/// <summary>
/// Saves the answers and marks the link used in one SaveChanges, guarded by the invitation's row version: of two
/// submissions racing on one link exactly one is saved, the other is told the link is used. Audited with the actor
/// "入驻企业（问卷）".
/// </summary>
public sealed class AnswerSurveyHandler(DbContextOptions<ExemplarDbContext> options, TimeProvider clock)
{
    public const int MaxComment = 1000;

    public async Task<AnswerResult> HandleAsync(AnswerSurveyCommand c, CancellationToken ct)
    {
        await using var db = new ExemplarDbContext(options, new SurveyRespondentActor(c.IpAddress), clock);
        var invitation = await SurveyForms.FindAsync(db, c.Token, tracked: true, ct);
        var now = clock.GetUtcNow();
        if (SurveyLinkStatuses.Refusal(invitation, now) is { } refusal) return new AnswerResult(refusal, NoErrors);

        var form = await SurveyForms.LoadAsync(db, invitation!, ct);
        var p = new Problems();
        if (c.Overall is null) p.Add("Overall", "请选择对基地服务的总体评价（满意或不满意）。");
        var received = form.Services.Select(s => s.Function).ToHashSet();
        if (c.ByFunction.Keys.Any(f => !received.Contains(f))) p.Add("Answers", "只能评价本年度实际接受过的服务。");
        p.MaxLength("Comment", c.Comment, MaxComment, "意见和建议");
        if (p.Any) return new AnswerResult(null, p.Result().Errors);

        invitation!.AnsweredAt = now;
        invitation.Comment = string.IsNullOrWhiteSpace(c.Comment) ? null : c.Comment.Trim();
        db.Add(new SurveyAnswer { InvitationId = invitation.Id, Function = null, Satisfied = c.Overall!.Value });
        foreach (var (function, satisfied) in c.ByFunction.OrderBy(x => x.Key))
            db.Add(new SurveyAnswer { InvitationId = invitation.Id, Function = function, Satisfied = satisfied });
        db.Actor.Operation = "满意度调查.答复";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new AnswerResult(LinkRefusal.Used, NoErrors);
        }
        return new AnswerResult(null, NoErrors);
    }

    private static readonly IReadOnlyDictionary<string, List<string>> NoErrors = new Dictionary<string, List<string>>();
}
