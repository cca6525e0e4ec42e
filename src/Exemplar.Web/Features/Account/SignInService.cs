using System.Diagnostics;
using System.Text.Json;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Account;

public enum SignInOutcome { Succeeded, Failed, Throttled, Disabled }

public sealed record SignInResult(SignInOutcome Outcome, string Message, UserAccount? User = null);

/// <summary>
/// Checks a user name and password (issue 8 items 3–4). Every failure — unknown name, wrong password, a disabled
/// account with a wrong password — gets the same answer, the same database work (throttle counters by name, one audit
/// row) and at least the same time (<see cref="SignInOptions.FailedResponseMilliseconds"/>), so neither the text nor the
/// timing tells whether a name exists. Brute force meets growing delays (<see cref="SignInThrottle"/>), not a lock.
/// </summary>
public sealed class SignInService(
    ExemplarDbContext db,
    IPasswordHasher<UserAccount> hasher,
    SignInThrottle throttle,
    TrustedDevices devices,
    IOptions<SignInOptions> options,
    TimeProvider clock)
{
    public const string WrongCredentials = "用户名或密码错误。";
    private static readonly UserAccount Nobody = new() { UserName = "-", DisplayName = "-" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UserAccount>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<SignInResult> CheckAsync(HttpContext http, string userName, string password, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var result = await CheckCoreAsync(http, userName, password ?? "", ct);
        if (result.Outcome != SignInOutcome.Succeeded) await PadAsync(watch, ct);
        return result;
    }

    /// <summary>Holds a failed answer until the floor, so every failure takes as long as the slowest.</summary>
    public async Task PadAsync(Stopwatch watch, CancellationToken ct)
    {
        var remaining = TimeSpan.FromMilliseconds(options.Value.FailedResponseMilliseconds) - watch.Elapsed;
        if (remaining > TimeSpan.Zero) await Task.Delay(remaining, ct);
    }

    private async Task<SignInResult> CheckCoreAsync(HttpContext http, string userName, string password, CancellationToken ct)
    {
        var o = options.Value;
        var name = Normalize(userName);
        var address = http.Connection.RemoteIpAddress?.ToString();
        var device = devices.For(http, name);
        var deviceKey = device is { } d ? SignInThrottle.DeviceKey(d) : null;
        // A trusted device answers for itself; when it has failed too often it is an untrusted client like any other.
        if (deviceKey is not null && await throttle.BlockedUntilAsync([deviceKey], ct) is not null)
        {
            devices.Forget(http, name);
            deviceKey = null;
        }
        IReadOnlyList<(string Key, int Free)> keys = deviceKey is not null
            ? [(deviceKey, o.FreeFailuresPerDevice)]
            : [(SignInThrottle.AddressKey(name, address), o.FreeFailuresPerAddress), (SignInThrottle.AccountKey(name), o.FreeFailuresPerAccount)];

        var user = await db.Set<UserAccount>().FirstOrDefaultAsync(u => u.UserName == name, ct);
        var blockedUntil = await throttle.BlockedUntilAsync(keys.Select(k => k.Key).ToList(), ct);
        // The hash is computed whatever happens, so the work is the same for every outcome.
        var verdict = hasher.VerifyHashedPassword(user ?? Nobody, user?.PasswordHash ?? DummyHash.Value, password);
        var passwordOk = user is not null && verdict != PasswordVerificationResult.Failed;

        if (blockedUntil is { } until)
        {
            await AuditFailureAsync(name, user, "尝试过于频繁，本次未核对", ct);
            return new(SignInOutcome.Throttled, $"登录尝试过于频繁，请于{Local(until)}后再试。在您以前登录过的浏览器上登录不受此限制；如需帮助请联系管理员。");
        }
        if (passwordOk && !user!.IsActive)
        {
            // Only someone who knows the password learns that the account is disabled.
            await AuditFailureAsync(name, user, "账户已停用", ct);
            return new(SignInOutcome.Disabled, "该账户已停用，请联系管理员。");
        }
        if (!passwordOk)
        {
            var started = await throttle.FailAsync(keys, ct);
            if (deviceKey is not null && started.Contains(deviceKey)) devices.Forget(http, name);
            await AuditFailureAsync(name, user, user is null ? "用户名不存在" : user.IsActive ? "密码错误" : "密码错误（账户已停用）", ct);
            if (user is not null && started.Any(k => !k.StartsWith("d:", StringComparison.Ordinal))) await NotifyThrottledAsync(user, ct);
            return new(SignInOutcome.Failed, WrongCredentials);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) user!.PasswordHash = hasher.HashPassword(user, password);
        await throttle.ResetAsync([.. keys.Select(k => k.Key), SignInThrottle.AccountKey(name)], ct);
        devices.Remember(http, name);
        return new(SignInOutcome.Succeeded, "登录成功。", user);
    }

    /// <summary>One audit row per failed attempt, for a name that exists or not (the work, like the answer, is the same).</summary>
    private async Task AuditFailureAsync(string name, UserAccount? user, string reason, CancellationToken ct)
    {
        db.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(), ActorId = null, ActorName = db.Actor.Name, Operation = "账户.登录失败", Action = "Attempted",
            EntityType = nameof(UserAccount), EntityId = user?.Id.ToString() ?? Cap(name, 64), JurisdictionCode = user?.JurisdictionCode,
            After = JsonSerializer.Serialize(new { UserName = Cap(name, 64), Reason = reason }, AuditJson), IpAddress = db.Actor.IpAddress,
        });
        await db.SaveChangesAsync(ct);
    }

    public const string ThrottledTitle = "您的账户出现多次失败登录";

    /// <summary>The lock notice: the account's owner learns that untrusted browsers now wait (issue 8 item 3).</summary>
    private async Task NotifyThrottledAsync(UserAccount user, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddHours(-1);
        if (await db.Set<Notification>().AnyAsync(n => n.UserId == user.Id && n.Title == ThrottledTitle && n.CreatedAt > since, ct)) return;
        db.Add(new Notification
        {
            UserId = user.Id, CreatedAt = clock.GetUtcNow(), Title = ThrottledTitle,
            Body = $"截至{Local(clock.GetUtcNow())}，有人多次以您的用户名登录失败。来自这些浏览器的登录现在需等待后才能再试；您在以前登录过的浏览器上登录不受影响。" +
                   "如果不是您本人所为，请修改密码并启用两步验证，必要时联系系统管理员。",
        });
        db.Actor.Operation = "账户.登录受限通知";
        await db.SaveChangesAsync(ct);
    }

    public static string Normalize(string? userName) => Cap((userName ?? "").Trim().ToLowerInvariant(), 64);

    private static string Cap(string s, int max) => s.Length <= max ? s : s[..max];

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, ChinaTime.Zone).ToString("yyyy年M月d日 HH:mm");
}
