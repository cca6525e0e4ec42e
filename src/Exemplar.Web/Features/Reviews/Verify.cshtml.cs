using Exemplar.Domain.Review;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

/// <summary>
/// 复现抽取: re-runs the draw from the recorded seed over the recorded (frozen) pool and exclusions, and compares the
/// result with the recorded panels and with the assignments actually made; the record's hash is checked too.
/// </summary>
public sealed class VerifyModel(ExemplarDbContext db) : ReviewPageModel(db)
{
    public DrawRecord Record { get; private set; } = null!;
    public bool HashMatches { get; private set; }
    public IReadOnlyList<(DrawApplication App, IReadOnlyList<Guid> Panel, IReadOnlyList<Guid> Reserves, bool SameAsRecord, bool SameAsAssignments)> Lines { get; private set; } = [];
    public bool AllSame => HashMatches && Lines.All(l => l.SameAsRecord && l.SameAsAssignments);
    public string NameOf(Guid expert) => Record.Pool.FirstOrDefault(p => p.Id == expert)?.Name ?? "（不在名单中）";

    public async Task<IActionResult> OnGetAsync(Guid callId, CancellationToken ct)
    {
        if (await LoadAsync(callId, change: false, ct) is { } stop) return stop;
        if (Review is not { Stage: not ReviewStage.Preparing, DrawJson: { } json }) return NotFound();
        Record = ApplicationJson.ReadRecord<DrawRecord>(json);
        HashMatches = ApplicationJson.Sha256(json) == Review.DrawHash;
        var input = new DrawInput(Record.Pool.Select(p => p.Id).ToList(),
            Record.Applications.ToDictionary(a => a.Id, a => (IReadOnlySet<Guid>)a.Exclusions.Select(x => x.Expert).ToHashSet()), Record.PanelSize, Record.Reserves);
        var rerun = PanelDraw.Draw(input, (ulong)Record.Seed);
        var assignments = await Db.Set<ReviewAssignment>().AsNoTracking().Where(a => a.ReviewId == Review.Id).ToListAsync(ct);
        Lines = Record.Applications.Select(app =>
        {
            var again = rerun.Single(p => p.ApplicationId == app.Id);
            var recorded = Record.Panels.Single(p => p.Application == app.Id);
            var made = assignments.Where(a => a.ApplicationId == app.Id).OrderBy(a => a.Position).Select(a => a.ExpertId).ToList();
            var drawn = again.Panel.Concat(again.Reserves).ToList();
            return (app, again.Panel, again.Reserves,
                again.Panel.SequenceEqual(recorded.Panel) && again.Reserves.SequenceEqual(recorded.Reserves), drawn.SequenceEqual(made));
        }).ToList();
        return Page();
    }
}
