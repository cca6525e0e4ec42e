using Exemplar.Web.Infrastructure.Auditing;
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
    TimeProvider clock) : DbContext(options)
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
        AuditTrail.Capture(this, actor, clock.GetUtcNow());
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditTrail.Capture(this, actor, clock.GetUtcNow());
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
