using Exemplar.Domain.Ledger;

namespace Exemplar.Web.Features.Documents.Applications;

/// <summary>
/// One year of 小微企业创业情况: residents and small/micro residents at the year's end, their employees and revenue
/// (<see cref="Employees"/> counts every resident's employees, as 西藏办法第六条（二）“从业人员” does).
/// </summary>
public sealed record StartupYear(int Year, int Residents, int SmallMicro, int SmallMicroEmployees, decimal SmallMicroRevenueWan, int Employees);

/// <summary>One row of 小微企业创新情况: an outcome category and its count per year (small/micro residents at each year's end).</summary>
public sealed record InnovationRow(string Category, IReadOnlyList<int> PerYear)
{
    public int Total => PerYear.Sum();
}

/// <summary>
/// The figures a form prints, counted from the application's records with the ledger's metric functions
/// (<see cref="LedgerMetrics"/>), so paper, metrics page and eligibility engine agree.
/// </summary>
public sealed class ApplicationFigures
{
    private readonly ApplicationDocumentData _data;
    private readonly List<ResidentFact> _residentFacts;

    public ApplicationFigures(ApplicationDocumentData data, QualificationRule? qualification = null)
    {
        _data = data;
        _residentFacts = data.Residents.Select(r => r.ToFact()).ToList();
        Staff = LedgerMetrics.Staff(data.Staff.Select(s => s.ToFact()), qualification ?? QualificationRule.Kunming);
        Volumes = ServiceFunctions.Base.Where(f => f != ServiceFunction.IndustryChainService)
            .ToDictionary(f => f, f => LedgerMetrics.Volume(data.Entries, f, data.ReportYear));
        FeeShare = LedgerMetrics.FreeOrLowFeeShare(data.Entries, data.ReportYear);
        Satisfaction = LedgerMetrics.Satisfaction(OverallAnswers);
        Current = LedgerMetrics.Residents(_residentFacts, data.ListedOn);
    }

    /// <summary>专职服务人员, of whom qualified (学历或职称), and 创业导师.</summary>
    public StaffRatio Staff { get; }

    /// <summary>The eight base functions' volumes in the report year (家次, 户, 次, 人次).</summary>
    public IReadOnlyDictionary<ServiceFunction, FunctionVolume> Volumes { get; }

    /// <summary>公益性或低收费服务 share of all service, counted in 家次, in the report year.</summary>
    public FeeShare FeeShare { get; }

    /// <summary>Overall satisfaction: satisfied enterprises ÷ answering enterprises.</summary>
    public SatisfactionRate Satisfaction { get; }

    /// <summary>Residents on <see cref="ApplicationDocumentData.ListedOn"/>.</summary>
    public ResidentSnapshot Current { get; }

    public IEnumerable<SatisfactionAnswer> OverallAnswers => _data.SurveyAnswers.Where(a => a.Function is null);

    /// <summary>Partner agencies whose agreement runs on <see cref="ApplicationDocumentData.ListedOn"/>.</summary>
    public IReadOnlyList<ApplicantPartner> ActivePartners => _data.Partners.Where(p => p.ActiveOn(_data.ListedOn)).OrderBy(p => p.From).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    /// <summary>Residents on <see cref="ApplicationDocumentData.ListedOn"/>, by date of entry (入驻企业（项目）名录表: 顺序按企业入驻基地年份).</summary>
    public IReadOnlyList<ApplicantResident> CurrentResidents => _data.Residents
        .Where(r => r.EntryDate <= _data.ListedOn && (r.ExitDate is null || r.ExitDate >= _data.ListedOn))
        .OrderBy(r => r.EntryDate).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

    /// <summary>Age of the base in whole years on the day the form was filled (null when the date is unknown).</summary>
    public int? YearsSince(DateOnly? since)
    {
        if (since is not { } s) return null;
        var d = _data.FilledOn;
        var years = d.Year - s.Year;
        if (d.Month < s.Month || (d.Month == s.Month && d.Day < s.Day)) years--;
        return years;
    }

    public StartupYear Startup(int year)
    {
        var end = new DateOnly(year, 12, 31);
        var snapshot = LedgerMetrics.Residents(_residentFacts, end);
        var revenue = _data.Residents
            .Where(r => r.ToFact() is { IsSmallOrMicro: true } f && f.ResidentOn(end))
            .Sum(r => r.For(year)?.RevenueWan ?? 0m);
        return new StartupYear(year, snapshot.Total, snapshot.SmallMicro, snapshot.SmallMicroEmployees, revenue, snapshot.Employees);
    }

    /// <summary>小微企业创新情况 per category over <see cref="ApplicationDocumentData.FigureYears"/>.</summary>
    public IReadOnlyList<InnovationRow> Innovation()
    {
        var years = _data.FigureYears;
        InnovationRow Row(string category, Func<ApplicantResidentYear, int> count) => new(category, years.Select(y =>
        {
            var end = new DateOnly(y, 12, 31);
            return _data.Residents.Where(r => r.Size is SizeClass.Small or SizeClass.Micro && r.EntryDate <= end && (r.ExitDate is null || r.ExitDate >= end))
                .Sum(r => r.For(y) is { } f ? count(f) : 0);
        }).ToList());
        return
        [
            Row("基地内小微企业专利申请（件）", f => f.PatentsApplied),
            Row("基地内小微企业拥有专利（件）", f => f.PatentsHeld),
            Row("高新技术企业（户）", f => f.HighTechRecognitions),
            Row("科技型中小企业（户）", f => f.TechSmeRecognitions),
            Row("其他创新成果（个）", f => f.OtherOutcomes),
        ];
    }

    /// <summary>Services an enterprise received in the report year, as “信息服务3次、人员培训1次” (满意度评价表 服务内容简述).</summary>
    public string ServicesReceived(Guid enterpriseId)
    {
        var parts = _data.Entries
            .Where(e => e.Date.Year == _data.ReportYear && e.Participants.Any(p => p.ResidentId == enterpriseId))
            .GroupBy(e => e.Function)
            .OrderBy(g => g.Key)
            .Select(g => $"{ServiceFunctions.Label(g.Key)}{g.Count()}次");
        return string.Join("、", parts);
    }

    /// <summary>An innovation outcome line of a resident for the 名录表 (“专利申请2件、拥有专利1件”).</summary>
    public static string OutcomesText(ApplicantResidentYear? y)
    {
        if (y is null) return "";
        var parts = new List<string>();
        if (y.PatentsApplied > 0) parts.Add($"专利申请{y.PatentsApplied}件");
        if (y.PatentsHeld > 0) parts.Add($"拥有专利{y.PatentsHeld}件");
        if (y.HighTechRecognitions > 0) parts.Add("高新技术企业");
        if (y.TechSmeRecognitions > 0) parts.Add("科技型中小企业");
        if (y.OtherOutcomes > 0) parts.Add($"其他成果{y.OtherOutcomes}项");
        return string.Join("、", parts);
    }
}
