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
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public int AccessFailedCount { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    /// <summary>Changes whenever credentials change, so other sessions are signed out.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PasswordChangedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public uint Version { get; set; }
}
