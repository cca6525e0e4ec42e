using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>An application at a glance: where it stands, what is left to do, its versions and returns.</summary>
[ApplicationScope(NeedsContent = false)]
public sealed class DetailModel(ExemplarDbContext db, ApplicationProfile profiles, TimeProvider clock) : ApplicationPageModel
{
    public IReadOnlyList<ApplicationVersion> Versions { get; private set; } = [];
    public IReadOnlyList<(ApplicationReturn Return, Notice? Notice)> Returns { get; private set; } = [];
    public PolicyEvaluation? Evaluation { get; private set; }
    public IReadOnlyList<ApplicationMaterial> Materials { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> SlotTexts { get; private set; } = new Dictionary<Guid, string>();
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var a = Application;
        Today = ChinaTime.Today(clock);
        Versions = await db.Set<ApplicationVersion>().AsNoTracking().Where(v => v.ApplicationId == a.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var returns = await db.Set<ApplicationReturn>().AsNoTracking().Where(r => r.ApplicationId == a.Id).OrderByDescending(r => r.ReturnedAt).ToListAsync(ct);
        var refs = returns.Select(r => $"application-return:{r.Id}").ToList();
        var notices = await db.Set<Notice>().Where(n => refs.Contains(n.Ref)).ToListAsync(ct);
        if (Access.IsApplicant)
        {
            // The applicant has now seen the returns on this page: that is delivery (送达) if nothing reached them before.
            await NoticeDelivery.MarkOpenedAsync(db, notices.Where(n => n.DeliveredAt is null).Select(n => n.Id), clock.GetUtcNow(), ct);
            db.Actor.Operation = "通知.查阅";
            await db.SaveChangesAsync(ct);
        }
        Returns = returns.Select(r => (r, notices.FirstOrDefault(n => n.Ref == $"application-return:{r.Id}"))).ToList();
        SlotTexts = Record.Call.Slots.ToDictionary(s => s.Id, s => s.Text);
        Materials = await db.Set<ApplicationMaterial>().AsNoTracking().Where(m => m.VersionId == Record.Current.Id).ToListAsync(ct);
        if (Access.CanSeeContent)
        {
            var (profile, _, _) = await profiles.BuildAsync(Record.Policy, Record.Call, Record.Carrier, Record.Current, ct);
            Evaluation = Record.IsDraft ? ApplicationEligibility.Evaluate(Record.Policy, profile) : null;
        }
    }
}
