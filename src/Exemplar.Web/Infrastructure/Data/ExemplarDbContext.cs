using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Infrastructure.Data;

/// <summary>
/// One context for the product. Feature folders contribute their entities through
/// <c>IEntityTypeConfiguration</c> classes; use <c>db.Set&lt;T&gt;()</c> rather than adding DbSets here.
/// Every SaveChanges writes audit rows for the changes it saves, in the same transaction.
/// </summary>
public sealed class ExemplarDbContext(
    DbContextOptions<ExemplarDbContext> options,
    IAuditActor actor,
    TimeProvider clock,
    IdempotencyScope? idempotency = null) : DbContext(options)
{
    public IAuditActor Actor => actor;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ExemplarDbContext).Assembly);
        ClientGeneratedKeys.Apply(modelBuilder);
        SnakeCaseNames.Apply(modelBuilder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        idempotency?.AddTo(this);
        AuditTrail.Capture(this, actor, clock.GetUtcNow());
        try
        {
            var n = base.SaveChanges(acceptAllChangesOnSuccess);
            idempotency?.Saved(this);
            return n;
        }
        catch
        {
            idempotency?.Failed(this);
            throw;
        }
    }

    /// <summary>Audits the changes and, when the request carries an idempotency key, records it in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        idempotency?.AddTo(this);
        AuditTrail.Capture(this, actor, clock.GetUtcNow());
        try
        {
            var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            idempotency?.Saved(this);
            return n;
        }
        catch
        {
            idempotency?.Failed(this);
            throw;
        }
    }
}
