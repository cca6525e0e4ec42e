using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Confirmations;

/// <summary>The enterprise's word on one entry: 确认, or 有异议 with a short reason.</summary>
public sealed record ServiceDecision(ConfirmationStatus Status, string? Reason);

/// <summary>
/// An enterprise confirms or disputes entries through its personal link. <see cref="Decisions"/> maps entry id → decision;
/// entries not in it are left as they are. <see cref="IpAddress"/> goes into the audit row.
/// </summary>
public sealed record ConfirmServicesCommand(string Token, IReadOnlyDictionary<Guid, ServiceDecision> Decisions, string? IpAddress);

public sealed record ConfirmResult(LinkRefusal? Refusal, IReadOnlyDictionary<string, List<string>> Errors, int Saved)
{
    public bool Ok => Refusal is null && Errors.Count == 0;
}

/// <summary>
/// Saves the decisions in one SaveChanges, or none of them: every entry must be one the ledger records for this enterprise
/// in the link's year (another enterprise's entry, another base's or another year's is refused), and a dispute needs a
/// reason of at most <see cref="MaxReason"/> characters. Audited with the actor "入驻企业（问卷）" like the survey answer.
/// </summary>
public sealed class ConfirmServicesHandler(DbContextOptions<ExemplarDbContext> options, TimeProvider clock)
{
    public const int MaxReason = 200;

    public async Task<ConfirmResult> HandleAsync(ConfirmServicesCommand c, CancellationToken ct)
    {
        await using var db = new ExemplarDbContext(options, new SurveyRespondentActor(c.IpAddress), clock);
        var invitation = await SurveyForms.FindAsync(db, c.Token, tracked: false, ct);
        var now = clock.GetUtcNow();
        if (ConfirmationForms.Refusal(invitation, now) is { } refusal) return new ConfirmResult(refusal, NoErrors, 0);

        var p = new Problems();
        if (c.Decisions.Count == 0) p.Add("Decisions", "请至少对一条服务记录选择“确认”或“有异议”。");
        var ids = c.Decisions.Keys.ToList();
        var own = await ConfirmationForms.EntriesOf(db, invitation!).Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        if (own.Count != ids.Count) p.Add("Decisions", "只能确认台账中记录为贵企业本年度接受的服务。");
        foreach (var (id, d) in c.Decisions)
        {
            if (d.Status == ConfirmationStatus.Disputed && string.IsNullOrWhiteSpace(d.Reason))
                p.Add($"Reason[{id}]", "选择“有异议”时请填写异议理由（例如：未接受该服务、日期或内容不符）。");
            else if (d.Status == ConfirmationStatus.Disputed) p.MaxLength($"Reason[{id}]", d.Reason!.Trim(), MaxReason, "异议理由");
        }
        if (p.Any) return new ConfirmResult(null, p.Result().Errors, 0);

        var existing = await db.Set<ServiceConfirmation>()
            .Where(x => x.EnterpriseId == invitation!.EnterpriseId && ids.Contains(x.EntryId)).ToDictionaryAsync(x => x.EntryId, ct);
        var changed = 0;
        foreach (var (id, d) in c.Decisions)
        {
            var reason = d.Status == ConfirmationStatus.Disputed ? d.Reason!.Trim() : null;
            if (existing.TryGetValue(id, out var x))
            {
                if (x.Status == d.Status && x.Reason == reason) continue;
                x.Status = d.Status;
                x.Reason = reason;
                x.InvitationId = invitation!.Id;
                x.RespondedAt = now;
            }
            else
            {
                db.Add(new ServiceConfirmation
                {
                    CarrierId = invitation!.CarrierId, EntryId = id, EnterpriseId = invitation.EnterpriseId, InvitationId = invitation.Id,
                    Status = d.Status, Reason = reason, RespondedAt = now,
                });
            }
            changed++;
        }
        db.Actor.Operation = "服务确认.确认";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two submissions of one link raced (a unique key or a row version lost): nothing of this one was saved.
            var race = new Problems();
            race.Add("", Problems.ConcurrencyMessage);
            return new ConfirmResult(null, race.Result().Errors, 0);
        }
        return new ConfirmResult(null, NoErrors, changed);
    }

    private static readonly IReadOnlyDictionary<string, List<string>> NoErrors = new Dictionary<string, List<string>>();
}
