using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>Keep idempotency keys this long (section <c>Exemplar:Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public int KeepHours { get; set; } = 48;
}

/// <summary>
/// The idempotency key of the current request, if it carries one. <see cref="Data.ExemplarDbContext"/> adds the
/// <see cref="IdempotencyRecord"/> to the first SaveChanges of the request, so it commits with the change.
/// </summary>
public sealed class IdempotencyScope(TimeProvider clock)
{
    public const string FormField = "__IdempotencyKey";
    public const string Header = "Idempotency-Key";

    private IdempotencyRecord? _pending;

    /// <summary>True once the record was part of a successful SaveChanges.</summary>
    public bool Recorded { get; private set; }
    public Guid? Key => _pending?.Key;

    /// <param name="answerWhenCommitted">What the endpoint answers whenever its change commits (<see cref="AnswersWhenCommitted"/>):
    /// saved with the record, so the response need not write it afterwards.</param>
    public void Begin(Guid key, Guid? userId, HttpRequest request, int? answerWhenCommitted = null) => _pending = new IdempotencyRecord
    {
        Key = key, UserId = userId, Method = request.Method, Path = Truncate(request.Path.Value ?? "/", 500), CreatedAt = clock.GetUtcNow(),
        Status = answerWhenCommitted,
    };

    /// <summary>The status saved with the record, if the endpoint declared it.</summary>
    public int? SavedStatus => _pending?.Status;

    /// <summary>Called by the context just before it saves.</summary>
    public void AddTo(DbContext db)
    {
        if (_pending is null || Recorded || db.Entry(_pending).State != EntityState.Detached) return;
        db.Add(_pending);
    }

    /// <summary>Called by the context after a successful save.</summary>
    public void Saved(DbContext db)
    {
        if (_pending is not null && !Recorded && db.Entry(_pending).State == EntityState.Unchanged) Recorded = true;
    }

    /// <summary>A save that failed: the record must not linger in the change tracker of a retried save.</summary>
    public void Failed(DbContext db)
    {
        if (_pending is not null && !Recorded && db.Entry(_pending).State == EntityState.Added) db.Entry(_pending).State = EntityState.Detached;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>
/// Endpoint metadata: whenever this endpoint's change commits, it answers <paramref name="Status"/> with no
/// <c>Location</c> — so an idempotency key's record is saved with its answer, in the change's own transaction, instead
/// of being updated by a second one when the response starts.
/// </summary>
public sealed record AnswersWhenCommitted(int Status);
