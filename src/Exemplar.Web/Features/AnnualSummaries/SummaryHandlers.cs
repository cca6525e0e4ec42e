using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>The operator starts (or reopens) the summary of one of its designated bases for a year.</summary>
public sealed record StartSummaryCommand(Guid DesignationId, int Year, Guid? OrganizationId);

/// <summary>Saves the draft's text; with <paramref name="Submit"/> it is checked in full, its figures frozen and it is filed.</summary>
public sealed record SaveSummaryCommand(Guid SummaryId, uint Version, string? Narrative, string? WorkPlan, bool Submit, Guid? OrganizationId, string UserName);

/// <summary>Opens a new version after a submitted one (修订); the submitted one stays as it was filed.</summary>
public sealed record ReviseSummaryCommand(Guid SummaryId, Guid? OrganizationId);

/// <summary>Loads a summary or a designation only when the operator's organisation runs the base (else: not found).</summary>
public sealed class SummaryAccess(ExemplarDbContext db)
{
    public async Task<(Designation Designation, Carrier Carrier)?> OwnDesignationAsync(Guid designationId, Guid? organizationId, CancellationToken ct)
    {
        if (organizationId is null) return null;
        var row = await (from d in db.Set<Designation>() join c in db.Set<Carrier>() on d.CarrierId equals c.Id
                         where d.Id == designationId && c.OrganizationId == organizationId select new { d, c }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.d, row.c);
    }

    public async Task<AnnualSummary?> OwnSummaryAsync(Guid summaryId, Guid? organizationId, CancellationToken ct)
    {
        if (organizationId is null) return null;
        return await (from s in db.Set<AnnualSummary>() join c in db.Set<Carrier>() on s.CarrierId equals c.Id
                      where s.Id == summaryId && c.OrganizationId == organizationId select s).FirstOrDefaultAsync(ct);
    }
}

public sealed class StartSummaryHandler(ExemplarDbContext db, SummaryAccess access, FilingRules rules, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(StartSummaryCommand c, CancellationToken ct)
    {
        if (await access.OwnDesignationAsync(c.DesignationId, c.OrganizationId, ct) is not var (designation, carrier)) return SaveResult.NotFound;
        var p = new Problems();
        var today = ChinaTime.Today(clock);
        var rule = rules.SummaryRule(designation);
        var window = FilingRules.Window(today);
        if (rule is null) p.Add("", "该基地所依据的管理办法未规定年度工作总结。");
        else if (c.Year < window.From || c.Year > window.To) p.Add("Year", $"年度应为{window.From}年或{window.To}年。");
        else if (!FilingRules.Owes(designation, c.Year)) p.Add("Year", $"该基地{c.Year}年度不在认定有效期内，无需报送工作总结。");
        if (p.Any) return p.Result();
        var latest = await db.Set<AnnualSummary>().Where(s => s.DesignationId == designation.Id && s.Year == c.Year)
            .OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);
        if (latest is not null) return SaveResult.Saved(latest.Id);
        var summary = new AnnualSummary
        {
            DesignationId = designation.Id, CarrierId = carrier.Id, Year = c.Year, Number = 1,
            DueDate = rule!.DueFor(c.Year), SubmitTo = rule.Deadline.SubmitTo, Citation = rule.Citation, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(summary);
        db.Actor.Operation = "年度总结.起草";
        return await Problems.SaveAsync(db, summary.Id, ct);
    }
}

public sealed class SaveSummaryHandler(ExemplarDbContext db, SummaryAccess access, FilingRules rules, SummaryFiguresQuery figures, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SaveSummaryCommand c, CancellationToken ct)
    {
        var summary = await access.OwnSummaryAsync(c.SummaryId, c.OrganizationId, ct);
        if (summary is null) return SaveResult.NotFound;
        var p = new Problems();
        if (summary.Status == FilingStatus.Submitted)
        {
            p.Add("", "该版本已提交，内容已固定；如需更正请点击“修订”另起新版本。");
            return p.Result();
        }
        var designation = await db.Set<Designation>().AsNoTracking().FirstAsync(d => d.Id == summary.DesignationId, ct);
        var rule = rules.SummaryRule(designation);
        var asksPlan = rule?.AsksWorkPlan == true;
        var narrative = c.Narrative?.Trim() ?? "";
        var plan = asksPlan ? c.WorkPlan?.Trim() ?? "" : null;
        p.MaxLength("Narrative", narrative, SummaryLimits.Narrative, "工作总结");
        if (plan is not null) p.MaxLength("WorkPlan", plan, SummaryLimits.WorkPlan, "当年工作计划");
        var today = ChinaTime.Today(clock);
        if (c.Submit)
        {
            if (narrative.Length < SummaryLimits.NarrativeMin)
                p.Add("Narrative", $"请填写工作总结，{SummaryLimits.NarrativeMin}至{SummaryLimits.Narrative}个字（现有{narrative.Length}个字）。");
            if (plan is not null && plan.Length < SummaryLimits.WorkPlanMin)
                p.Add("WorkPlan", $"请填写当年工作计划，{SummaryLimits.WorkPlanMin}至{SummaryLimits.WorkPlan}个字（现有{plan.Length}个字）。");
            if (today.Year <= summary.Year)
                p.Add("", $"{summary.Year}年度尚未结束，{summary.Year + 1}年1月1日起才能提交该年度的工作总结（可先保存草稿）。");
        }
        if (p.Any) return p.Result();

        db.Entry(summary).Property(x => x.Version).OriginalValue = c.Version;
        summary.Narrative = narrative;
        summary.WorkPlan = plan;
        db.Actor.Operation = "年度总结.保存草稿";
        if (c.Submit)
        {
            var carrier = await db.Set<Carrier>().AsNoTracking().FirstAsync(x => x.Id == summary.CarrierId, ct);
            summary.FiguresJson = ApplicationJson.Write(await figures.ForAsync(carrier, summary.Year, ct));
            summary.Status = FilingStatus.Submitted;
            summary.SubmittedAt = clock.GetUtcNow();
            summary.SubmittedOn = today;
            summary.DaysLate = new FilingTimeliness(summary.DueDate, today).DaysLate;
            summary.SubmittedByName = c.UserName;
            db.Actor.Operation = "年度总结.提交";
        }
        return await Problems.SaveAsync(db, summary.Id, ct);
    }
}

public sealed class ReviseSummaryHandler(ExemplarDbContext db, SummaryAccess access, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(ReviseSummaryCommand c, CancellationToken ct)
    {
        var summary = await access.OwnSummaryAsync(c.SummaryId, c.OrganizationId, ct);
        if (summary is null) return SaveResult.NotFound;
        var latest = await db.Set<AnnualSummary>().Where(s => s.DesignationId == summary.DesignationId && s.Year == summary.Year)
            .OrderByDescending(s => s.Number).FirstAsync(ct);
        if (latest.Status == FilingStatus.Draft) return SaveResult.Saved(latest.Id);
        var p = new Problems();
        if (latest.Id != summary.Id) { p.Add("", "只能从最新提交的版本修订。"); return p.Result(); }
        var next = new AnnualSummary
        {
            DesignationId = summary.DesignationId, CarrierId = summary.CarrierId, Year = summary.Year, Number = summary.Number + 1,
            Narrative = summary.Narrative, WorkPlan = summary.WorkPlan, DueDate = summary.DueDate, SubmitTo = summary.SubmitTo,
            Citation = summary.Citation, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(next);
        db.Actor.Operation = "年度总结.修订";
        try
        {
            return await Problems.SaveAsync(db, next.Id, ct);
        }
        catch (DbUpdateException)
        {
            // Another request opened the revision first (one draft per base and year).
            p.Add("", "已有一个修订中的版本，请刷新页面。");
            return p.Result();
        }
    }
}
