using Exemplar.Domain.Calendar;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>The officer acting: role and jurisdiction (the report's author is the authority of that jurisdiction).</summary>
public sealed record ReportingOfficer(Role? Role, string? JurisdictionCode, string Name);

public sealed record StartReportCommand(string? ProgrammeId, int Year, ReportingOfficer Officer);

/// <param name="Findings">"{designationId:N}:{item index}" → the finding.</param>
public sealed record SaveReportCommand(Guid ReportId, uint Version, IReadOnlyDictionary<string, string?> Findings, string? Narrative, string? WorkPlan,
    bool Submit, ReportingOfficer Officer);

/// <summary>A base of the report's area as the check form lists it, with its latest submitted summary for the year.</summary>
public sealed record AreaBase(Guid DesignationId, Guid CarrierId, string BaseName, string JurisdictionCode, Guid? SummaryId, int? SummaryDaysLate);

/// <summary>Who may file a programme's local report: the officer roles of <c>localChecks.roles</c>, in the programme's region.</summary>
public sealed class ReportScope(FilingRules rules, JurisdictionTreeCache trees, ExemplarDbContext db)
{
    public async Task<IReadOnlyList<PolicyVersion>> ProgrammesForAsync(ReportingOfficer o, DateOnly today, CancellationToken ct)
    {
        if (o.Role is not { } role || o.JurisdictionCode is not { } code) return [];
        var tree = await trees.GetAsync(ct);
        return [.. rules.ReportingProgrammes(today).Where(p => p.Management.LocalChecks!.Roles.Contains(role.ToString())
            && ProgrammePolicies.RegionOf(p, tree) is { } region && tree.SubtreeCodes(region).Contains(code))];
    }

    /// <summary>The designations of the programme in the jurisdiction's area owing a summary for the year, by base name.</summary>
    public async Task<IReadOnlyList<AreaBase>> AreaBasesAsync(string programmeId, string jurisdictionCode, int year, CancellationToken ct)
    {
        var codes = (await trees.GetAsync(ct)).SubtreeCodes(jurisdictionCode).ToList();
        var list = await (from d in db.Set<Designation>().AsNoTracking()
                          join c in db.Set<Carrier>().AsNoTracking() on d.CarrierId equals c.Id
                          where d.ProgrammeId == programmeId && codes.Contains(c.JurisdictionCode)
                          orderby c.Name
                          select new { d, c.Name, c.JurisdictionCode }).ToListAsync(ct);
        var owing = list.Where(x => FilingRules.Owes(x.d, year)).ToList();
        var ids = owing.Select(x => x.d.Id).ToList();
        var submitted = (await db.Set<AnnualSummary>().AsNoTracking()
                .Where(s => ids.Contains(s.DesignationId) && s.Year == year && s.Status == FilingStatus.Submitted).ToListAsync(ct))
            .ToLookup(s => s.DesignationId);
        var filed = owing.Where(x => submitted[x.d.Id].Any()).ToDictionary(x => x.d.Id, x => submitted[x.d.Id].MaxBy(s => s.Number)!);
        var firstLate = owing.Where(x => submitted[x.d.Id].Any()).ToDictionary(x => x.d.Id, x => submitted[x.d.Id].MinBy(s => s.SubmittedAt)!.DaysLate);
        return [.. owing.Select(x => new AreaBase(x.d.Id, x.d.CarrierId, x.Name, x.JurisdictionCode,
            filed.GetValueOrDefault(x.d.Id)?.Id, firstLate.GetValueOrDefault(x.d.Id)))];
    }

    /// <summary>The officer's own report (their jurisdiction) — others are not found.</summary>
    public Task<AnnualReport?> OwnReportAsync(Guid id, ReportingOfficer o, CancellationToken ct) =>
        db.Set<AnnualReport>().FirstOrDefaultAsync(r => r.Id == id && r.JurisdictionCode == o.JurisdictionCode, ct);
}

public sealed class StartReportHandler(ExemplarDbContext db, ReportScope scope, FilingRules rules, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(StartReportCommand c, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var programme = (await scope.ProgrammesForAsync(c.Officer, today, ct)).FirstOrDefault(p => p.Id == c.ProgrammeId);
        var p = new Problems();
        var window = FilingRules.Window(today);
        if (programme is null) p.Add("ProgrammeId", "请选择本单位负责检查和年度报告的示范基地项目。");
        if (c.Year < window.From || c.Year > window.To) p.Add("Year", $"年度应为{window.From}年或{window.To}年。");
        if (p.Any) return p.Result();
        var existing = await db.Set<AnnualReport>().FirstOrDefaultAsync(r => r.JurisdictionCode == c.Officer.JurisdictionCode
            && r.ProgrammeId == programme!.Id && r.Year == c.Year, ct);
        if (existing is not null) return SaveResult.Saved(existing.Id);
        var rule = rules.ReportRule(programme!.Id, today)!;
        var report = new AnnualReport
        {
            JurisdictionCode = c.Officer.JurisdictionCode!, ProgrammeId = programme.Id, Year = c.Year, DueDate = rule.DueFor(c.Year),
            SubmitTo = rule.Deadline.SubmitTo, Citation = rule.Citation, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(report);
        db.Actor.Operation = "年度报告.起草";
        try
        {
            return await Problems.SaveAsync(db, report.Id, ct);
        }
        catch (DbUpdateException)
        {
            p.Add("", "本单位该年度的报告已由他人创建，请刷新页面。");
            return p.Result();
        }
    }
}

public sealed class SaveReportHandler(ExemplarDbContext db, ReportScope scope, FilingRules rules, AreaTotalsQuery totals,
    JurisdictionTreeCache trees, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SaveReportCommand c, CancellationToken ct)
    {
        var report = await scope.OwnReportAsync(c.ReportId, c.Officer, ct);
        var today = ChinaTime.Today(clock);
        if (report is null || !(await scope.ProgrammesForAsync(c.Officer, today, ct)).Any(x => x.Id == report.ProgrammeId)) return SaveResult.NotFound;
        var p = new Problems();
        if (report.Status == FilingStatus.Submitted) { p.Add("", "该报告已提交，内容已固定，不能再修改。"); return p.Result(); }
        var rule = rules.ReportRule(report.ProgrammeId, today)!;
        var items = rule.Policy.Management.LocalChecks!.Items;
        var bases = await scope.AreaBasesAsync(report.ProgrammeId, report.JurisdictionCode, report.Year, ct);
        var known = bases.SelectMany(b => items.Select((_, i) => Key(b.DesignationId, i))).ToHashSet();
        if (c.Findings.Keys.Any(k => !known.Contains(k))) p.Add("", "提交的检查项不属于本辖区的示范基地，请刷新页面后重试。");
        var checks = new List<BaseCheck>();
        foreach (var b in bases)
        {
            var findings = new List<CheckFinding>();
            for (var i = 0; i < items.Count; i++)
            {
                var key = Key(b.DesignationId, i);
                var text = c.Findings.GetValueOrDefault(key)?.Trim() ?? "";
                var label = $"“{b.BaseName}”的“{items[i]}”检查情况";
                if (text.Length > SummaryLimits.Finding) p.Add($"Findings[{key}]", $"{label}不能超过{SummaryLimits.Finding}个字。");
                else if (c.Submit && text.Length == 0) p.Add($"Findings[{key}]", $"请填写{label}（1至{SummaryLimits.Finding}个字）。");
                findings.Add(new CheckFinding(items[i], text));
            }
            checks.Add(new BaseCheck(b.DesignationId, b.CarrierId, b.BaseName, b.SummaryId, findings));
        }
        var narrative = c.Narrative?.Trim() ?? "";
        var plan = rule.AsksWorkPlan ? c.WorkPlan?.Trim() ?? "" : null;
        p.MaxLength("Narrative", narrative, SummaryLimits.ReportNarrative, "检查情况报告");
        if (plan is not null) p.MaxLength("WorkPlan", plan, SummaryLimits.WorkPlan, "当年工作计划");
        if (c.Submit)
        {
            if (narrative.Length < SummaryLimits.ReportNarrativeMin)
                p.Add("Narrative", $"请填写检查情况报告，{SummaryLimits.ReportNarrativeMin}至{SummaryLimits.ReportNarrative}个字（现有{narrative.Length}个字）。");
            if (plan is not null && plan.Length < SummaryLimits.WorkPlanMin)
                p.Add("WorkPlan", $"请填写当年工作计划，{SummaryLimits.WorkPlanMin}至{SummaryLimits.WorkPlan}个字（现有{plan.Length}个字）。");
            if (today.Year <= report.Year)
                p.Add("", $"{report.Year}年度尚未结束，{report.Year + 1}年1月1日起才能提交该年度的报告（可先保存草稿）。");
        }
        if (p.Any) return p.Result();

        db.Entry(report).Property(x => x.Version).OriginalValue = c.Version;
        report.ChecksJson = ApplicationJson.Write(checks);
        report.Narrative = narrative;
        report.WorkPlan = plan;
        db.Actor.Operation = "年度报告.保存草稿";
        if (c.Submit)
        {
            var codes = (await trees.GetAsync(ct)).SubtreeCodes(report.JurisdictionCode);
            report.TotalsJson = ApplicationJson.Write(await totals.ForAsync(report.ProgrammeId, codes, report.Year, ct));
            report.Status = FilingStatus.Submitted;
            report.SubmittedAt = clock.GetUtcNow();
            report.SubmittedOn = today;
            report.DaysLate = new FilingTimeliness(report.DueDate, today).DaysLate;
            report.SubmittedByName = c.Officer.Name;
            db.Actor.Operation = "年度报告.提交";
        }
        return await Problems.SaveAsync(db, report.Id, ct);
    }

    public static string Key(Guid designationId, int item) => $"{designationId:N}:{item}";
}
