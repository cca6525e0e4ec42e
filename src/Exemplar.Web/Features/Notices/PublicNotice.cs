using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Notices;

public enum NoticeStatus
{
    /// <summary>公示中 / 公示期满: published; objections accepted until the end.</summary>
    Published = 1,
    /// <summary>已作出认定决定: the decision is recorded.</summary>
    Decided = 2,
    /// <summary>已公告: the announcement is issued and the designations exist.</summary>
    Announced = 3,
}

/// <summary>
/// 公示: a call's proposed list published by its designating authority for a number of working days. Its dates are fixed
/// at publication and never move by themselves; a later calendar change is shown to the authority, who may extend.
/// </summary>
public sealed class PublicNotice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CallId { get; init; }
    public required string ProgrammeId { get; init; }
    public required string PolicyVersion { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string Title { get; set; }
    /// <summary>文号 of the notice as issued, if it has one.</summary>
    public string? DocumentNumber { get; set; }
    /// <summary>Where objections may also be sent (受理异议的联系方式), as the authority publishes it.</summary>
    public required string Contact { get; set; }
    public DateOnly PublishedOn { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; set; }
    public int WorkingDays { get; set; }
    /// <summary>The policy text does not say how long the notice runs; the authority set it.</summary>
    public bool LengthSetByAuthority { get; init; }
    /// <summary>At publication the end depended on a year without an entered holiday notice; the authority confirmed it.</summary>
    public bool EndWasProvisional { get; init; }
    public string? ExtensionReason { get; set; }
    public NoticeStatus Status { get; set; } = NoticeStatus.Published;
    public DateTimeOffset PublishedAt { get; init; }
    public required string PublishedByName { get; init; }
    public List<NoticeEntry> Entries { get; set; } = [];
    public uint Version { get; set; }

    public bool AcceptsObjectionsOn(DateOnly today) => Status == NoticeStatus.Published && today >= PublishedOn && today <= EndsOn;

    public bool HasEndedBy(DateOnly today) => today > EndsOn;
}

/// <summary>One proposed base on the notice. An upheld objection takes it off the list (<see cref="Removed"/>).</summary>
public sealed class NoticeEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid NoticeId { get; set; }
    public Guid ApplicationId { get; init; }
    public Guid CarrierId { get; init; }
    public required string CarrierName { get; init; }
    public required string OperatorName { get; init; }
    public required string RegionName { get; init; }
    public string? ReceiptNumber { get; init; }
    public int Order { get; init; }
    /// <summary>Why the authority proposed it where no expert review ranked the call (北京：认定评价由认定机关进行).</summary>
    public string? SelectionReason { get; init; }
    public bool Removed { get; set; }
    public string? RemovedReason { get; set; }
}

public enum FilerKind
{
    /// <summary>以个人真实姓名.</summary>
    Person = 1,
    /// <summary>以单位名义.</summary>
    Organisation = 2,
}

public enum ObjectionStatus
{
    /// <summary>已收到: filed, not yet registered by the authority.</summary>
    Received = 1,
    /// <summary>调查核实中: registered; the base is told and may state its case.</summary>
    Investigating = 2,
    /// <summary>已办结: findings, conclusion and reply recorded.</summary>
    Concluded = 3,
}

public enum ObjectionConclusion
{
    /// <summary>异议成立: the base comes off the list.</summary>
    Upheld = 1,
    /// <summary>异议不成立.</summary>
    NotUpheld = 2,
}

/// <summary>
/// 异议: filed during the notice in a real name with a contact, or in an organisation's name, about one proposed base.
/// The filer holds <see cref="Reference"/> (unguessable) to look up the status; the base sees the content, never the filer.
/// </summary>
public sealed class Objection
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid NoticeId { get; init; }
    public Guid EntryId { get; init; }
    public required string Reference { get; init; }
    public FilerKind FilerKind { get; init; }
    [PersonalData] public required string FilerName { get; init; }
    [PersonalData] public required string FilerContact { get; init; }
    public required string Content { get; init; }
    public DateTimeOffset FiledAt { get; init; }
    public ObjectionStatus Status { get; set; } = ObjectionStatus.Received;
    public DateTimeOffset? RegisteredAt { get; set; }
    public string? RegisteredByName { get; set; }
    /// <summary>The last day for the base's 陈述申辩, set by the authority at registration.</summary>
    public DateOnly? StatementDue { get; set; }
    public string? Statement { get; set; }
    public DateTimeOffset? StatementAt { get; set; }
    /// <summary>调查核实情况.</summary>
    public string? Findings { get; set; }
    public ObjectionConclusion? Conclusion { get; set; }
    /// <summary>答复: what the filer reads with the reference.</summary>
    public string? Reply { get; set; }
    public DateTimeOffset? ConcludedAt { get; set; }
    public string? ConcludedByName { get; set; }
    public List<ObjectionEvidence> Evidence { get; set; } = [];
    public uint Version { get; set; }

    public bool IsOpen => Status != ObjectionStatus.Concluded;
}

/// <summary>An evidence file of an objection, inspected by content at upload.</summary>
public sealed class ObjectionEvidence
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ObjectionId { get; set; }
    public Guid FileId { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public long Size { get; init; }
}

public static class NoticeLimits
{
    public const int Title = 200;
    public const int DocumentNumber = 100;
    public const int Contact = 300;
    public const int Reason = 500;
    public const int FilerName = 100;
    public const int FilerContact = 100;
    public const int Content = 4000;
    public const int Findings = 4000;
    public const int Reply = 2000;
    public const int Statement = 4000;
    public const int EvidenceFiles = 5;
    public const long EvidenceBytes = 20L * 1024 * 1024;
    /// <summary>The authority gives the base at least this many days, and at most <see cref="StatementMaxDays"/>, to state its case.</summary>
    public const int StatementMinDays = 3;
    public const int StatementMaxDays = 30;
}

internal sealed class PublicNoticeConfiguration :
    IEntityTypeConfiguration<PublicNotice>, IEntityTypeConfiguration<NoticeEntry>, IEntityTypeConfiguration<Objection>, IEntityTypeConfiguration<ObjectionEvidence>
{
    public void Configure(EntityTypeBuilder<PublicNotice> b)
    {
        b.ToTable("public_notices");
        b.Property(x => x.ProgrammeId).HasMaxLength(60);
        b.Property(x => x.PolicyVersion).HasMaxLength(30);
        b.Property(x => x.JurisdictionCode).HasMaxLength(12);
        b.Property(x => x.Title).HasMaxLength(NoticeLimits.Title);
        b.Property(x => x.DocumentNumber).HasMaxLength(NoticeLimits.DocumentNumber);
        b.Property(x => x.Contact).HasMaxLength(NoticeLimits.Contact);
        b.Property(x => x.ExtensionReason).HasMaxLength(NoticeLimits.Reason);
        b.Property(x => x.PublishedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.CallId).IsUnique();
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<NoticeEntry> b)
    {
        b.ToTable("notice_entries");
        b.Property(x => x.CarrierName).HasMaxLength(200);
        b.Property(x => x.OperatorName).HasMaxLength(200);
        b.Property(x => x.RegionName).HasMaxLength(200);
        b.Property(x => x.ReceiptNumber).HasMaxLength(40);
        b.Property(x => x.SelectionReason).HasMaxLength(NoticeLimits.Reason);
        b.Property(x => x.RemovedReason).HasMaxLength(NoticeLimits.Reason);
        b.HasIndex(x => new { x.NoticeId, x.ApplicationId }).IsUnique();
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.ToTable("objections");
        b.Property(x => x.Reference).HasMaxLength(40);
        b.Property(x => x.FilerName).HasMaxLength(NoticeLimits.FilerName);
        b.Property(x => x.FilerContact).HasMaxLength(NoticeLimits.FilerContact);
        b.Property(x => x.Content).HasMaxLength(NoticeLimits.Content);
        b.Property(x => x.RegisteredByName).HasMaxLength(100);
        b.Property(x => x.Statement).HasMaxLength(NoticeLimits.Statement);
        b.Property(x => x.Findings).HasMaxLength(NoticeLimits.Findings);
        b.Property(x => x.Reply).HasMaxLength(NoticeLimits.Reply);
        b.Property(x => x.ConcludedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => x.NoticeId);
        b.HasOne<PublicNotice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<NoticeEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.ObjectionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ObjectionEvidence> b)
    {
        b.ToTable("objection_evidence");
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}
