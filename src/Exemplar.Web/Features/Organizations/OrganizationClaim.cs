using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Organizations;

public enum ClaimStatus { Open = 1, Upheld = 2, Dismissed = 3 }

/// <summary>
/// A contest of a registration: someone says the code registered by another account is their organisation's
/// (issue 8 item 7). Decided by the local authority of the registered organisation's jurisdiction or an administrator.
/// The claimant's contact is personal information, purged after the retention period.
/// </summary>
public sealed class OrganizationClaim
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Uscc { get; init; }
    public required string ClaimantName { get; init; }
    [Infrastructure.Security.PersonalData]
    public string? ContactName { get; set; }
    [Infrastructure.Security.PersonalData]
    public string? ContactPhone { get; set; }
    public required string Statement { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public ClaimStatus Status { get; set; } = ClaimStatus.Open;
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionNote { get; set; }
    /// <summary>Set when the purge job removed the claimant's contact details.</summary>
    public DateTimeOffset? PersonalDataPurgedAt { get; set; }
    public uint Version { get; set; }
}

internal sealed class OrganizationClaimConfiguration : IEntityTypeConfiguration<OrganizationClaim>
{
    public void Configure(EntityTypeBuilder<OrganizationClaim> b)
    {
        b.ToTable("organization_claims");
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.ClaimantName).HasMaxLength(200);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.ContactPhone).HasMaxLength(30);
        b.Property(x => x.Statement).HasMaxLength(1000);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.Property(x => x.DecisionNote).HasMaxLength(500);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.OrganizationId, x.Status });
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
