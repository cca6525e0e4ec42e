using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>One submitted version as frozen, what changed since the version before, and its offline dossier.</summary>
public sealed class VersionModel(ExemplarDbContext db, Dossier dossier) : ApplicationPageModel
{
    public ApplicationVersion Version { get; private set; } = null!;
    public ReportData Data { get; private set; } = null!;
    public IReadOnlyList<VersionDiff.Change>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct)
    {
        var versions = await db.Set<ApplicationVersion>().AsNoTracking()
            .Where(x => x.ApplicationId == Application.Id && x.State == VersionState.Submitted && x.Number <= number).OrderByDescending(x => x.Number).Take(2).ToListAsync(ct);
        if (versions.FirstOrDefault() is not { } v || v.Number != number) return NotFound();
        Version = v;
        using var doc = System.Text.Json.JsonDocument.Parse(v.SnapshotJson!);
        Data = ApplicationJson.ReadRecord<ReportData>(doc.RootElement.GetProperty("report").GetRawText());
        if (versions.Count == 2) Changes = VersionDiff.Between(versions[1].SnapshotJson!, v.SnapshotJson!);
        return Page();
    }

    public async Task<IActionResult> OnGetDossierAsync(int number, CancellationToken ct)
    {
        var zip = await dossier.BuildAsync(Application.Id, number, ct);
        return zip is null ? NotFound() : File(zip, "application/zip", $"{Application.ReceiptNumber}-第{number}版-申报材料包.zip");
    }
}
