using Exemplar.Domain.Ledger;
using Exemplar.Domain.Organizations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Ledger;

public sealed record SaveCarrierCommand(
    Guid OrganizationId, Guid? Id, uint Version, string Name, CarrierKind Kind, string JurisdictionCode, string LeadingIndustries,
    CarrierPrimaryType PrimaryType, decimal Area, decimal PublicServiceArea, DateOnly? EstablishedOn);

public sealed class SaveCarrierHandler(ExemplarDbContext db, JurisdictionTreeCache trees, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SaveCarrierCommand c, CancellationToken ct)
    {
        var p = new Problems();
        p.Required("Name", c.Name, "名称");
        p.MaxLength("Name", c.Name, 200, "名称");
        var tree = await trees.GetAsync(ct);
        if (tree.Find(c.JurisdictionCode) is null) p.Add("JurisdictionCode", "请选择有效的所在行政区划。");
        var industries = SplitList(c.LeadingIndustries);
        if (industries.Count == 0) p.Add("LeadingIndustries", "请填写主导产业（用顿号或逗号分隔）。");
        if (industries.Count > 3) p.Add("LeadingIndustries", $"主导产业不超过3个，您填写了{industries.Count}个。");
        if (c.Area <= 0) p.Add("Area", "场地面积应大于0。");
        if (c.PublicServiceArea < 0 || c.PublicServiceArea > c.Area) p.Add("PublicServiceArea", "公共服务区域面积应在0与场地面积之间。");
        if (c.EstablishedOn is null) p.Add("EstablishedOn", "请填写成立日期。");
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
        return await Problems.SaveAsync(db, carrier.Id, ct);
    }

    public static List<string> SplitList(string? text) =>
        (text ?? "").Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}

public sealed record YearFigureInput(int Year, int Employees, decimal RevenueWan, int PatentsApplied, int PatentsHeld, int HighTech, int TechSme, int Other);

public sealed record SaveEnterpriseCommand(
    Guid CarrierId, Guid? Id, uint Version, string Name, string Uscc, DateOnly? EntryDate, DateOnly? ExitDate, string Industry,
    bool InLeadingIndustry, SizeClass SizeClass, string? ContactName, string? ContactPhone, IReadOnlyList<YearFigureInput> Years);

public sealed class SaveEnterpriseHandler(ExemplarDbContext db)
{
    public async Task<SaveResult> HandleAsync(SaveEnterpriseCommand c, CancellationToken ct)
    {
        var p = Validate(c);
        if (!p.Any && await db.Set<ResidentEnterprise>().AnyAsync(x => x.CarrierId == c.CarrierId && x.Uscc == c.Uscc.Trim().ToUpperInvariant() && x.Id != c.Id, ct))
            p.Add("Uscc", "本基地已登记该统一社会信用代码的企业。");
        if (p.Any) return p.Result();
        var e = await CarrierRecord.EditOrAddAsync(db, c.Id, c.Version,
            db.Set<ResidentEnterprise>().Include(x => x.Years).Where(x => x.CarrierId == c.CarrierId),
            () => new ResidentEnterprise { CarrierId = c.CarrierId, Name = c.Name, Uscc = c.Uscc },
            "入驻企业", ct);
        Apply(e, c);
        foreach (var y in c.Years)
        {
            var fig = e.Years.FirstOrDefault(f => f.Year == y.Year);
            if (fig is null) { fig = new ResidentYearFigure { EnterpriseId = e.Id, Year = y.Year }; e.Years.Add(fig); }
            fig.Employees = y.Employees; fig.RevenueWan = y.RevenueWan; fig.PatentsApplied = y.PatentsApplied; fig.PatentsHeld = y.PatentsHeld;
            fig.HighTechRecognitions = y.HighTech; fig.TechSmeRecognitions = y.TechSme; fig.OtherOutcomes = y.Other;
        }
        return await Problems.SaveAsync(db, e.Id, ct);
    }

    public static void Apply(ResidentEnterprise e, SaveEnterpriseCommand c)
    {
        e.Name = c.Name.Trim();
        e.Uscc = c.Uscc.Trim().ToUpperInvariant();
        e.EntryDate = c.EntryDate!.Value;
        e.ExitDate = c.ExitDate;
        e.Industry = c.Industry.Trim();
        e.InLeadingIndustry = c.InLeadingIndustry;
        e.SizeClass = c.SizeClass;
        e.ContactName = c.ContactName?.Trim();
        e.ContactPhone = c.ContactPhone?.Trim();
    }

    public static Problems Validate(SaveEnterpriseCommand c)
    {
        var p = new Problems();
        p.Required("Name", c.Name, "企业名称");
        p.MaxLength("Name", c.Name, 200, "企业名称");
        if (!UnifiedSocialCreditCode.TryParse(c.Uscc, out _, out var error)) p.Add("Uscc", error);
        if (c.EntryDate is null) p.Add("EntryDate", "请填写入驻日期。");
        if (c.EntryDate is { } from && c.ExitDate is { } to && to < from) p.Add("ExitDate", "迁出日期不能早于入驻日期。");
        p.Required("Industry", c.Industry, "所属行业");
        p.MaxLength("Industry", c.Industry, 100, "所属行业");
        if (!Enum.IsDefined(c.SizeClass)) p.Add("SizeClass", "请选择企业规模。");
        p.MaxLength("ContactName", c.ContactName, 50, "联系人");
        p.MaxLength("ContactPhone", c.ContactPhone, 30, "联系电话");
        foreach (var y in c.Years)
        {
            if (y.Year is < 2000 or > 2100) p.Add("Years", $"年度 {y.Year} 无效。");
            if (y.Employees < 0 || y.RevenueWan < 0 || y.PatentsApplied < 0 || y.PatentsHeld < 0 || y.HighTech < 0 || y.TechSme < 0 || y.Other < 0)
                p.Add("Years", $"{y.Year}年的数字不能为负数。");
        }
        return p;
    }
}

public sealed record SaveStaffCommand(
    Guid CarrierId, Guid? Id, uint Version, string Name, string Position, bool FullTime, Education Education, TitleLevel Title,
    string? MentorCertificate, decimal YearsAtBase);

public sealed class SaveStaffHandler(ExemplarDbContext db)
{
    public async Task<SaveResult> HandleAsync(SaveStaffCommand c, CancellationToken ct)
    {
        var p = new Problems();
        p.Required("Name", c.Name, "姓名");
        p.MaxLength("Name", c.Name, 50, "姓名");
        p.MaxLength("Position", c.Position, 100, "岗位");
        p.MaxLength("MentorCertificate", c.MentorCertificate, 200, "创业导师资格证");
        if (!Enum.IsDefined(c.Education)) p.Add("Education", "请选择学历。");
        if (!Enum.IsDefined(c.Title)) p.Add("Title", "请选择职称。");
        if (c.YearsAtBase is < 0 or > 80) p.Add("YearsAtBase", "在基地工作年限应在0至80之间。");
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

public sealed record SavePartnerCommand(Guid CarrierId, Guid? Id, uint Version, string Name, DateOnly? AgreementFrom, DateOnly? AgreementTo, string Services);

public sealed class SavePartnerHandler(ExemplarDbContext db)
{
    public async Task<SaveResult> HandleAsync(SavePartnerCommand c, CancellationToken ct)
    {
        var p = new Problems();
        p.Required("Name", c.Name, "机构名称");
        p.MaxLength("Name", c.Name, 200, "机构名称");
        p.Required("Services", c.Services, "服务内容");
        p.MaxLength("Services", c.Services, 1000, "服务内容");
        if (c.AgreementFrom is null) p.Add("AgreementFrom", "请填写协议起始日期。");
        if (c.AgreementFrom is { } f && c.AgreementTo is { } t && t < f) p.Add("AgreementTo", "协议截止日期不能早于起始日期。");
        if (p.Any) return p.Result();
        var a = await CarrierRecord.EditOrAddAsync(db, c.Id, c.Version,
            db.Set<PartnerAgency>().Where(x => x.CarrierId == c.CarrierId),
            () => new PartnerAgency { CarrierId = c.CarrierId, Name = c.Name }, "合作机构", ct);
        a.Name = c.Name.Trim(); a.AgreementFrom = c.AgreementFrom!.Value; a.AgreementTo = c.AgreementTo; a.Services = c.Services.Trim();
        return await Problems.SaveAsync(db, a.Id, ct);
    }
}
