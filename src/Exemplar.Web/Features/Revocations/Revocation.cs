using Exemplar.Web.Features.Designations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Revocations;

public enum RevocationStage
{
    /// <summary>The base has been told and may state its case until the period ends.</summary>
    AwaitingStatement = 1,
    /// <summary>The base stated its case; the authority has not decided yet.</summary>
    StatementReceived = 2,
    /// <summary>撤销: the title is revoked.</summary>
    Revoked = 3,
    /// <summary>不予撤销: the case is closed without revocation.</summary>
    Dropped = 4,
}

/// <summary>
/// 撤销（取消）称号 with a hearing: the designating authority starts it on grounds from the policy with facts and evidence;
/// the base is notified (<see cref="NoticeId"/>) and may state its case (陈述申辩) within <see cref="StatementDays"/> days of
/// delivery; the authority then revokes (文号, reasons, remedies) or drops it, recording how it took the statement.
/// </summary>
public sealed class Revocation
{
    public const int FactsMax = 2000;
    public const int TextMax = 2000;
    public const int DecisionNumberMax = 100;
    public const int EvidenceMax = 10;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DesignationId { get; init; }
    public Guid CarrierId { get; init; }
    public required string ProgrammeId { get; init; }
    /// <summary>The policy's ground ids as JSON.</summary>
    public required string GroundsJson { get; init; }
    public required string Citation { get; init; }
    public required string Facts { get; init; }
    public string EvidenceJson { get; init; } = "[]";
    public int StatementDays { get; init; }
    /// <summary>The change filing that led here (北京第十七条), if any.</summary>
    public Guid? ChangeFilingId { get; init; }
    /// <summary>Proposed by the product (overdue annual summaries) and confirmed by the officer who started it.</summary>
    public string? ProposedFrom { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public required string StartedByName { get; init; }
    public Guid NoticeId { get; init; }
    /// <summary>送达 recorded by the authority (a paper notice handed over); the notice's own 送达 counts when earlier.</summary>
    public DateOnly? DeliveryRecordedOn { get; set; }
    public RevocationStage Stage { get; set; }

    public string? Statement { get; set; }
    public string StatementEvidenceJson { get; set; } = "[]";
    public DateTimeOffset? StatementAt { get; set; }
    public string? StatementByName { get; set; }
    /// <summary>采纳 (true) or 不予采纳 (false), with <see cref="StatementHandlingReason"/>.</summary>
    public bool? StatementAccepted { get; set; }
    public string? StatementHandlingReason { get; set; }

    public DateOnly? DecidedOn { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }
    public string? DecisionNumber { get; set; }
    public string? DecisionReasons { get; set; }
    /// <summary>收回已颁发的牌匾 (昆明第十八条) ordered with the revocation.</summary>
    public bool PlaqueRecall { get; set; }
    public DateOnly? ReapplyBannedUntil { get; set; }
    public uint Version { get; set; }

    public bool IsOpen => Stage is RevocationStage.AwaitingStatement or RevocationStage.StatementReceived;
}

internal sealed class RevocationConfiguration : IEntityTypeConfiguration<Revocation>
{
    public void Configure(EntityTypeBuilder<Revocation> b)
    {
        b.ToTable("revocations");
        b.Property(x => x.ProgrammeId).HasMaxLength(60);
        b.Property(x => x.GroundsJson).HasColumnType("jsonb");
        b.Property(x => x.Citation).HasMaxLength(200);
        b.Property(x => x.Facts).HasMaxLength(Revocation.FactsMax);
        b.Property(x => x.EvidenceJson).HasColumnType("jsonb");
        b.Property(x => x.ProposedFrom).HasMaxLength(200);
        b.Property(x => x.StartedByName).HasMaxLength(100);
        b.Property(x => x.Statement).HasMaxLength(Revocation.TextMax);
        b.Property(x => x.StatementEvidenceJson).HasColumnType("jsonb");
        b.Property(x => x.StatementByName).HasMaxLength(100);
        b.Property(x => x.StatementHandlingReason).HasMaxLength(Revocation.TextMax);
        b.Property(x => x.DecidedByName).HasMaxLength(100);
        b.Property(x => x.DecisionNumber).HasMaxLength(Revocation.DecisionNumberMax);
        b.Property(x => x.DecisionReasons).HasMaxLength(Revocation.TextMax);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => x.DesignationId);
        b.HasIndex(x => x.CarrierId);
        // One open case per designation.
        b.HasIndex(x => x.DesignationId, "ix_revocations_open_per_designation").IsUnique().HasFilter("stage IN (1, 2)");
        b.HasOne<Designation>().WithMany().HasForeignKey(x => x.DesignationId).OnDelete(DeleteBehavior.Restrict);
    }
}
