using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

public sealed class OverviewModel(ExemplarDbContext db, JurisdictionTreeCache trees) : CarrierPageModel
{
    public string Operator { get; private set; } = "";
    public string Place { get; private set; } = "";
    public int Enterprises { get; private set; }
    public int Staff { get; private set; }
    public int Partners { get; private set; }
    public int Entries { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = Carrier.Id;
        Operator = await db.Set<Organization>().Where(o => o.Id == Carrier.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        Place = (await trees.GetAsync(ct)).FullName(Carrier.JurisdictionCode);
        Enterprises = await db.Set<ResidentEnterprise>().CountAsync(x => x.CarrierId == id, ct);
        Staff = await db.Set<ServiceStaff>().CountAsync(x => x.CarrierId == id, ct);
        Partners = await db.Set<PartnerAgency>().CountAsync(x => x.CarrierId == id, ct);
        Entries = await db.Set<LedgerEntry>().CountAsync(x => x.CarrierId == id, ct);
    }
}
