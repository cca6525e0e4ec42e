using Exemplar.Domain.Ledger;
using Exemplar.Domain.Organizations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Carriers;

public sealed record SavePartnerCommand(Guid CarrierId, Guid? Id, uint Version, string Name, DateOnly? AgreementFrom, DateOnly? AgreementTo, string Services);

public sealed class SavePartnerHandler(ExemplarDbContext db, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SavePartnerCommand c, CancellationToken ct)
    {
        var p = new Problems();
        p.Required("Name", c.Name, "机构名称");
        p.Check("Name", RecordLimits.PartnerName.Check(c.Name));
        p.Required("Services", c.Services, "服务内容");
        p.Check("Services", RecordLimits.Services.Check(c.Services));
        if (c.AgreementFrom is not { } from) p.Add("AgreementFrom", "请填写协议起始日期。");
        else
        {
            p.Check("AgreementFrom", RecordLimits.AgreementFrom.Check(from, Infrastructure.ChinaTime.Today(clock)));
            if (c.AgreementTo is { } to) p.Check("AgreementTo", RecordLimits.CheckAgreementEnd(from, to));
        }
        if (p.Any) return p.Result();
        var a = await CarrierRecord.EditOrAddAsync(db, c.Id, c.Version,
            db.Set<PartnerAgency>().Where(x => x.CarrierId == c.CarrierId),
            () => new PartnerAgency { CarrierId = c.CarrierId, Name = c.Name }, "合作机构", ct);
        a.Name = c.Name.Trim(); a.AgreementFrom = c.AgreementFrom!.Value; a.AgreementTo = c.AgreementTo; a.Services = c.Services.Trim();
        return await Problems.SaveAsync(db, a.Id, ct);
    }
}
