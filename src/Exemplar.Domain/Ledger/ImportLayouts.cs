using System.Text;

namespace Exemplar.Domain.Ledger;

/// <summary>One column of a template: its key in code, the header people see (with * when required) and a hint.</summary>
public sealed record ImportColumn(string Key, string Header, bool Required, string Hint)
{
    /// <summary>The header as matched: without *, without the part in brackets, without spaces.</summary>
    public string MatchName => ImportLayout.NormaliseHeader(Header);
}

/// <summary>The columns of a template (the same headers are used for exports, so an export can be imported again).</summary>
public sealed class ImportLayout(string kind, string title, IReadOnlyList<ImportColumn> columns)
{
    public string Kind { get; } = kind;
    public string Title { get; } = title;
    public IReadOnlyList<ImportColumn> Columns { get; } = columns;

    public static readonly ImportLayout Ledger = new("ledger", "服务台账", [
        new("function", "服务功能*", true, "填写服务功能名称，如 信息服务、创业辅导、创新支持、人员培训、市场营销、投融资服务、管理咨询、专业服务、产业链服务、技术服务、创业服务"),
        new("date", "服务日期*", true, ImportValues.DateHint),
        new("place", "服务地点*", true, "最多200字"),
        new("form", "服务形式*", true, "活动、一对一服务 或 培训"),
        new("topic", "活动类别", false, "无、展览展销、产品对接、银企对接 或 融资知识讲座；可留空"),
        new("residents", "参与入驻企业（统一社会信用代码或名称，多家用顿号分隔）", false, "须是本基地已登记的入驻企业；可写 名称（统一社会信用代码）"),
        new("others", "其他参与企业（名称，多家用顿号分隔）", false, "非入驻企业的名称"),
        new("persons", "人数*", true, $"参加人数，{RecordLimits.PersonCount.Min}至{RecordLimits.PersonCount.Max}之间的整数"),
        new("fee", "收费类别*", true, "公益免费、低收费 或 市场收费"),
        new("provider", "服务提供方（合作机构名称，基地自行提供的留空）", false, "须是本基地已登记的合作机构"),
        new("request", "服务需求", false, "最多2000字"),
        new("outcome", "服务成果", false, "最多2000字"),
        new("feedback", "企业反馈", false, "最多2000字；留空将在异常提示中列为“缺少企业反馈”"),
    ]);

    public static readonly ImportLayout Enterprises = new("enterprises", "入驻企业名录", [
        new("name", "企业名称*", true, "最多200字"),
        new("uscc", "统一社会信用代码*", true, "18位，系统会核对校验位"),
        new("entry", "入驻日期*", true, ImportValues.DateHint),
        new("exit", "迁出日期", false, "仍在基地的留空"),
        new("industry", "所属行业*", true, "最多100字"),
        new("leading", "属于主导产业（是/否）*", true, "是 或 否"),
        new("size", "企业规模（小型/微型/其他）*", true, "小型、微型 或 其他"),
        new("contact", "联系人", false, "最多50字"),
        new("phone", "联系电话", false, "最多30字"),
        new("year", "年度", false, "下列年度数据所属年份，如 2025；同一企业多个年度可写多行"),
        new("employees", "从业人数", false, $"{RecordLimits.Employees.Min}至{RecordLimits.Employees.Max}之间的整数"),
        new("revenue", "营业收入（万元）", false, "数字"),
        new("patentsApplied", "专利申请数", false, "整数"),
        new("patentsHeld", "专利拥有数", false, "整数"),
        new("highTech", "高新技术企业认定", false, "当年获得认定填 1，未获得填 0"),
        new("techSme", "科技型中小企业认定", false, "当年获得认定填 1，未获得填 0"),
        new("otherOutcomes", "其他创新成果", false, "数量，整数"),
    ]);

    public static ImportLayout? For(string? kind) => kind switch { "ledger" => Ledger, "enterprises" => Enterprises, _ => null };

    public static string NormaliseHeader(string? header)
    {
        var sb = new StringBuilder();
        var depth = 0;
        foreach (var c in (header ?? "").Replace("\uFEFF", ""))
        {
            if (c is '（' or '(') { depth++; continue; }
            if (c is '）' or ')') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0 || c is '*' or '＊' || char.IsWhiteSpace(c)) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Finds the columns by their headers (any order). A missing required column is an error on row 1; an
    /// unknown column is a warning (ignored); a column named twice is an error.
    /// </summary>
    public ColumnMap Map(IReadOnlyList<string> header, ImportIssues issues)
    {
        var byName = Columns.ToDictionary(c => c.MatchName, StringComparer.Ordinal);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = NormaliseHeader(header[i]);
            if (name.Length == 0) continue;
            if (!byName.TryGetValue(name, out var column))
            {
                issues.Warning(1, ImportIssue.ColumnName(i, header[i].Trim()), $"未识别的列“{header[i].Trim()}”，已忽略。");
                continue;
            }
            if (!positions.TryAdd(column.Key, i))
                issues.Error(1, ImportIssue.ColumnName(i, header[i].Trim()), $"列“{name}”出现了两次。");
        }
        foreach (var c in Columns.Where(c => c.Required && !positions.ContainsKey(c.Key)))
            issues.Error(1, c.MatchName, $"缺少必填列“{c.MatchName}”。请使用本页提供的模板，第1行为列名。");
        return new ColumnMap(this, positions);
    }
}

/// <summary>Where each column of a layout is in the file, and typed access to a row's cells.</summary>
public sealed class ColumnMap(ImportLayout layout, IReadOnlyDictionary<string, int> positions)
{
    private readonly Dictionary<string, string> _names = layout.Columns.ToDictionary(c => c.Key,
        c => positions.TryGetValue(c.Key, out var i) ? ImportIssue.ColumnName(i, c.MatchName) : c.MatchName, StringComparer.Ordinal);

    public ImportLayout Layout { get; } = layout;
    public bool Has(string key) => positions.ContainsKey(key);

    /// <summary>"C（服务日期）" for the report.</summary>
    public string Name(string key) => _names[key];

    /// <summary>The raw cell (empty when the column or cell is absent).</summary>
    public string Raw(IReadOnlyList<string> cells, string key) =>
        positions.TryGetValue(key, out var i) && i < cells.Count ? cells[i] : "";

    /// <summary>
    /// A text cell as it will be stored: trimmed, an export's apostrophe removed, null when blank. Text that
    /// starts like a formula is kept as plain text and noted (<see cref="ImportCells.FlagMessage"/>); text
    /// longer than <paramref name="maxLength"/> is an error.
    /// </summary>
    public string? Text(IReadOnlyList<string> cells, string key, long row, ImportIssues issues, int maxLength, string label)
    {
        var raw = Raw(cells, key);
        if (raw.Length == 0) return null;
        var text = ImportCells.FromImport(raw, out var formulaLike).Trim();
        if (formulaLike || ImportCells.IsFormulaLike(text)) issues.Notice(row, Name(key), $"{ImportCells.FlagMessage}：“{Shorten(text)}”");
        if (text.Length == 0) return null;
        if (text.Length > maxLength) issues.Error(row, Name(key), $"{label}不能超过{maxLength}个字，此处有{text.Length}个字。");
        return text;
    }

    public static string Shorten(string s) => s.Length <= 30 ? s : s[..30] + "…";

    /// <summary>Whether every cell of the row is blank (such rows are skipped, as spreadsheets often end with some).</summary>
    public static bool IsBlank(IReadOnlyList<string> cells)
    {
        foreach (var c in cells) if (!string.IsNullOrWhiteSpace(c)) return false;
        return true;
    }
}
