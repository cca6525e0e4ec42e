using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Account;

/// <summary>Section <c>Exemplar:Sessions</c>.</summary>
public sealed class SessionOptions
{
    /// <summary>A session unused this long ends (GB/T 22239: 登录连接超时自动退出).</summary>
    public int IdleMinutes { get; set; } = 30;
    /// <summary>A session ends this long after sign-in, however busy.</summary>
    public int AbsoluteHours { get; set; } = 8;
}

/// <summary>
/// A signed-in browser. The cookie only names the session; the row decides: sign-out, a password change, disabling the
/// account and an administrator's "sign out everywhere" revoke it, and it ends after its idle or absolute lifetime.
/// A copied cookie is worth nothing once its session has ended.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Updated at most once a minute, outside the audit trail.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    public string? IpAddress { get; init; }
    public string? UserAgent { get; init; }
    /// <summary>Signed in with a second factor.</summary>
    public bool TwoFactor { get; init; }
    public uint Version { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("user_sessions");
        b.Property(x => x.RevokedReason).HasMaxLength(100);
        b.Property(x => x.IpAddress).HasMaxLength(45);
        b.Property(x => x.UserAgent).HasMaxLength(300);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.UserId, x.RevokedAt });
        b.HasIndex(x => x.ExpiresAt);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
