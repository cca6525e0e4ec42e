using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Privacy;

/// <summary>Free-text comments of survey answers and of the authorities' sample answers.</summary>
internal sealed class SurveyCommentPurge : IPersonalDataPurge
{
    public string Name => "满意度问卷及抽查意见";

    public async Task<int> PurgeAsync(ExemplarDbContext db, DateTimeOffset now, RetentionOptions r, CancellationToken ct)
    {
        var cutoff = now.AddYears(-r.SurveyAnswerYears);
        var invitations = await db.Set<SurveyInvitation>().Where(i => i.Comment != null && i.AnsweredAt < cutoff).ToListAsync(ct);
        foreach (var i in invitations) i.Comment = null;
        var samples = await db.Set<SurveySampleAnswer>().Where(a => a.Comment != null && a.RecordedAt < cutoff).ToListAsync(ct);
        foreach (var a in samples) a.Comment = null;
        return invitations.Count + samples.Count;
    }
}

/// <summary>The claimant's contact in decided contests of registered codes.</summary>
internal sealed class ContestPurge : IPersonalDataPurge
{
    public string Name => "代码归属异议人联系方式";

    public async Task<int> PurgeAsync(ExemplarDbContext db, DateTimeOffset now, RetentionOptions r, CancellationToken ct)
    {
        var cutoff = now.AddYears(-r.ContestYears);
        var claims = await db.Set<OrganizationClaim>().Where(c => c.Status != ClaimStatus.Open && c.DecidedAt < cutoff && c.PersonalDataPurgedAt == null).ToListAsync(ct);
        foreach (var c in claims)
        {
            c.ContactName = null;
            c.ContactPhone = null;
            c.PersonalDataPurgedAt = now;
        }
        return claims.Count;
    }
}

/// <summary>Contacts of registrations that were not confirmed or were revoked (their users' phones too).</summary>
internal sealed class RefusedRegistrationPurge : IPersonalDataPurge
{
    public string Name => "未确认或被撤销注册的联系方式";

    public async Task<int> PurgeAsync(ExemplarDbContext db, DateTimeOffset now, RetentionOptions r, CancellationToken ct)
    {
        var cutoff = now.AddYears(-r.RefusedRegistrationYears);
        var orgs = await db.Set<Organization>()
            .Where(o => (o.Status == OrganizationStatus.Rejected || o.Status == OrganizationStatus.Revoked) && o.DecidedAt < cutoff
                        && (o.ContactName != null || o.ContactPhone != null))
            .ToListAsync(ct);
        var ids = orgs.Select(o => o.Id).ToList();
        foreach (var o in orgs) { o.ContactName = null; o.ContactPhone = null; }
        foreach (var u in await db.Set<UserAccount>().Where(u => u.OrganizationId != null && ids.Contains(u.OrganizationId.Value) && u.Phone != null).ToListAsync(ct))
            u.Phone = null;
        return orgs.Count;
    }
}

/// <summary>
/// Ended sessions (address, browser), old sign-in counters, idempotency keys, and file bytes that no record took up (a
/// submission's last material whose submission was refused or cut off, see <see cref="Infrastructure.Files.StagedContent"/>):
/// technical rows, deleted outright.
/// </summary>
internal sealed class TechnicalRecordPurge(Microsoft.Extensions.Options.IOptions<SignInOptions> signIn, Microsoft.Extensions.Options.IOptions<Infrastructure.Requests.IdempotencyOptions> keys) : IPersonalDataPurge
{
    public string Name => "已结束的会话、登录计数、幂等键和未被采用的文件内容";

    public async Task<int> PurgeAsync(ExemplarDbContext db, DateTimeOffset now, RetentionOptions r, CancellationToken ct)
    {
        var sessionsBefore = now.AddDays(-r.EndedSessionDays);
        var n = await db.Set<UserSession>().Where(s => (s.RevokedAt != null && s.RevokedAt < sessionsBefore) || s.ExpiresAt < sessionsBefore).ExecuteDeleteAsync(ct);
        var countersBefore = now.AddHours(-signIn.Value.ForgetAfterHours);
        n += await db.Set<SignInThrottleRow>().Where(t => t.LastFailureAt < countersBefore && (t.BlockedUntil == null || t.BlockedUntil < now)).ExecuteDeleteAsync(ct);
        var keysBefore = now.AddHours(-keys.Value.KeepHours);
        n += await db.Set<Infrastructure.Requests.IdempotencyRecord>().Where(k => k.CreatedAt < keysBefore).ExecuteDeleteAsync(ct);
        // A day is far longer than any request that could still take the bytes up.
        var bytesBefore = now.AddDays(-1);
        n += await db.Set<Infrastructure.Files.StoredFileContent>()
            .Where(c => c.WrittenAt < bytesBefore && !db.Set<Infrastructure.Files.StoredFile>().Any(f => f.Id == c.FileId))
            .ExecuteDeleteAsync(ct);
        return n;
    }
}
