using Exemplar.Domain.Ledger;
using Exemplar.Domain.Organizations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Carriers;

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
