using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>受理回执 of one submitted version, printable: receipt number, time, package hash, materials with their hashes.</summary>
[ApplicationScope(NeedsContent = false)]
public sealed class ReceiptModel(ExemplarDbContext db) : ApplicationPageModel
{
    public ApplicationVersion Version { get; private set; } = null!;
    public IReadOnlyList<PackageMaterial> Materials { get; private set; } = [];
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct)
    {
        var v = await db.Set<ApplicationVersion>().AsNoTracking()
            .FirstOrDefaultAsync(x => x.ApplicationId == Application.Id && x.Number == number && x.State == VersionState.Submitted, ct);
        if (v is null) return NotFound();
        Version = v;
        using var doc = System.Text.Json.JsonDocument.Parse(v.SnapshotJson!);
        Materials = System.Text.Json.JsonSerializer.Deserialize<List<PackageMaterial>>(doc.RootElement.GetProperty("materials").GetRawText(), ApplicationJson.Options) ?? [];
        Warnings = ApplicationJson.Read<List<string>>(v.WarningsJson);
        return Page();
    }
}
