namespace Exemplar.Web.Infrastructure.Auditing;

/// <summary>
/// One append-only audit row. Id, PreviousHash and Hash are set by the database trigger
/// (see the Foundation migration) under an advisory lock, so the chain holds across app instances.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public Guid? ActorId { get; init; }
    public required string ActorName { get; init; }
    /// <summary>Use case that made the change, e.g. "账户.修改密码".</summary>
    public required string Operation { get; init; }
    /// <summary>Added, Modified or Deleted.</summary>
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    public string? JurisdictionCode { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? IpAddress { get; init; }
    public string PreviousHash { get; init; } = null!;
    public string Hash { get; init; } = null!;
}
