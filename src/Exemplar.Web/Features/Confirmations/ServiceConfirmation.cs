using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Confirmations;

/// <summary>确认 (the service took place as recorded) or 有异议 (it did not, or not as recorded — with a reason).</summary>
public enum ConfirmationStatus { Confirmed = 1, Disputed = 2 }

public static class ConfirmationStatuses
{
    public static string Label(ConfirmationStatus s) => s switch
    {
        ConfirmationStatus.Confirmed => "确认",
        ConfirmationStatus.Disputed => "有异议",
        _ => "",
    };
}

/// <summary>
/// 入驻企业确认服务: one resident enterprise's word on one ledger entry that counts it (one 家次). Given through the
/// enterprise's personal survey link; the enterprise may change it while the link is usable (the audit keeps each change).
/// </summary>
public sealed class ServiceConfirmation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CarrierId { get; init; }
    public Guid EntryId { get; init; }
    public Guid EnterpriseId { get; init; }
    /// <summary>The personal link it was given through.</summary>
    public Guid InvitationId { get; set; }
    public ConfirmationStatus Status { get; set; }
    /// <summary>Why the enterprise disputes the entry (required for a dispute, null for a confirmation).</summary>
    public string? Reason { get; set; }
    public DateTimeOffset RespondedAt { get; set; }
    public uint Version { get; set; }
}

internal sealed class ServiceConfirmationConfiguration : IEntityTypeConfiguration<ServiceConfirmation>
{
    public void Configure(EntityTypeBuilder<ServiceConfirmation> b)
    {
        b.ToTable("service_confirmations");
        b.Property(x => x.Reason).HasMaxLength(ConfirmServicesHandler.MaxReason);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.EntryId, x.EnterpriseId }).IsUnique();
        b.HasIndex(x => x.CarrierId);
        b.HasOne<Carrier>().WithMany().HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LedgerEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ResidentEnterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SurveyInvitation>().WithMany().HasForeignKey(x => x.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}
