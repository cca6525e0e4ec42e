using Exemplar.Web.Features.Designations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.ChangeFilings;

/// <summary>Where a change filing stands.</summary>
public enum ChangeFilingStage
{
    /// <summary>Filed; waits for the local authority to pass it on (聊城: 通过所属辖区的中小企业主管部门).</summary>
    AtLocalAuthority = 1,
    /// <summary>With the designating authority.</summary>
    WithAuthority = 2,
    /// <summary>备案: accepted; the registry's history shows the change.</summary>
    Accepted = 3,
    /// <summary>退回: the base is told why and may file again.</summary>
    Returned = 4,
    /// <summary>北京第十七条: the authority decided to revoke; a revocation (with its hearing) follows.</summary>
    RevocationStarted = 5,
}

/// <summary>
/// 重大变更备案: a designated base reports a change of a kind its policy lists (changeFiling.majorChanges) with the day of
/// the event the text counts from; due date and lateness are fixed when it is filed. Accepting it records a
/// <see cref="DesignationChange"/> (the registry's history); in 北京 the authority decides change or revocation and the
/// decision is published (第十七条).
/// </summary>
public sealed class ChangeFiling
{
    public const int DescriptionMax = 200;
    public const int ReasonMax = 1000;
    public const int DecisionNumberMax = 100;
    public const int EvidenceMax = 10;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DesignationId { get; init; }
    public Guid CarrierId { get; init; }
    public required string ProgrammeId { get; init; }
    /// <summary>One of the policy's major changes, or 其他 where the list ends in 等.</summary>
    public required string ChangeKind { get; init; }
    /// <summary>What changed, from what to what.</summary>
    public required string Description { get; init; }
    /// <summary>The day of the event the text counts from (变更完成 / 发生变更).</summary>
    public DateOnly EventOn { get; init; }
    public required string EventWording { get; init; }
    public int WorkingDays { get; init; }
    public DateOnly DueOn { get; init; }
    public bool DueProvisional { get; init; }
    public DateOnly FiledOn { get; init; }
    public DateTimeOffset FiledAt { get; init; }
    public Guid? FiledBy { get; init; }
    public required string FiledByName { get; init; }
    /// <summary>Calendar days after <see cref="DueOn"/>; 0 when in time.</summary>
    public int DaysLate { get; init; }
    /// <summary>The evidence files (<c>stored_files</c> ids) as JSON.</summary>
    public string EvidenceJson { get; init; } = "[]";
    public ChangeFilingStage Stage { get; set; }

    public DateTimeOffset? ForwardedAt { get; set; }
    public string? ForwardedByName { get; set; }
    public string? LocalOpinion { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }
    /// <summary>Why it was returned, or the authority's reasons for its decision.</summary>
    public string? DecisionReason { get; set; }
    /// <summary>文号 of a published decision (北京第十七条 处理决定).</summary>
    public string? DecisionNumber { get; set; }
    public Guid? DesignationChangeId { get; set; }
    public Guid? RevocationId { get; set; }
    public uint Version { get; set; }

    public bool IsLate => DaysLate > 0;
    public bool IsOpen => Stage is ChangeFilingStage.AtLocalAuthority or ChangeFilingStage.WithAuthority;
}

internal sealed class ChangeFilingConfiguration : IEntityTypeConfiguration<ChangeFiling>
{
    public void Configure(EntityTypeBuilder<ChangeFiling> b)
    {
        b.ToTable("change_filings");
        b.Property(x => x.ProgrammeId).HasMaxLength(60);
        b.Property(x => x.ChangeKind).HasMaxLength(40);
        b.Property(x => x.Description).HasMaxLength(ChangeFiling.DescriptionMax);
        b.Property(x => x.EventWording).HasMaxLength(20);
        b.Property(x => x.FiledByName).HasMaxLength(100);
        b.Property(x => x.EvidenceJson).HasColumnType("jsonb");
        b.Property(x => x.ForwardedByName).HasMaxLength(100);
        b.Property(x => x.LocalOpinion).HasMaxLength(ChangeFiling.ReasonMax);
        b.Property(x => x.DecidedByName).HasMaxLength(100);
        b.Property(x => x.DecisionReason).HasMaxLength(ChangeFiling.ReasonMax);
        b.Property(x => x.DecisionNumber).HasMaxLength(ChangeFiling.DecisionNumberMax);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.Ignore(x => x.IsLate);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => new { x.DesignationId, x.EventOn });
        b.HasIndex(x => x.CarrierId);
        b.HasOne<Designation>().WithMany().HasForeignKey(x => x.DesignationId).OnDelete(DeleteBehavior.Restrict);
    }
}
