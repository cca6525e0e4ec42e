using Exemplar.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Exemplar.Web.Infrastructure.Data;

/// <summary>
/// For <c>dotnet ef migrations add</c>: the model without starting the app (no database is contacted when a
/// migration is generated; set ConnectionStrings__Default for commands that do connect).
/// </summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ExemplarDbContext>
{
    public ExemplarDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Default") ?? "Host=127.0.0.1;Database=exemplar_design";
        var options = new DbContextOptionsBuilder<ExemplarDbContext>().UseNpgsql(connection).Options;
        return new ExemplarDbContext(options, new SystemAuditActor("设计时"), TimeProvider.System);
    }
}
