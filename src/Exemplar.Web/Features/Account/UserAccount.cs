using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Account;

public sealed class UserAccount : IHasJurisdiction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>Sign-in name, stored lower-case.</summary>
    public required string UserName { get; init; }
    public required string DisplayName { get; set; }
    public string PasswordHash { get; set; } = string.Empty;
    public Role Role { get; set; }
    public Guid? OrganizationId { get; set; }
    /// <summary>Null only for administrators, whose scope is everything.</summary>
    public string? JurisdictionCode { get; set; }
    [Infrastructure.Security.PersonalData]
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Changes whenever credentials change.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PasswordChangedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    /// <summary>The TOTP secret, encrypted with Data Protection (never stored or audited in clear); null when not enrolled.</summary>
    public string? TwoFactorSecret { get; set; }
    public DateTimeOffset? TwoFactorEnabledAt { get; set; }
    /// <summary>The last 30-second step a code was accepted for: a code is never accepted twice.</summary>
    public long? TwoFactorLastStep { get; set; }
    public uint Version { get; set; }

    public bool HasTwoFactor => TwoFactorEnabledAt is not null && TwoFactorSecret is not null;
}
