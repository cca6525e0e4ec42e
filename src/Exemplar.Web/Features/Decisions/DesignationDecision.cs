using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Decisions;

/// <summary>One person at the decision meeting and the role they attended in (主持人、参会委员、列席、记录人 …).</summary>
public sealed record Attendee(string Name, string Role);

/// <summary>
/// 认定决定 on a notice's list, taken after the notice has ended with no objection open: where the programme requires it
/// (昆明第十四条 集体决策程序) a meeting with its date, attendees and roles, quorum and minutes; then the announcement
/// (公告) with its document number and date, which creates the designations.
/// </summary>
public sealed class DesignationDecision
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid NoticeId { get; init; }
    public Guid CallId { get; init; }
    /// <summary>Taken by 集体决策程序 because the programme's text requires it.</summary>
    public bool Collective { get; init; }
    public DateOnly DecidedOn { get; init; }
    /// <summary>会议名称 (局长办公会、局党组会 …), for a collective decision.</summary>
    public string? MeetingName { get; init; }
    /// <summary><see cref="Attendee"/>s as JSON.</summary>
    public string? AttendeesJson { get; init; }
    public int? MembersExpected { get; init; }
    public int? MembersPresent { get; init; }
    public Guid? MinutesFileId { get; init; }
    public string? MinutesFileName { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string RecordedByName { get; init; }
    public string? AnnouncementNumber { get; set; }
    public string? AnnouncementTitle { get; set; }
    public DateOnly? AnnouncedOn { get; set; }
    public DateTimeOffset? AnnouncedAt { get; set; }
    public string? AnnouncedByName { get; set; }
    public List<DecisionLine> Lines { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>The result for one base on the list: designated or not, with the reason where not.</summary>
public sealed class DecisionLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DecisionId { get; set; }
    public Guid EntryId { get; init; }
    public Guid ApplicationId { get; init; }
    public Guid CarrierId { get; init; }
    public bool Designated { get; init; }
    public string? Reason { get; init; }
    public Guid? DesignationId { get; set; }
}

/// <summary>
/// 书面决定 to an applicant that was not designated: the reasons and the remedies open to it (行政复议 within 60 days,
/// 行政诉讼 within 6 months), delivered through the notifications outbox and readable by the applicant.
/// </summary>
public sealed class WrittenOutcome
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DecisionId { get; init; }
    public Guid ApplicationId { get; init; }
    public Guid OrganizationId { get; init; }
    public required string CarrierName { get; init; }
    public required string Reasons { get; init; }
    public DateOnly IssuedOn { get; init; }
    public required string IssuedBy { get; init; }
}

public static class DecisionLimits
{
    public const int MeetingName = 100;
    public const int Attendees = 2000;
    public const int MaxAttendees = 50;
    public const int Reason = 500;
    public const int AnnouncementNumber = 100;
    public const int AnnouncementTitle = 200;
    public const long MinutesBytes = 20L * 1024 * 1024;
}

internal sealed class DesignationDecisionConfiguration :
    IEntityTypeConfiguration<DesignationDecision>, IEntityTypeConfiguration<DecisionLine>, IEntityTypeConfiguration<WrittenOutcome>
{
    public void Configure(EntityTypeBuilder<DesignationDecision> b)
    {
        b.ToTable("designation_decisions");
        b.Property(x => x.MeetingName).HasMaxLength(DecisionLimits.MeetingName);
        b.Property(x => x.AttendeesJson).HasColumnType("jsonb");
        b.Property(x => x.MinutesFileName).HasMaxLength(200);
        b.Property(x => x.RecordedByName).HasMaxLength(100);
        b.Property(x => x.AnnouncementNumber).HasMaxLength(DecisionLimits.AnnouncementNumber);
        b.Property(x => x.AnnouncementTitle).HasMaxLength(DecisionLimits.AnnouncementTitle);
        b.Property(x => x.AnnouncedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.NoticeId).IsUnique();
        b.HasOne<PublicNotice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DecisionLine> b)
    {
        b.ToTable("decision_lines");
        b.Property(x => x.Reason).HasMaxLength(DecisionLimits.Reason);
        b.HasIndex(x => new { x.DecisionId, x.EntryId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<WrittenOutcome> b)
    {
        b.ToTable("written_outcomes");
        b.Property(x => x.CarrierName).HasMaxLength(200);
        b.Property(x => x.Reasons).HasMaxLength(2000);
        b.Property(x => x.IssuedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.DecisionId, x.ApplicationId }).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<DesignationDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
