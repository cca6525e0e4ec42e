using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Calls;

public enum CallStatus
{
    /// <summary>草稿: only the designating authority sees it.</summary>
    Draft = 1,
    /// <summary>已发布: public; applications accepted between its dates.</summary>
    Published = 2,
    /// <summary>已结束: no longer accepts applications; its applications go on through the later stages.</summary>
    Closed = 3,
}

/// <summary>
/// 申报批次 / 申报通知: one programme, one year, its policy version pinned at creation (never changed afterwards),
/// its dates, text and materials list. Issued by the designating authority of <see cref="JurisdictionCode"/>.
/// </summary>
public sealed class Call : IHasJurisdiction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public ApplicationKind Kind { get; set; } = ApplicationKind.New;
    public required string ProgrammeId { get; init; }
    /// <summary>The pinned policy text (<see cref="PolicySnapshot"/>): the call is judged by it whatever the files say later.</summary>
    public required string PolicyHash { get; init; }
    public required string PolicyVersion { get; init; }
    public required string PolicyTitle { get; init; }
    public int Year { get; set; }
    public required string Title { get; set; }
    /// <summary>发文字号 of the notice, e.g. 昆工信发〔2026〕12号.</summary>
    public string? DocumentNumber { get; set; }
    public required string Body { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ApplicationDeadline { get; set; }
    public DateOnly RecommendationDeadline { get; set; }
    /// <summary>Eligibility is judged as of this date (default: the applicants' deadline).</summary>
    public DateOnly ReferenceDate { get; set; }
    public required string Contact { get; set; }
    /// <summary>受理编号 prefix (KM → KM-2026-0007).</summary>
    public required string ReceiptPrefix { get; set; }
    /// <summary>Receipt numbers drawn so far (<c>Applications.ReceiptReservation</c>); the next draw takes the next one.</summary>
    public int ReceiptsIssued { get; set; }
    public CallStatus Status { get; set; } = CallStatus.Draft;
    /// <summary>The designating authority's jurisdiction: applications come from its subtree.</summary>
    public required string JurisdictionCode { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<CallMaterialSlot> Slots { get; set; } = [];
    public uint Version { get; set; }

    string? IHasJurisdiction.JurisdictionCode => JurisdictionCode;

    public CallSchedule Schedule => new(OpensOn, ApplicationDeadline, RecommendationDeadline, ReferenceDate);
}

/// <summary>
/// One item of the call's materials list (申报材料): from the policy file's <c>materials</c> with its citation, reworded,
/// added or dropped for the year's call by the designating officer (every text defers to 当年申报通知).
/// </summary>
public sealed class CallMaterialSlot
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CallId { get; set; }
    public int Order { get; set; }
    /// <summary>The article the item comes from; null for an item the call adds.</summary>
    public string? Citation { get; set; }
    public required string Text { get; set; }
    public bool Required { get; set; } = true;
    /// <summary>The product generates this document from the application (申请报告); the applicant uploads it stamped.</summary>
    public bool Generated { get; set; }
    /// <summary>对申报材料真实性的声明 / 承诺书: generated, stamped, uploaded, and accepted in the product.</summary>
    public bool IsDeclaration { get; set; }
}

/// <summary>A published call's deadline moved, with the reason (the programme version never moves).</summary>
public sealed class CallExtension
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CallId { get; init; }
    public DateOnly PreviousApplicationDeadline { get; init; }
    public DateOnly NewApplicationDeadline { get; init; }
    public DateOnly PreviousRecommendationDeadline { get; init; }
    public DateOnly NewRecommendationDeadline { get; init; }
    public required string Reason { get; init; }
    public required string ExtendedBy { get; init; }
    public DateTimeOffset ExtendedAt { get; init; }
}

/// <summary>A file published with the call (the notice as issued, forms to fill).</summary>
public sealed class CallAttachment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CallId { get; init; }
    public Guid FileId { get; init; }
    public required string Title { get; init; }
}

internal sealed class CallConfiguration :
    IEntityTypeConfiguration<Call>, IEntityTypeConfiguration<CallMaterialSlot>, IEntityTypeConfiguration<CallExtension>, IEntityTypeConfiguration<CallAttachment>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.ToTable("calls");
        b.Property(x => x.ProgrammeId).HasMaxLength(60);
        b.Property(x => x.PolicyHash).HasMaxLength(64);
        b.Property(x => x.PolicyVersion).HasMaxLength(30);
        b.Property(x => x.PolicyTitle).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(CallLimits.Title);
        b.Property(x => x.DocumentNumber).HasMaxLength(CallLimits.DocumentNumber);
        b.Property(x => x.Body).HasMaxLength(CallLimits.Body);
        b.Property(x => x.Contact).HasMaxLength(CallLimits.Contact);
        b.Property(x => x.ReceiptPrefix).HasMaxLength(6);
        b.Property(x => x.JurisdictionCode).HasMaxLength(12);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.Ignore(x => x.Schedule);
        b.HasIndex(x => new { x.ProgrammeId, x.Year });
        b.HasIndex(x => x.Status);
        b.HasOne<PolicySnapshot>().WithMany().HasForeignKey(x => x.PolicyHash).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Slots).WithOne().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CallMaterialSlot> b)
    {
        b.ToTable("call_material_slots");
        b.Property(x => x.Citation).HasMaxLength(60);
        b.Property(x => x.Text).HasMaxLength(CallLimits.SlotText);
    }

    public void Configure(EntityTypeBuilder<CallExtension> b)
    {
        b.ToTable("call_extensions");
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.ExtendedBy).HasMaxLength(100);
        b.HasIndex(x => x.CallId);
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CallAttachment> b)
    {
        b.ToTable("call_attachments");
        b.Property(x => x.Title).HasMaxLength(200);
        b.HasIndex(x => x.CallId);
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Infrastructure.Files.StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class CallLimits
{
    public const int Title = 200;
    public const int DocumentNumber = 100;
    public const int Body = 10_000;
    public const int Contact = 200;
    public const int SlotText = 500;
    public const int MaxSlots = 40;
}
