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
public sealed class ImportEnterpriseRows(ColumnMap map)
{
    private readonly Dictionary<string, (long Row, EnterpriseRowValues Values, HashSet<int> Years)> _seen = new(StringComparer.Ordinal);

    public EnterpriseRowValues? Read(long row, IReadOnlyList<string> cells, ImportIssues issues)
    {
        var before = issues.Errors;
        var m = map;
        var name = m.Text(cells, "name", row, issues, 200, "企业名称");
        if (name is null) issues.Error(row, m.Name("name"), "请填写企业名称。");

        var usccText = m.Raw(cells, "uscc").Trim();
        var uscc = "";
        if (!UnifiedSocialCreditCode.TryParse(usccText, out var code, out var error)) issues.Error(row, m.Name("uscc"), usccText.Length == 0 ? error : $"统一社会信用代码“{ColumnMap.Shorten(usccText)}”校验失败：{error}");
        else uscc = code.Value;

        var entry = Date(row, cells, "entry", "入驻日期", issues, required: true);
        var exit = Date(row, cells, "exit", "迁出日期", issues, required: false);
        if (entry is { } a && exit is { } b && b < a) issues.Error(row, m.Name("exit"), "迁出日期不能早于入驻日期。");

        var industry = m.Text(cells, "industry", row, issues, 100, "所属行业");
        if (industry is null) issues.Error(row, m.Name("industry"), "请填写所属行业。");

        var leadingText = m.Raw(cells, "leading");
        if (!ImportValues.TryBool(leadingText, out var leading))
            issues.Error(row, m.Name("leading"), string.IsNullOrWhiteSpace(leadingText) ? "请填写是否属于主导产业（是/否）。" : $"“{ColumnMap.Shorten(leadingText.Trim())}”不是“是”或“否”。");

        var sizeText = m.Text(cells, "size", row, issues, 20, "企业规模");
        SizeClass size = 0;
        if (sizeText is null) issues.Error(row, m.Name("size"), "请填写企业规模（小型、微型或其他）。");
        else if (!LedgerLabels.TryParse(sizeText.TrimEnd('企', '业'), LedgerLabels.Of, out size) || !Enum.IsDefined(size))
            issues.Error(row, m.Name("size"), $"未知的企业规模“{ColumnMap.Shorten(sizeText)}”，应为 小型、微型 或 其他。");

        var contact = m.Text(cells, "contact", row, issues, 50, "联系人");
        var phone = m.Text(cells, "phone", row, issues, 30, "联系电话");

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

    private DateOnly? Date(long row, IReadOnlyList<string> cells, string key, string label, ImportIssues issues, bool required)
    {
        var text = map.Raw(cells, key);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) issues.Error(row, map.Name(key), $"请填写{label}。");
            return null;
        }
        if (ImportValues.TryDate(text, allowSerial: false, out var d)) return d;
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
        if (!ImportValues.TryInt(yearText, out var year) || year is < 2000 or > 2100)
        {
            issues.Error(row, map.Name("year"), $"年度“{ColumnMap.Shorten(yearText.Trim())}”无效，应为2000至2100之间的年份。");
            return null;
        }
        int Count(string key, string label)
        {
            var t = map.Raw(cells, key);
            if (string.IsNullOrWhiteSpace(t)) return 0;
            if (ImportValues.TryInt(t, out var v) && v >= 0) return v;
            issues.Error(row, map.Name(key), $"{label}“{ColumnMap.Shorten(t.Trim())}”不是非负整数。");
            return 0;
        }
        var employees = Count("employees", "从业人数");
        var revenueText = map.Raw(cells, "revenue");
        decimal revenue = 0;
        if (!string.IsNullOrWhiteSpace(revenueText) && (!ImportValues.TryDecimal(revenueText, out revenue) || revenue < 0 || revenue >= 1_000_000_000_000m))
            issues.Error(row, map.Name("revenue"), $"营业收入“{ColumnMap.Shorten(revenueText.Trim())}”不是有效的非负数字（单位万元）。");
        return new EnterpriseYearValues(year, employees, Math.Round(revenue, 2), Count("patentsApplied", "专利申请数"), Count("patentsHeld", "专利拥有数"),
            Count("highTech", "高新技术企业认定"), Count("techSme", "科技型中小企业认定"), Count("otherOutcomes", "其他创新成果"));
    }
}
