using Exemplar.Domain.Ledger;
using Exemplar.Domain.Organizations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Carriers;

public sealed record SaveStaffCommand(
    Guid CarrierId, Guid? Id, uint Version, string Name, string Position, bool FullTime, Education Education, TitleLevel Title,
    string? MentorCertificate, decimal YearsAtBase);

public sealed class SaveStaffHandler(ExemplarDbContext db)
{
    public async Task<SaveResult> HandleAsync(SaveStaffCommand c, CancellationToken ct)
    {
        var p = new Problems();
        p.Required("Name", c.Name, "姓名");
        p.Check("Name", RecordLimits.StaffName.Check(c.Name));
        p.Check("Position", RecordLimits.Position.Check(c.Position));
        p.Check("MentorCertificate", RecordLimits.MentorCertificate.Check(c.MentorCertificate));
        if (!Enum.IsDefined(c.Education)) p.Add("Education", "请选择学历。");
        if (!Enum.IsDefined(c.Title)) p.Add("Title", "请选择职称。");
        p.Check("YearsAtBase", RecordLimits.YearsAtBase.Check(c.YearsAtBase));
        if (p.Any) return p.Result();
        var s = await CarrierRecord.EditOrAddAsync(db, c.Id, c.Version,
            db.Set<ServiceStaff>().Where(x => x.CarrierId == c.CarrierId),
            () => new ServiceStaff { CarrierId = c.CarrierId, Name = c.Name }, "服务人员", ct);
        s.Name = c.Name.Trim(); s.Position = c.Position.Trim(); s.FullTime = c.FullTime; s.Education = c.Education; s.Title = c.Title;
        s.MentorCertificate = string.IsNullOrWhiteSpace(c.MentorCertificate) ? null : c.MentorCertificate.Trim();
        s.YearsAtBase = c.YearsAtBase;
        return await Problems.SaveAsync(db, s.Id, ct);
    }
}
