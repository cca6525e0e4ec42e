using Exemplar.Web.Infrastructure.Auditing;

namespace Exemplar.Web.Features.Notifications;

/// <summary>
/// A reminder already sent (or covered by a more urgent one): the primary key is the domain's ReminderKey, so an
/// insert … ON CONFLICT DO NOTHING decides which instance sends it, and it is never sent twice.
/// The notifications it produced are audited; this bookkeeping row is not.
/// </summary>
public sealed class SentReminder : INotAudited
{
    public required string ObligationKey { get; init; }
    public DateOnly DueDate { get; init; }
    public int LeadDays { get; init; }
    public DateTimeOffset SentAt { get; init; }
}

/// <summary>A named background job's lease: the row is locked (FOR UPDATE SKIP LOCKED) for the length of a run.</summary>
public sealed class JobLease : INotAudited
{
    public required string Name { get; init; }
    public string? Holder { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public int LastSent { get; set; }
}
