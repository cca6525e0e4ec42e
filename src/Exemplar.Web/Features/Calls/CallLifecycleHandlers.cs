using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calls;

public sealed record PublishCallCommand(Guid CallId, uint Version);

/// <summary>Draft → published: the call becomes public and accepts applications between its dates.</summary>
public sealed class PublishCallHandler(ExemplarDbContext db, ProgrammeCallGate gate, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(PublishCallCommand c, CancellationToken ct)
    {
        var call = await db.Set<Call>().Include(x => x.Slots).FirstOrDefaultAsync(x => x.Id == c.CallId, ct);
        if (call is null) return SaveResult.NotFound;
        var p = new Problems();
        var today = ChinaTime.Today(clock);
        if (call.Status != CallStatus.Draft) p.Add("", "该申报批次已发布。");
        if (string.IsNullOrWhiteSpace(call.Body)) p.Add("", "请先填写通知正文。");
        if (string.IsNullOrWhiteSpace(call.Contact)) p.Add("", "请先填写联系方式。");
        if (call.ApplicationDeadline < today) p.Add("", "申报截止日期已过，请先修改日期。");
        if (call.Kind == Domain.Workflow.ApplicationKind.New && gate.Check(call.ProgrammeId, today) is { AcceptsNewCall: false } refused) p.Add("", refused.Reason);
        if (p.Any) return p.Result();
        db.Entry(call).Property(x => x.Version).OriginalValue = c.Version;
        call.Status = CallStatus.Published;
        call.PublishedAt = clock.GetUtcNow();
        db.Actor.Operation = "申报批次.发布";
        return await Problems.SaveAsync(db, call.Id, ct);
    }
}

public sealed record ExtendCallCommand(Guid CallId, uint Version, DateOnly? ApplicationDeadline, DateOnly? RecommendationDeadline, string? Reason, string OfficerName);

/// <summary>
/// Moves a published call's deadlines later, with a reason that is kept (and audited); the programme version pinned on
/// the call never changes. Deadlines only move later, and never back into the past.
/// </summary>
public sealed class ExtendCallHandler(ExemplarDbContext db, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(ExtendCallCommand c, CancellationToken ct)
    {
        var call = await db.Set<Call>().FirstOrDefaultAsync(x => x.Id == c.CallId, ct);
        if (call is null) return SaveResult.NotFound;
        var p = new Problems();
        var today = ChinaTime.Today(clock);
        if (call.Status != CallStatus.Published) p.Add("", "只有已发布的申报批次可以延期。");
        p.Required("Reason", c.Reason, "延期理由");
        p.MaxLength("Reason", c.Reason, 500, "延期理由");
        if (c.ApplicationDeadline is not { } deadline) p.Add("ApplicationDeadline", "请填写新的申报截止日期。");
        else if (deadline < call.ApplicationDeadline) p.Add("ApplicationDeadline", "延期后的申报截止日期不能早于原截止日期。");
        else if (deadline < today) p.Add("ApplicationDeadline", "新的申报截止日期不能早于今天。");
        var recommendation = c.RecommendationDeadline ?? call.RecommendationDeadline;
        if (recommendation < call.RecommendationDeadline) p.Add("RecommendationDeadline", "延期后的推荐截止日期不能早于原推荐截止日期。");
        if (c.ApplicationDeadline is { } d2 && recommendation < d2) p.Add("RecommendationDeadline", "推荐截止日期不能早于申报截止日期。");
        if (c.ApplicationDeadline is { } d3 && d3 == call.ApplicationDeadline && recommendation == call.RecommendationDeadline)
            p.Add("ApplicationDeadline", "新的日期与原日期相同。");
        if (c.ApplicationDeadline is { } d4 && d4 > call.OpensOn.AddYears(1)) p.Add("ApplicationDeadline", "申报期不能超过一年。");
        if (p.Any) return p.Result();
        db.Entry(call).Property(x => x.Version).OriginalValue = c.Version;
        db.Add(new CallExtension
        {
            CallId = call.Id, PreviousApplicationDeadline = call.ApplicationDeadline, NewApplicationDeadline = c.ApplicationDeadline!.Value,
            PreviousRecommendationDeadline = call.RecommendationDeadline, NewRecommendationDeadline = recommendation,
            Reason = c.Reason!.Trim(), ExtendedBy = c.OfficerName, ExtendedAt = clock.GetUtcNow(),
        });
        call.ApplicationDeadline = c.ApplicationDeadline!.Value;
        call.RecommendationDeadline = recommendation;
        db.Actor.Operation = "申报批次.延期";
        return await Problems.SaveAsync(db, call.Id, ct);
    }
}

public sealed record CloseCallCommand(Guid CallId, uint Version);

/// <summary>Published → closed, after the applicants' deadline: the list of applications is final for the later stages.</summary>
public sealed class CloseCallHandler(ExemplarDbContext db, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(CloseCallCommand c, CancellationToken ct)
    {
        var call = await db.Set<Call>().FirstOrDefaultAsync(x => x.Id == c.CallId, ct);
        if (call is null) return SaveResult.NotFound;
        var p = new Problems();
        if (call.Status != CallStatus.Published) p.Add("", "只有已发布的申报批次可以结束。");
        else if (ChinaTime.Today(clock) <= call.ApplicationDeadline) p.Add("", $"申报截止日期（{ChinaTime.Format(call.ApplicationDeadline)}）当天及以前不能结束受理；如需调整请延期。");
        if (p.Any) return p.Result();
        db.Entry(call).Property(x => x.Version).OriginalValue = c.Version;
        call.Status = CallStatus.Closed;
        call.ClosedAt = clock.GetUtcNow();
        db.Actor.Operation = "申报批次.结束受理";
        return await Problems.SaveAsync(db, call.Id, ct);
    }
}
