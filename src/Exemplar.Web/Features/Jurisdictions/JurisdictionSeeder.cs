using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Jurisdictions;

/// <summary>
/// Loads the built-in divisions (GB/T 2260, status 2024-12-31) and development zones from
/// jurisdictions.csv. Adds missing rows only, so administrators' additions and renames survive restarts.
/// </summary>
internal sealed class JurisdictionSeeder(TimeProvider clock) : IStartupSeeder
{
    public int Order => 10;

    public async Task SeedAsync(ExemplarDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        var existing = await db.Set<Jurisdiction>().Select(j => j.Code).ToHashSetAsync(ct);
        var rows = ReadBuiltIn();
        if (rows.All(r => existing.Contains(r.Code))) return;
        var paths = new Dictionary<string, string>();
        foreach (var r in rows)
        {
            var path = (r.Parent is null ? "/" : paths[r.Parent]) + r.Code + "/";
            paths[r.Code] = path;
            if (existing.Contains(r.Code)) continue;
            db.Add(new Jurisdiction
            {
                Code = r.Code, Name = r.Name, ParentCode = r.Parent, Kind = r.Kind, Path = path,
                IsBuiltIn = true, CreatedAt = clock.GetUtcNow(),
            });
        }
        db.Actor.Operation = "行政区划.初始化";
        await db.SaveChangesAsync(ct);
    }

    internal sealed record Row(string Code, string Name, string? Parent, JurisdictionKind Kind);

    /// <summary>Rows in file order; parents precede children.</summary>
    internal static IReadOnlyList<Row> ReadBuiltIn()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Features", "Jurisdictions", "jurisdictions.csv");
        return File.ReadLines(file).Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(',');
            return new Row(f[0], f[1], f[2].Length == 0 ? null : f[2], Enum.Parse<JurisdictionKind>(f[3]));
        }).ToList();
    }
}
