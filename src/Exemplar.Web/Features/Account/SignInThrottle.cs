using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Account;

/// <summary>Section <c>Exemplar:SignIn</c>: how many failures are free and how the delays grow (README "Sign-in").</summary>
public sealed class SignInOptions
{
    /// <summary>Failures free per user name and client address before that pair waits.</summary>
    public int FreeFailuresPerAddress { get; set; } = 5;
    /// <summary>Failures free per user name from all untrusted clients together before every untrusted client waits.</summary>
    public int FreeFailuresPerAccount { get; set; } = 20;
    /// <summary>Failures free per trusted device before the device loses its trust for that account.</summary>
    public int FreeFailuresPerDevice { get; set; } = 5;
    /// <summary>Wrong two-factor codes free per account before it waits.</summary>
    public int FreeFailuresPerSecondFactor { get; set; } = 5;
    /// <summary>The first delay; each further failure doubles it, up to <see cref="MaxDelayMinutes"/>.</summary>
    public int FirstDelaySeconds { get; set; } = 30;
    public int MaxDelayMinutes { get; set; } = 15;
    /// <summary>Counters of a key with no failure for this long start again at zero.</summary>
    public int ForgetAfterHours { get; set; } = 24;
    /// <summary>Every failed sign-in is answered after at least this long, so timing tells nothing.</summary>
    public int FailedResponseMilliseconds { get; set; } = 400;
    /// <summary>How long a browser stays a trusted device of an account after a successful sign-in.</summary>
    public int TrustedDeviceDays { get; set; } = 90;
}

/// <summary>One throttle counter: per account and address, per account, per trusted device or per second factor.</summary>
public sealed class SignInThrottleRow : INotAudited
{
    public required string Key { get; init; }
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? BlockedUntil { get; set; }
}

internal sealed class SignInThrottleRowConfiguration : IEntityTypeConfiguration<SignInThrottleRow>
{
    public void Configure(EntityTypeBuilder<SignInThrottleRow> b)
    {
        b.ToTable("sign_in_throttles");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(300);
        b.HasIndex(x => x.LastFailureAt);
    }
}

/// <summary>
/// Growing delays instead of a lock anyone can trigger (issue 8 item 3). Counters are kept by user *name* (whether or
/// not it exists, so they reveal nothing), for each name and client address, for each name over all untrusted clients,
/// and for each trusted device. After the free failures a key waits <see cref="SignInOptions.FirstDelaySeconds"/>,
/// doubling with each further failure up to <see cref="SignInOptions.MaxDelayMinutes"/>. A browser that signed in to
/// the account before (a trusted device) is judged only by its own counter, so nobody can keep an official out by
/// failing on her name from elsewhere — not even from the same government NAT address.
/// </summary>
public sealed class SignInThrottle(ExemplarDbContext db, IOptions<SignInOptions> options, TimeProvider clock)
{
    public static string AccountKey(string userName) => "a:" + userName;
    public static string AddressKey(string userName, string? address) => $"p:{userName}|{address ?? "?"}";
    public static string DeviceKey(Guid device) => "d:" + device.ToString("N");
    public static string SecondFactorKey(Guid userId) => "t:" + userId.ToString("N");

    /// <summary>The latest time any of the keys is blocked until, if later than now.</summary>
    public async Task<DateTimeOffset?> BlockedUntilAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = await db.Set<SignInThrottleRow>().AsNoTracking().Where(r => keys.Contains(r.Key) && r.BlockedUntil > now)
            .MaxAsync(r => (DateTimeOffset?)r.BlockedUntil, ct);
        return until;
    }

    /// <summary>Counts a failure on each key (free failures per key given); returns the keys that just started waiting.</summary>
    public async Task<IReadOnlyList<string>> FailAsync(IReadOnlyList<(string Key, int Free)> keys, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var forgetBefore = now.AddHours(-o.ForgetAfterHours);
        var started = new List<string>();
        foreach (var (key, free) in keys)
        {
            // One statement per key: concurrent failures count correctly without a transaction.
            var failures = await db.Database.SqlQuery<int>($"""
                INSERT INTO sign_in_throttles (key, failures, last_failure_at) VALUES ({key}, 1, {now})
                ON CONFLICT (key) DO UPDATE SET
                    failures = CASE WHEN sign_in_throttles.last_failure_at < {forgetBefore} THEN 1 ELSE sign_in_throttles.failures + 1 END,
                    last_failure_at = {now}
                RETURNING failures AS "Value"
                """).ToListAsync(ct);
            var n = failures.Single();
            if (n <= free) continue;
            var delay = Delay(n - free, o);
            await db.Database.ExecuteSqlAsync($"UPDATE sign_in_throttles SET blocked_until = {now + delay} WHERE key = {key}", ct);
            if (n == free + 1) started.Add(key);
        }
        return started;
    }

    public Task ResetAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        db.Set<SignInThrottleRow>().Where(r => keys.Contains(r.Key)).ExecuteDeleteAsync(ct);

    /// <summary>An administrator lifts every delay on an account's name (all addresses, the account-wide counter).</summary>
    public Task ClearAccountAsync(string userName, CancellationToken ct) =>
        db.Set<SignInThrottleRow>().Where(r => r.Key == AccountKey(userName) || r.Key.StartsWith("p:" + userName + "|")).ExecuteDeleteAsync(ct);

    /// <summary>Until when untrusted clients must wait for this account, for the administrators' list.</summary>
    public Task<DateTimeOffset?> AccountBlockedUntilAsync(string userName, CancellationToken ct) => BlockedUntilAsync([AccountKey(userName)], ct);

    /// <summary>1st failure past the free ones: the first delay; then doubling; never more than the maximum.</summary>
    public static TimeSpan Delay(int overFree, SignInOptions o)
    {
        var seconds = o.FirstDelaySeconds * Math.Pow(2, Math.Min(overFree - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, o.MaxDelayMinutes * 60.0));
    }
}
