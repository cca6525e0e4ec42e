using System.Security.Claims;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Account;

/// <summary>Starts, checks and revokes server-side sessions (see <see cref="UserSession"/>).</summary>
public sealed class UserSessions(ExemplarDbContext db, IOptions<SessionOptions> options, TimeProvider clock)
{
    /// <summary>A new session for <paramref name="user"/> (tracked by this context) and its cookie; audited as 账户.登录.</summary>
    public async Task SignInAsync(HttpContext http, UserAccount user, bool twoFactor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            UserId = user.Id, CreatedAt = now, LastSeenAt = now, ExpiresAt = now.AddHours(options.Value.AbsoluteHours),
            IpAddress = http.Connection.RemoteIpAddress?.ToString(), UserAgent = Cap(http.Request.Headers.UserAgent.ToString(), 300), TwoFactor = twoFactor,
        };
        db.Add(session);
        user.LastSignInAt = now;
        db.Actor.Operation = "账户.登录";
        await db.SaveChangesAsync(ct);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PrincipalFor(user, session),
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = session.ExpiresAt, AllowRefresh = false });
    }

    /// <summary>Ends the current session (sign-out); audited as 账户.退出登录.</summary>
    public async Task SignOutAsync(HttpContext http, CancellationToken ct)
    {
        if (http.User.SessionId() is { } id && http.User.UserId() is { } userId)
        {
            await MarkRevokedAsync(userId, "退出登录", only: id, ct: ct);
            db.Actor.Operation = "账户.退出登录";
            await db.SaveChangesAsync(ct);
        }
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Marks the user's live sessions revoked (all, all but <paramref name="except"/>, or <paramref name="only"/> one) in this
    /// context without saving, so the caller saves them with its own change, atomically and under its audit operation.
    /// </summary>
    public async Task<int> MarkRevokedAsync(Guid userId, string reason, Guid? except = null, Guid? only = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var live = await db.Set<UserSession>().Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .Where(s => except == null || s.Id != except).Where(s => only == null || s.Id == only).ToListAsync(ct);
        foreach (var s in live)
        {
            s.RevokedAt = now;
            s.RevokedReason = reason;
        }
        return live.Count;
    }

    public Task<List<UserSession>> LiveAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var idle = now.AddMinutes(-options.Value.IdleMinutes);
        return db.Set<UserSession>().AsNoTracking().Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now && s.LastSeenAt > idle)
            .OrderByDescending(s => s.LastSeenAt).ToListAsync(ct);
    }

    /// <summary>
    /// Every request of a signed-in browser: the session must exist, be the user's, not revoked, within both lifetimes,
    /// and the account active. Otherwise the cookie is dropped and the browser is signed out.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var userId = ctx.Principal?.UserId();
        var sessionId = ctx.Principal?.SessionId();
        var services = ctx.HttpContext.RequestServices;
        var db = services.GetRequiredService<ExemplarDbContext>();
        var o = services.GetRequiredService<IOptions<SessionOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var session = userId is null || sessionId is null ? null : await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.RevokedAt, s.ExpiresAt, s.LastSeenAt, Active = db.Set<UserAccount>().Any(u => u.Id == s.UserId && u.IsActive) })
            .FirstOrDefaultAsync(ctx.HttpContext.RequestAborted);
        if (session is null || session.RevokedAt is not null || session.ExpiresAt <= now || session.LastSeenAt.AddMinutes(o.IdleMinutes) <= now || !session.Active)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (now - session.LastSeenAt >= TimeSpan.FromMinutes(1))
            await TouchAsync(db, sessionId!.Value, now, ctx.HttpContext.RequestAborted);
    }

    /// <summary>
    /// Records the session's last use, at most once a minute, without holding up the request: its commit does not wait for
    /// the log's flush (a touch lost in a crash only makes the session look idle a little earlier; both statements are one
    /// implicit transaction), and when another request of the same session is recording it at this moment, this one leaves
    /// it to that one instead of waiting for its commit.
    /// </summary>
    private static Task<int> TouchAsync(ExemplarDbContext db, Guid sessionId, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            SELECT set_config('synchronous_commit', 'off', true);
            UPDATE user_sessions SET last_seen_at = {now}
            WHERE id = (SELECT id FROM user_sessions WHERE id = {sessionId} AND last_seen_at < {now} FOR UPDATE SKIP LOCKED)
            """, ct);

    public static ClaimsPrincipal PrincipalFor(UserAccount user, UserSession session)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.DisplayName),
            new("exemplar:username", user.UserName),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(ExemplarClaims.Session, session.Id.ToString()),
        };
        if (session.TwoFactor) claims.Add(new(ExemplarClaims.TwoFactor, "1"));
        if (user.JurisdictionCode is { } jurisdiction) claims.Add(new(ExemplarClaims.Jurisdiction, jurisdiction));
        if (user.OrganizationId is { } org) claims.Add(new(ExemplarClaims.Organization, org.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    private static string? Cap(string s, int max) => string.IsNullOrEmpty(s) ? null : s.Length <= max ? s : s[..max];
}
