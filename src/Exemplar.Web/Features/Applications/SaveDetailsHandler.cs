using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Applications;

public sealed record SaveDetailsCommand(Guid ApplicationId, Guid OrganizationId, uint Version, ApplicantDetails Details);

/// <summary>Saves the unit's details (单位性质、法定代表人、联系人 …), each checked with a Chinese message naming the field.</summary>
public sealed class SaveDetailsHandler(ExemplarDbContext db, ApplicationLoader loader, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SaveDetailsCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.ApplicationId, tracked: true, ct);
        if (!DraftGuard.Owns(f, c.OrganizationId)) return SaveResult.NotFound;
        var p = new Problems();
        DraftGuard.Check(f!, ReturnItems.Details, p, partOfReport: true);
        if (p.Any) return p.Result();
        var d = Trimmed(c.Details);
        p = d.Validate(ChinaTime.Today(clock));
        if (p.Any) return p.Result();
        db.Entry(f!.Current).Property(x => x.Version).OriginalValue = c.Version;
        f.Current.DetailsJson = ApplicationJson.Write(d);
        db.Actor.Operation = "申报.单位信息";
        return await Problems.SaveAsync(db, f.Application.Id, ct);
    }

    private static ApplicantDetails Trimmed(ApplicantDetails d) => d with
    {
        UnitNature = d.UnitNature.Trim(), LegalRepresentative = d.LegalRepresentative.Trim(), RegisteredAddress = d.RegisteredAddress.Trim(),
        ContactName = d.ContactName.Trim(), ContactMobile = d.ContactMobile.Trim(), ContactEmail = d.ContactEmail.Trim(), Website = d.Website.Trim(),
        Infrastructure = d.Infrastructure.Trim(), Qualifications = d.Qualifications.Trim(), GovernmentSupport = d.GovernmentSupport.Trim(), Honours = d.Honours.Trim(),
    };
}
