using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Exemplar.Web.Infrastructure.Auditing;

/// <summary>
/// A commit that does not hold the audit chain's head through the log's flush. Every audited commit seals its rows under
/// one lock (the head row), and with a synchronous commit the lock is kept until the commit is flushed to disk: commits
/// then follow one another at the disk's pace, none sharing a flush, and a slow flush stalls every writer behind it. A
/// transaction that calls <see cref="PromiseFlushAsync"/> before its COMMIT is committed without waiting for the flush
/// (the seal switches it, see migration <c>AuditSealReleasedBeforeFlush</c>); its committer then calls
/// <see cref="FlushAsync"/> after the COMMIT and answers nobody before it returns. The log is written in order, so the
/// flush also covers every commit sealed before this one: nothing is acknowledged that a crash could lose, and the chain
/// never survives a crash with a gap.
/// </summary>
public static class AuditedCommit
{
    /// <summary>Inside the transaction, before COMMIT.</summary>
    public static Task PromiseFlushAsync(DatabaseFacade database, CancellationToken ct) =>
        database.ExecuteSqlRawAsync("SELECT set_config('exemplar.audit_flush_after_commit', 'on', true)", ct);

    /// <summary>
    /// After COMMIT, on any connection: a transactional log message commits synchronously, so it returns once the log is
    /// flushed past its own record, which lies after the commit before it. Concurrent callers share one flush.
    /// </summary>
    public static Task FlushAsync(DatabaseFacade database, CancellationToken ct) =>
        database.CreateExecutionStrategy().ExecuteAsync(ct, c => database.ExecuteSqlRawAsync("SELECT pg_logical_emit_message(true, 'exemplar', '')", c));
}
