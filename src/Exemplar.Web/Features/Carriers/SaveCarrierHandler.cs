using Exemplar.Domain.Ledger;
using Exemplar.Domain.Organizations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Carriers;

public sealed record SaveCarrierCommand(
    Guid OrganizationId, Guid? Id, uint Version, string Name, CarrierKind Kind, string JurisdictionCode, string LeadingIndustries,
    CarrierPrimaryType PrimaryType, decimal Area, decimal PublicServiceArea, DateOnly? EstablishedOn,
    string? CarrierType = null, DateOnly? OperatorSince = null, DateOnly? OperatorFoundedOn = null);

public sealed class SaveCarrierHandler(ExemplarDbContext db, JurisdictionTreeCache trees, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SaveCarrierCommand c, CancellationToken ct)
    {
        var p = new Problems();
        p.Required("Name", c.Name, "名称");
        p.Check("Name", RecordLimits.CarrierName.Check(c.Name));
        var tree = await trees.GetAsync(ct);
        if (tree.Find(c.JurisdictionCode) is null) p.Add("JurisdictionCode", "请选择有效的所在行政区划。");
        var industries = SplitList(c.LeadingIndustries);
        if (industries.Count == 0) p.Add("LeadingIndustries", "请填写主导产业（用顿号或逗号分隔）。");
        if (industries.Count > RecordLimits.MaxLeadingIndustries) p.Add("LeadingIndustries", $"主导产业不超过{RecordLimits.MaxLeadingIndustries}个，您填写了{industries.Count}个。");
        foreach (var problem in industries.Select(RecordLimits.LeadingIndustry.Check).OfType<string>().Distinct()) p.Add("LeadingIndustries", problem);
        p.Check("Area", RecordLimits.Area.Check(c.Area));
        if (RecordLimits.PublicServiceArea.Check(c.PublicServiceArea) is { } psa) p.Add("PublicServiceArea", psa);
        else if (c.PublicServiceArea > c.Area) p.Add("PublicServiceArea", "公共服务区域面积不能大于场地面积。");
        if (c.EstablishedOn is not { } established) p.Add("EstablishedOn", "请填写基地成立日期。");
        else p.Check("EstablishedOn", RecordLimits.EstablishedOn.Check(established, ChinaTime.Today(clock)));
        CarrierDates.Check(p, c.EstablishedOn, c.OperatorSince, c.OperatorFoundedOn, ChinaTime.Today(clock));
        if (c.CarrierType is { } type)
        {
            var definition = Exemplar.Domain.Policies.CarrierTypes.Find(type);
            if (definition is null) p.Add("CarrierType", "请从列表中选择载体类型。");
            else if (definition.Kind != Carrier.PolicyKindOf(c.Kind)) p.Add("CarrierType", $"“{definition.Label}”不是{LedgerLabels.Of(c.Kind)}的载体类型。");
        }
        if (!Enum.IsDefined(c.Kind)) p.Add("Kind", "请选择类型。");
        if (!Enum.IsDefined(c.PrimaryType)) p.Add("PrimaryType", "请选择产业类型。");
        if (p.Any) return p.Result();

        var carrier = await CarrierRecord.EditOrAddAsync(db, c.Id, c.Version,
            db.Set<Carrier>().Where(x => x.OrganizationId == c.OrganizationId),
            () => new Carrier { Name = c.Name, JurisdictionCode = c.JurisdictionCode, OrganizationId = c.OrganizationId, CreatedAt = clock.GetUtcNow() },
            "基地", ct);
        carrier.Name = c.Name.Trim();
        carrier.Kind = c.Kind;
        carrier.JurisdictionCode = c.JurisdictionCode;
        carrier.LeadingIndustries = industries;
        carrier.PrimaryType = c.PrimaryType;
        carrier.Area = c.Area;
        carrier.PublicServiceArea = c.PublicServiceArea;
        carrier.EstablishedOn = c.EstablishedOn!.Value;
        carrier.CarrierType = c.CarrierType;
        carrier.OperatorSince = c.OperatorSince;
        carrier.OperatorFoundedOn = c.OperatorFoundedOn;
        return await Problems.SaveAsync(db, carrier.Id, ct);
    }

    public static List<string> SplitList(string? text) =>
        (text ?? "").Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
