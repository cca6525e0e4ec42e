namespace Exemplar.Web.Features.Notifications;

/// <summary>An in-app message to one user (a reminder of an obligation, for now).</summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    /// <summary>The obligation a reminder is about (see Exemplar.Domain.Calendar.Obligation.Key).</summary>
    public string? ObligationKey { get; init; }
    /// <summary>The notice this message carries (a receipt, a return for correction …); opening it counts as delivery.</summary>
    public Guid? NoticeId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
    public uint Version { get; set; }
}
