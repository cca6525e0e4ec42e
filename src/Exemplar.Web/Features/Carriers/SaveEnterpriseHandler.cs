using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Ledger;
using Exemplar.Domain.Organizations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Carriers;

public sealed record YearFigureInput(
    [Display(Name = "年度")] int Year, [Display(Name = "从业人员")] int Employees, [Display(Name = "营业收入")] decimal RevenueWan,
    [Display(Name = "专利申请")] int PatentsApplied, [Display(Name = "拥有专利")] int PatentsHeld, [Display(Name = "高新技术企业认定")] int HighTech,
    [Display(Name = "科技型中小企业认定")] int TechSme, [Display(Name = "其他创新成果")] int Other);

public sealed record SaveEnterpriseCommand(
    Guid CarrierId, Guid? Id, uint Version, string Name, string Uscc, DateOnly? EntryDate, DateOnly? ExitDate, string Industry,
    bool InLeadingIndustry, SizeClass SizeClass, string? ContactName, string? ContactPhone, IReadOnlyList<YearFigureInput> Years);

public sealed class SaveEnterpriseHandler(ExemplarDbContext db, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SaveEnterpriseCommand c, CancellationToken ct)
    {
        var p = Validate(c, Infrastructure.ChinaTime.Today(clock));
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

    public static Problems Validate(SaveEnterpriseCommand c, DateOnly today)
    {
        var p = new Problems();
        p.Required("Name", c.Name, "企业名称");
        p.Check("Name", RecordLimits.EnterpriseName.Check(c.Name));
        if (!UnifiedSocialCreditCode.TryParse(c.Uscc, out _, out var error)) p.Add("Uscc", error);
        if (c.EntryDate is not { } from) p.Add("EntryDate", "请填写入驻日期。");
        else p.Check("EntryDate", RecordLimits.EntryDate.Check(from, today));
        if (c.ExitDate is { } to)
        {
            if (c.EntryDate is { } start && to < start) p.Add("ExitDate", $"迁出日期（{DateWindow.Format(to)}）不能早于入驻日期（{DateWindow.Format(start)}）。");
            else p.Check("ExitDate", RecordLimits.ExitDate.Check(to, today));
        }
        p.Required("Industry", c.Industry, "所属行业");
        p.Check("Industry", RecordLimits.Industry.Check(c.Industry));
        if (!Enum.IsDefined(c.SizeClass)) p.Add("SizeClass", "请选择企业规模。");
        p.Check("ContactName", RecordLimits.ContactName.Check(c.ContactName));
        p.Check("ContactPhone", RecordLimits.ContactPhone.Check(c.ContactPhone));
        if (c.Years.Select(y => y.Year).Distinct().Count() != c.Years.Count) p.Add("Years", "同一年度的数据只能填写一行。");
        foreach (var y in c.Years)
        {
            if (RecordLimits.CheckFigureYear(y.Year, today) is { } yearProblem) { p.Add("Years", yearProblem); continue; }
            void Figure(WholeRange r, int v) => p.Check("Years", r.Check(v) is { } m ? $"{y.Year}年{m}" : null);
            Figure(RecordLimits.Employees, y.Employees);
            p.Check("Years", RecordLimits.RevenueWan.Check(y.RevenueWan) is { } revenue ? $"{y.Year}年{revenue}" : null);
            Figure(RecordLimits.PatentsApplied, y.PatentsApplied);
            Figure(RecordLimits.PatentsHeld, y.PatentsHeld);
            Figure(RecordLimits.HighTech, y.HighTech);
            Figure(RecordLimits.TechSme, y.TechSme);
            Figure(RecordLimits.OtherOutcomes, y.Other);
        }
        return p;
    }
}
