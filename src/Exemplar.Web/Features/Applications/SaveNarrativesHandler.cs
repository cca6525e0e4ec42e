using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Applications;

public sealed record SaveNarrativesCommand(Guid ApplicationId, Guid OrganizationId, uint Version, IReadOnlyDictionary<string, string?> Sections);

/// <summary>Saves the application report's narrative sections (五（一）–（六）), each within its length.</summary>
public sealed class SaveNarrativesHandler(ExemplarDbContext db, ApplicationLoader loader)
{
    public async Task<SaveResult> HandleAsync(SaveNarrativesCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.ApplicationId, tracked: true, ct);
        if (!DraftGuard.Owns(f, c.OrganizationId)) return SaveResult.NotFound;
        var p = new Problems();
        DraftGuard.Check(f!, ReturnItems.Narratives, p, partOfReport: true);
        if (p.Any) return p.Result();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in NarrativeSections.All)
        {
            var text = (c.Sections.GetValueOrDefault(s.Key) ?? "").Trim().Replace("\r\n", "\n");
            p.MaxLength(s.Key, text, s.MaxLength, s.Number + s.Heading);
            if (text.Length > 0) texts[s.Key] = text;
        }
        if (p.Any) return p.Result();
        db.Entry(f!.Current).Property(x => x.Version).OriginalValue = c.Version;
        f.Current.NarrativesJson = ApplicationJson.Write(texts);
        db.Actor.Operation = "申报.报告正文";
        return await Problems.SaveAsync(db, f.Application.Id, ct);
    }
}
