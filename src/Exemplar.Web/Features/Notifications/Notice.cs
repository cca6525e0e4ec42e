using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Notifications;

/// <summary>
/// A notice of a decision or receipt to the people concerned (受理回执、退回补正通知 …), sent in the product and by mail
/// or SMS. <see cref="DeliveredAt"/> is 送达: the first moment it reached them — a mail server or SMS gateway accepted
/// it, or a recipient opened it in the product — because correction and hearing periods run from delivery.
/// </summary>
public sealed class Notice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>What the notice is about, e.g. "application-return:{id}".</summary>
    public required string Ref { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; set; }
    /// <summary>How it first arrived: 电子邮件 / 短信 / 系统内查阅.</summary>
    public string? DeliveredVia { get; set; }
    public uint Version { get; set; }
}

public enum MessageChannel { Email = 1, Sms = 2 }

/// <summary>A mail or SMS waiting to be sent by <see cref="OutboxJob"/>, or sent (with its first acceptance time).</summary>
public sealed class OutboundMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? NoticeId { get; init; }
    public MessageChannel Channel { get; init; }
    public required string Recipient { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>, IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.ToTable("notices");
        b.Property(x => x.Ref).HasMaxLength(120);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.Property(x => x.DeliveredVia).HasMaxLength(20);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.Ref);
    }

    public void Configure(EntityTypeBuilder<OutboundMessage> b)
    {
        b.ToTable("outbound_messages");
        b.Property(x => x.Recipient).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        b.HasIndex(x => x.NoticeId);
        b.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
