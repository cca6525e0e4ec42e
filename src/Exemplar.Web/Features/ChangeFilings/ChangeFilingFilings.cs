using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.ChangeFilings;

/// <summary>
/// A change filed for an event day fulfils the ChangeFiling obligation of that day (unless it was returned):
/// <c>{programme}/designation-{id}/ChangeFiling/{event day}</c> (the key <see cref="ObligationDeriver"/> makes), filed on its first filing day.
/// </summary>
public sealed class ChangeFilingFilings(ExemplarDbContext db) : IObligationFilings
{
    public async Task<IReadOnlyDictionary<string, DateOnly>> FiledAsync(CancellationToken ct) =>
        (await (from f in db.Set<ChangeFiling>().AsNoTracking()
                join d in db.Set<Designation>().AsNoTracking() on f.DesignationId equals d.Id
                where f.Stage != ChangeFilingStage.Returned
                group f by new { f.DesignationId, d.ProgrammeId, f.EventOn } into g
                select new { g.Key.DesignationId, g.Key.ProgrammeId, g.Key.EventOn, On = g.Min(x => x.FiledOn) }).ToListAsync(ct))
        .ToDictionary(x => $"{x.ProgrammeId}/designation-{x.DesignationId:N}/{ObligationKind.ChangeFiling}/{x.EventOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}",
            x => x.On);
}
