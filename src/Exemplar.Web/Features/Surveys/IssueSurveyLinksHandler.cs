using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Exemplar.Web.Features.Surveys;

/// <summary>
/// Issue links for a round: <see cref="EnterpriseId"/> null = every current resident that has no usable link yet
/// (未发送 or 已过期); one enterprise = issue, or re-issue revoking its current link. <see cref="ExpiresOn"/> is the
/// last day the link works (Asia/Shanghai), default today + <see cref="LedgerOptions.SurveyLinkDays"/>.
/// </summary>
public sealed record IssueSurveyLinksCommand(Guid CarrierId, int Year, DateOnly? ExpiresOn, Guid? EnterpriseId);

/// <summary>A link as shown once to the operator: the token is never stored and cannot be shown again.</summary>
public sealed record IssuedLink(Guid EnterpriseId, string EnterpriseName, string Token, DateOnly ExpiresOn, bool Replaced);

public sealed record IssueResult(IReadOnlyList<IssuedLink> Links, IReadOnlyDictionary<string, List<string>> Errors, int Skipped)
{
    public bool Ok => Errors.Count == 0;
}

public sealed class IssueSurveyLinksHandler(ExemplarDbContext db, TimeProvider clock, IOptions<LedgerOptions> options)
{
    public const int MaxValidDays = 180;

    public DateOnly DefaultExpiry() => ChinaTime.Today(clock).AddDays(options.Value.SurveyLinkDays);

    public async Task<IssueResult> HandleAsync(IssueSurveyLinksCommand c, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow();
        var expiresOn = c.ExpiresOn ?? DefaultExpiry();
        var p = new Problems();
        if (c.Year < 2000 || c.Year > today.Year) p.Add("Year", $"调查年度应在2000年至{today.Year}年之间。");
        if (expiresOn <= today) p.Add("ExpiresOn", "链接有效期应晚于今天。");
        if (expiresOn > today.AddDays(MaxValidDays)) p.Add("ExpiresOn", $"链接有效期不能超过{MaxValidDays}天。");
        if (p.Any) return Fail(p);

        var expiresAt = new DateTimeOffset(expiresOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            // The whole read-decide-write runs inside the strategy, so a retried attempt starts from a clean slate.
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var residents = await db.Set<ResidentEnterprise>().AsNoTracking()
                    .Where(e => e.CarrierId == c.CarrierId && e.EntryDate <= today && (e.ExitDate == null || e.ExitDate >= today))
                    .Where(e => c.EnterpriseId == null || e.Id == c.EnterpriseId)
                    .OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
                if (c.EnterpriseId is not null && residents.Count == 0)
                {
                    p.Add("EnterpriseId", "该企业不是本基地当前的入驻企业。");
                    return Fail(p);
                }
                var ids = residents.Select(r => r.Id).ToList();
                var live = await db.Set<SurveyInvitation>()
                    .Where(i => i.CarrierId == c.CarrierId && i.Year == c.Year && i.RevokedAt == null && ids.Contains(i.EnterpriseId))
                    .ToDictionaryAsync(i => i.EnterpriseId, ct);

                var issue = new List<(Guid Id, string Name, bool Replaced)>();
                var skipped = 0;
                foreach (var r in residents)
                {
                    var current = live.GetValueOrDefault(r.Id);
                    var status = SurveyLinkStatuses.Of(current, now);
                    if (status == SurveyLinkStatus.Answered)
                    {
                        if (c.EnterpriseId is not null) { p.Add("EnterpriseId", $"“{r.Name}”已答复{c.Year}年度问卷，不能重新发送。"); return Fail(p); }
                        skipped++;
                        continue;
                    }
                    if (status == SurveyLinkStatus.Sent && c.EnterpriseId is null) { skipped++; continue; }
                    if (current is not null) current.RevokedAt = now;
                    issue.Add((r.Id, r.Name, current is not null));
                }
                if (issue.Count == 0) return new IssueResult([], NoErrors, skipped);

                // Revocations are saved first: the partial unique index allows one live link per enterprise and round.
                db.Actor.Operation = "满意度调查.作废旧链接";
                await db.SaveChangesAsync(ct);
                db.Actor.Operation = c.EnterpriseId is null ? "满意度调查.发送链接" : "满意度调查.重新发送链接";
                var links = new List<IssuedLink>();
                foreach (var (id, name, replaced) in issue)
                {
                    var token = SurveyTokens.New();
                    db.Add(new SurveyInvitation
                    {
                        CarrierId = c.CarrierId, EnterpriseId = id, Year = c.Year, TokenHash = SurveyTokens.Hash(token),
                        CreatedAt = now, ExpiresAt = expiresAt,
                    });
                    links.Add(new IssuedLink(id, name, token, expiresOn, replaced));
                }
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new IssueResult(links, NoErrors, skipped);
            });
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || ex is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } })
        {
            db.ChangeTracker.Clear();
            var conflict = new Problems();
            conflict.Add("", "发送失败：其他人刚刚为同一企业发送或更新了链接。请刷新页面查看最新状态后再操作。");
            return Fail(conflict);
        }
    }

    private static readonly IReadOnlyDictionary<string, List<string>> NoErrors = new Dictionary<string, List<string>>();

    private static IssueResult Fail(Problems p) => new([], p.Result().Errors, 0);
}
