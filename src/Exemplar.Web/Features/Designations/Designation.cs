using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Carriers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Designations;

/// <summary>
/// 认定: a carrier holds a programme's title from <see cref="ValidFrom"/> through <see cref="ValidUntil"/> (the last valid
/// day; null where the text states no period, as in Beijing), unless revoked. Revocation on grounds that carry a ban
/// records until when the carrier may not apply again.
/// </summary>
public sealed class Designation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CarrierId { get; init; }
    public required string ProgrammeId { get; init; }
    public required string PolicyVersion { get; init; }
    /// <summary>公告文号 of the announcement that designated it.</summary>
    public string? AnnouncementNumber { get; set; }
    public DateOnly AnnouncedOn { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public DateOnly? RevokedOn { get; set; }
    /// <summary>The article of the revocation ground (北京办法第十五条 …).</summary>
    public string? RevocationCitation { get; set; }
    public DateOnly? ReapplyBannedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public uint Version { get; set; }
    /// <summary>授牌: the day the plaque was handed over, where the text awards one (昆明办法第十四条 颁发牌匾).</summary>
    public DateOnly? PlaqueAwardedOn { get; set; }
    /// <summary>True for a designation made before the product existed and entered by an officer (form or import).</summary>
    public bool EnteredAfterwards { get; set; }
    /// <summary>The re-review (复核) application submitted in the expiry year and not yet decided: while it is, the title stands past its end date (复核中).</summary>
    public Guid? ReReviewApplicationId { get; set; }

    public DesignationStanding Standing => new(ProgrammeId, ValidFrom, ValidUntil, RevokedOn, ReapplyBannedUntil, RevocationCitation);
}

internal sealed class DesignationConfiguration : IEntityTypeConfiguration<Designation>
{
    public void Configure(EntityTypeBuilder<Designation> b)
    {
        b.ToTable("designations");
        b.Property(x => x.ProgrammeId).HasMaxLength(60);
        b.Property(x => x.PolicyVersion).HasMaxLength(30);
        b.Property(x => x.AnnouncementNumber).HasMaxLength(100);
        b.Property(x => x.RevocationCitation).HasMaxLength(60);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.Ignore(x => x.Standing);
        b.HasIndex(x => new { x.CarrierId, x.ProgrammeId });
        b.HasIndex(x => x.AnnouncedOn);
        b.HasIndex(x => x.ReReviewApplicationId);
        b.HasOne<Carrier>().WithMany().HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.Restrict);
    }
}
