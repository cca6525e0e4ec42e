using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>One submitted version as frozen, what changed since the version before, and its offline dossier.</summary>
public sealed class VersionModel(ExemplarDbContext db, Dossier dossier, ReportDocuments documents) : ApplicationPageModel
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

    /// <summary>The submitted version's 申请报告 as Word, from the report data it froze (the same bytes as before submission).</summary>
    public async Task<IActionResult> OnGetWordAsync(int number, CancellationToken ct)
    {
        var v = await db.Set<ApplicationVersion>().AsNoTracking()
            .FirstOrDefaultAsync(x => x.ApplicationId == Application.Id && x.Number == number && x.State == VersionState.Submitted, ct);
        var word = v is null ? null : documents.Submitted(v);
        return word is null ? NotFound() : File(word.Bytes, word.ContentType, word.FileName);
    }
}
