using Exemplar.Domain.Organizations;

namespace Exemplar.Domain.Ledger;

/// <summary>One year's figures from an enterprise row (all optional but the year).</summary>
public sealed record EnterpriseYearValues(int Year, int Employees, decimal RevenueWan, int PatentsApplied, int PatentsHeld, int HighTech, int TechSme, int Other);

/// <summary>A valid resident-enterprise row; several rows of one enterprise carry different years.</summary>
public sealed record EnterpriseRowValues(
    string Name, string Uscc, DateOnly EntryDate, DateOnly? ExitDate, string Industry, bool InLeadingIndustry, SizeClass Size,
    string? ContactName, string? ContactPhone, EnterpriseYearValues? Year)
{
    /// <summary>The fields that must agree between rows of the same enterprise.</summary>
    public object Identity => (Name, EntryDate, ExitDate, Industry, InLeadingIndustry, Size, ContactName, ContactPhone);
}

/// <summary>
/// Checks resident-enterprise rows: required fields, the 统一社会信用代码 check character, dates, 是/否, size
/// class and numbers. Rows of the same enterprise (same code) must agree on everything but the year figures,
/// and a year may appear only once per enterprise.
/// </summary>
public sealed class ImportEnterpriseRows(ColumnMap map, DateOnly today)
{
    private readonly Dictionary<string, (long Row, EnterpriseRowValues Values, HashSet<int> Years)> _seen = new(StringComparer.Ordinal);

    public EnterpriseRowValues? Read(long row, IReadOnlyList<string> cells, ImportIssues issues)
    {
        var before = issues.Errors;
        var m = map;
        var name = m.Text(cells, "name", row, issues, RecordLimits.EnterpriseName.MaxLength, "企业名称");
        if (name is null) issues.Error(row, m.Name("name"), "请填写企业名称。");

        var usccText = m.Raw(cells, "uscc").Trim();
        var uscc = "";
        if (!UnifiedSocialCreditCode.TryParse(usccText, out var code, out var error)) issues.Error(row, m.Name("uscc"), usccText.Length == 0 ? error : $"统一社会信用代码“{ColumnMap.Shorten(usccText)}”校验失败：{error}");
        else uscc = code.Value;

        var entry = Date(row, cells, "entry", RecordLimits.EntryDate, issues, required: true);
        var exit = Date(row, cells, "exit", RecordLimits.ExitDate, issues, required: false);
        if (entry is { } a && exit is { } b && b < a) issues.Error(row, m.Name("exit"), $"迁出日期（{DateWindow.Format(b)}）不能早于入驻日期（{DateWindow.Format(a)}）。");

        var industry = m.Text(cells, "industry", row, issues, RecordLimits.Industry.MaxLength, "所属行业");
        if (industry is null) issues.Error(row, m.Name("industry"), "请填写所属行业。");

        var leadingText = m.Raw(cells, "leading");
        if (!ImportValues.TryBool(leadingText, out var leading))
            issues.Error(row, m.Name("leading"), string.IsNullOrWhiteSpace(leadingText) ? "请填写是否属于主导产业（是/否）。" : $"“{ColumnMap.Shorten(leadingText.Trim())}”不是“是”或“否”。");

        var sizeText = m.Text(cells, "size", row, issues, 20, "企业规模");
        SizeClass size = 0;
        if (sizeText is null) issues.Error(row, m.Name("size"), "请填写企业规模（小型、微型或其他）。");
        else if (!LedgerLabels.TryParse(sizeText.TrimEnd('企', '业'), LedgerLabels.Of, out size) || !Enum.IsDefined(size))
            issues.Error(row, m.Name("size"), $"未知的企业规模“{ColumnMap.Shorten(sizeText)}”，应为 小型、微型 或 其他。");

        var contact = m.Text(cells, "contact", row, issues, RecordLimits.ContactName.MaxLength, "联系人");
        var phone = m.Text(cells, "phone", row, issues, RecordLimits.ContactPhone.MaxLength, "联系电话");

        var year = Year(row, cells, issues);

        if (issues.Errors > before) return null;
        var values = new EnterpriseRowValues(name!, uscc, entry!.Value, exit, industry!, leading, size, contact, phone, year);
        if (_seen.TryGetValue(uscc, out var first))
        {
            if (!Equals(first.Values.Identity, values.Identity))
            {
                issues.Error(row, m.Name("uscc"), $"与第{first.Row}行是同一企业（同一统一社会信用代码），但名称、日期、行业、规模或联系方式不一致。");
                return null;
            }
            if (year is not null && !first.Years.Add(year.Year))
            {
                issues.Error(row, m.Name("year"), $"该企业的{year.Year}年度数据已在前面的行中出现。");
                return null;
            }
        }
        else _seen[uscc] = (row, values, year is null ? [] : [year.Year]);
        return values;
    }

    private DateOnly? Date(long row, IReadOnlyList<string> cells, string key, DateWindow window, ImportIssues issues, bool required)
    {
        var text = map.Raw(cells, key);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) issues.Error(row, map.Name(key), $"请填写{window.Label}。");
            return null;
        }
        if (ImportValues.TryDate(text, allowSerial: false, out var d))
        {
            if (window.Check(d, today) is not { } problem) return d;
            issues.Error(row, map.Name(key), problem);
            return null;
        }
        issues.Error(row, map.Name(key), $"日期“{ColumnMap.Shorten(text.Trim())}”无法识别，{ImportValues.DateHint}。");
        return null;
    }

    private EnterpriseYearValues? Year(long row, IReadOnlyList<string> cells, ImportIssues issues)
    {
        string[] figures = ["employees", "revenue", "patentsApplied", "patentsHeld", "highTech", "techSme", "otherOutcomes"];
        var yearText = map.Raw(cells, "year");
        if (string.IsNullOrWhiteSpace(yearText))
        {
            if (figures.Any(f => !string.IsNullOrWhiteSpace(map.Raw(cells, f))))
                issues.Error(row, map.Name("year"), "填写了年度数据（从业人数、营业收入等），请同时填写年度。");
            return null;
        }
        if (!ImportValues.TryInt(yearText, out var year))
        {
            issues.Error(row, map.Name("year"), $"年度“{ColumnMap.Shorten(yearText.Trim())}”不是年份。");
            return null;
        }
        if (RecordLimits.CheckFigureYear(year, today) is { } yearProblem)
        {
            issues.Error(row, map.Name("year"), yearProblem);
            return null;
        }
        int Count(string key, WholeRange range)
        {
            var t = map.Raw(cells, key);
            if (string.IsNullOrWhiteSpace(t)) return 0;
            if (!ImportValues.TryInt(t, out var v)) issues.Error(row, map.Name(key), $"{range.Label}“{ColumnMap.Shorten(t.Trim())}”不是整数。");
            else if (range.Check(v) is { } problem) issues.Error(row, map.Name(key), problem);
            else return v;
            return 0;
        }
        var employees = Count("employees", RecordLimits.Employees);
        var revenueText = map.Raw(cells, "revenue");
        decimal revenue = 0;
        if (!string.IsNullOrWhiteSpace(revenueText))
        {
            if (!ImportValues.TryDecimal(revenueText, out revenue))
                issues.Error(row, map.Name("revenue"), $"营业收入“{ColumnMap.Shorten(revenueText.Trim())}”不是数字（单位万元）。");
            // Spreadsheets store 80.1 as 80.09999999999999: cents are what the figure means.
            else if (RecordLimits.RevenueWan.Check(revenue = Math.Round(revenue, 2)) is { } problem)
                issues.Error(row, map.Name("revenue"), problem);
        }
        return new EnterpriseYearValues(year, employees, revenue, Count("patentsApplied", RecordLimits.PatentsApplied), Count("patentsHeld", RecordLimits.PatentsHeld),
            Count("highTech", RecordLimits.HighTech), Count("techSme", RecordLimits.TechSme), Count("otherOutcomes", RecordLimits.OtherOutcomes));
    }
}
