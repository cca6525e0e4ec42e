using System.Text.RegularExpressions;
using Exemplar.Domain.Organizations;

namespace Exemplar.Domain.Ledger;

/// <summary>A resident enterprise of the carrier, as the importer matches ledger rows against it.</summary>
public sealed record ImportResident(Guid Id, string Name, string Uscc, DateOnly EntryDate, DateOnly? ExitDate)
{
    public bool ResidentOn(DateOnly date) => EntryDate <= date && (ExitDate is null || ExitDate.Value >= date);
}

public sealed record ImportPartner(Guid Id, string Name);

/// <summary>A valid ledger row, ready to be written.</summary>
public sealed record LedgerRowValues(
    ServiceFunction Function, DateOnly Date, string Place, ServiceForm Form, EventTopic Topic,
    IReadOnlyList<Guid> ResidentIds, IReadOnlyList<string> OtherNames, int PersonCount, FeeClass Fee, Guid? PartnerAgencyId,
    string? RequestText, string? OutcomeText, string? Feedback);

/// <summary>
/// Checks one ledger row and turns it into <see cref="LedgerRowValues"/>; every problem goes to the report with
/// its row and column. Errors: unknown service function, form or fee class, a date that cannot be read, a
/// 统一社会信用代码 whose check character is wrong, an enterprise or partner agency the base has not registered,
/// a head-count that is not a whole number. Warnings (the row is still imported, and the metrics page flags
/// it as an anomaly): a date outside an enterprise's residency, an implausible head-count.
/// </summary>
public sealed partial class ImportLedgerRows
{
    private readonly ColumnMap _map;
    private readonly Dictionary<string, ImportResident> _byUscc;
    private readonly ILookup<string, ImportResident> _byName;
    private readonly ILookup<string, ImportPartner> _partners;

    private readonly DateOnly _today;
    private readonly DateOnly? _established;

    /// <param name="today">Beijing's date: a service date may not lie after it.</param>
    /// <param name="established">The base's founding date: a service date may not lie before it.</param>
    public ImportLedgerRows(ColumnMap map, IEnumerable<ImportResident> residents, IEnumerable<ImportPartner> partners, DateOnly today, DateOnly? established = null)
    {
        _map = map;
        _today = today;
        _established = established;
        var list = residents.ToList();
        _byUscc = list.GroupBy(r => r.Uscc.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byName = list.ToLookup(r => r.Name.Trim(), StringComparer.Ordinal);
        _partners = partners.ToLookup(p => p.Name.Trim(), StringComparer.Ordinal);
    }

    public static readonly int MaxPlace = RecordLimits.Place.MaxLength, MaxText = RecordLimits.OutcomeText.MaxLength, MaxName = RecordLimits.OtherName.MaxLength;

    public static readonly string FunctionChoices = string.Join("、", ServiceFunctions.All.Select(ServiceFunctions.Label));

    public LedgerRowValues? Read(long row, IReadOnlyList<string> cells, ImportIssues issues)
    {
        var before = issues.Errors;
        var m = _map;

        var functionText = m.Text(cells, "function", row, issues, 50, "服务功能");
        ServiceFunction function = 0;
        if (functionText is null) issues.Error(row, m.Name("function"), "请填写服务功能。");
        else if (!TryFunction(functionText, out function))
            issues.Error(row, m.Name("function"), $"未知的服务功能“{ColumnMap.Shorten(functionText)}”，应为以下之一：{FunctionChoices}。");

        var dateText = m.Raw(cells, "date");
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(dateText)) issues.Error(row, m.Name("date"), "请填写服务日期。");
        else if (!ImportValues.TryDate(dateText, allowSerial: false, out date))
            issues.Error(row, m.Name("date"), $"日期“{ColumnMap.Shorten(dateText.Trim())}”无法识别，{ImportValues.DateHint}。");
        else if (RecordLimits.ServiceDate.Check(date, _today, _established, "基地成立日期") is { } dateProblem)
        {
            issues.Error(row, m.Name("date"), dateProblem);
            date = default;
        }

        var place = m.Text(cells, "place", row, issues, MaxPlace, "服务地点");
        if (place is null) issues.Error(row, m.Name("place"), "请填写服务地点。");

        var form = Choice<ServiceForm>(row, cells, "form", "服务形式", LedgerLabels.Of, FormAliases, issues, required: true);
        var topic = Choice<EventTopic>(row, cells, "topic", "活动类别", LedgerLabels.Of, TopicAliases, issues, required: false);
        var fee = Choice<FeeClass>(row, cells, "fee", "收费类别", LedgerLabels.Of, FeeAliases, issues, required: true);

        var personsText = m.Raw(cells, "persons");
        var persons = 0;
        if (string.IsNullOrWhiteSpace(personsText)) issues.Error(row, m.Name("persons"), "请填写人数。");
        else if (!ImportValues.TryInt(personsText, out persons))
            issues.Error(row, m.Name("persons"), $"人数“{ColumnMap.Shorten(personsText.Trim())}”不是整数。");
        else if (RecordLimits.PersonCount.Check(persons) is { } personsProblem) issues.Error(row, m.Name("persons"), personsProblem);

        var residentIds = new List<Guid>();
        foreach (var token in ImportValues.SplitList(m.Text(cells, "residents", row, issues, int.MaxValue, "参与入驻企业")))
        {
            var r = Resident(row, token, issues);
            if (r is null || residentIds.Contains(r.Id)) continue;
            residentIds.Add(r.Id);
            if (date != default && !r.ResidentOn(date))
                issues.Warning(row, m.Name("residents"),
                    $"“{r.Name}”的入驻期为{Format(r.EntryDate)}至{(r.ExitDate is { } x ? Format(x) : "今")}，服务日期{Format(date)}不在其中（仍会导入，并在异常提示中列出）。");
        }

        var othersText = m.Text(cells, "others", row, issues, int.MaxValue, "其他参与企业");
        var others = ImportValues.SplitList(othersText).Distinct(StringComparer.Ordinal).ToList();
        // Each name is stored on its own, so a name inside the list that starts like a formula is noted too.
        if (othersText is not null && !ImportCells.NeedsApostrophe(othersText) && others.FirstOrDefault(n => ImportCells.NeedsApostrophe(n)) is { } formula)
            issues.Notice(row, m.Name("others"), $"{ImportCells.FlagMessage}：“{ColumnMap.Shorten(formula)}”");
        foreach (var n in others.Where(n => n.Length > MaxName))
            issues.Error(row, m.Name("others"), $"企业名称“{ColumnMap.Shorten(n)}”超过{MaxName}个字。");
        if (RecordLimits.OtherNames.Check(others.Count) is { } othersProblem) issues.Error(row, m.Name("others"), othersProblem);

        Guid? partnerId = null;
        if (m.Text(cells, "provider", row, issues, MaxName, "服务提供方") is { } provider)
        {
            var found = _partners[provider].ToList();
            if (found.Count == 1) partnerId = found[0].Id;
            else if (found.Count == 0) issues.Error(row, m.Name("provider"), $"本基地没有登记名为“{ColumnMap.Shorten(provider)}”的合作机构（基地自行提供的服务请留空）。");
            else issues.Error(row, m.Name("provider"), $"有多家合作机构名为“{provider}”，无法区分。");
        }

        var request = m.Text(cells, "request", row, issues, MaxText, "服务需求");
        var outcome = m.Text(cells, "outcome", row, issues, MaxText, "服务成果");
        var feedback = m.Text(cells, "feedback", row, issues, MaxText, "企业反馈");

        var enterprises = residentIds.Count + others.Count;
        if (form == ServiceForm.OneToOne && enterprises == 0)
            issues.Error(row, m.Name("residents"), "一对一服务请至少填写一家参与企业。");
        if (persons > LedgerAnomalies.MaxPlausiblePersons && RecordLimits.PersonCount.Contains(persons))
            issues.Warning(row, m.Name("persons"), $"人数 {persons} 超过 {LedgerAnomalies.MaxPlausiblePersons}，请核实（仍会导入，并在异常提示中列出）。");
        else if (persons >= 0 && persons < enterprises && issues.Errors == before)
            issues.Warning(row, m.Name("persons"), $"人数 {persons} 少于参与企业数 {enterprises}，请核实（仍会导入，并在异常提示中列出）。");

        if (issues.Errors > before) return null;
        return new LedgerRowValues(function, date, place!, form, topic, residentIds, others, persons, fee, partnerId, request, outcome, feedback);
    }

    private ImportResident? Resident(long row, string token, ImportIssues issues)
    {
        var column = _map.Name("residents");
        var code = LooksLikeCode(token) ? token
            : token.EndsWith('）') || token.EndsWith(')') ? CodeInName().Match(token) is { Success: true } match ? match.Groups[1].Value : null
            : null;
        if (code is not null)
        {
            if (!UnifiedSocialCreditCode.TryParse(code, out var uscc, out var error))
            {
                issues.Error(row, column, $"统一社会信用代码“{code}”校验失败：{error}");
                return null;
            }
            if (_byUscc.TryGetValue(uscc.Value, out var r)) return r;
            issues.Error(row, column, $"本基地没有统一社会信用代码为 {uscc.Value} 的入驻企业（请先导入或登记该企业；非入驻企业请填在“其他参与企业”列）。");
            return null;
        }
        var named = _byName[token].ToList();
        if (named.Count == 1) return named[0];
        if (named.Count == 0)
            issues.Error(row, column, $"本基地没有名为“{ColumnMap.Shorten(token)}”的入驻企业（非入驻企业请填在“其他参与企业”列）。");
        else
            issues.Error(row, column, $"有 {named.Count} 家入驻企业名为“{token}”，请改填统一社会信用代码。");
        return null;
    }

    /// <summary>18 ASCII letters and digits: meant as a code, so a wrong check character is reported as such.</summary>
    private static bool LooksLikeCode(string token) =>
        token.Length == 18 && token.All(char.IsAsciiLetterOrDigit) && token.Any(char.IsAsciiDigit);

    [GeneratedRegex(@"^.*[（(]\s*([0-9A-Za-z]{18})\s*[)）]$")]
    private static partial Regex CodeInName();

    private T Choice<T>(long row, IReadOnlyList<string> cells, string key, string label, Func<T, string> labelOf,
        IReadOnlyDictionary<string, T> aliases, ImportIssues issues, bool required) where T : struct, Enum
    {
        var text = _map.Text(cells, key, row, issues, 50, label);
        if (text is null)
        {
            if (required) issues.Error(row, _map.Name(key), $"请填写{label}。");
            return default;
        }
        if (Choices(labelOf, aliases).TryGetValue(text, out var value)) return value;
        var choices = string.Join("、", Enum.GetValues<T>().Select(labelOf).Where(s => s.Length > 0));
        issues.Error(row, _map.Name(key), $"未知的{label}“{ColumnMap.Shorten(text)}”，应为以下之一：{choices}。");
        return default;
    }

    private readonly Dictionary<Type, object> _choices = [];

    /// <summary>Label, enum name (any case) and alias → value, built once per import.</summary>
    private Dictionary<string, T> Choices<T>(Func<T, string> labelOf, IReadOnlyDictionary<string, T> aliases) where T : struct, Enum
    {
        if (_choices.TryGetValue(typeof(T), out var cached)) return (Dictionary<string, T>)cached;
        var map = new Dictionary<string, T>(aliases, StringComparer.OrdinalIgnoreCase);
        foreach (var v in Enum.GetValues<T>())
        {
            map[v.ToString()] = v;
            if (labelOf(v) is { Length: > 0 } label) map[label] = v;
        }
        _choices[typeof(T)] = map;
        return map;
    }

    private readonly Dictionary<string, ServiceFunction> _functions = new(StringComparer.Ordinal);

    private bool TryFunction(string text, out ServiceFunction function)
    {
        if (_functions.TryGetValue(text, out function)) return true;
        if (!ServiceFunctions.TryParse(text, out function)) return false;
        if (_functions.Count < 100) _functions[text] = function;
        return true;
    }

    private static readonly Dictionary<string, ServiceForm> FormAliases = new()
    {
        ["一对一"] = ServiceForm.OneToOne, ["培训班"] = ServiceForm.Training, ["讲座"] = ServiceForm.Event, ["会议"] = ServiceForm.Event,
    };

    private static readonly Dictionary<string, EventTopic> TopicAliases = new()
    {
        [""] = EventTopic.None, ["展览展销"] = EventTopic.Exhibition, ["贸易洽谈"] = EventTopic.Exhibition, ["产品对接"] = EventTopic.Matchmaking,
        ["合作交流"] = EventTopic.Matchmaking, ["银企对接"] = EventTopic.BankEnterprise, ["融资知识讲座"] = EventTopic.FinanceLecture,
    };

    private static readonly Dictionary<string, FeeClass> FeeAliases = new()
    {
        ["免费"] = FeeClass.Free, ["公益"] = FeeClass.Free, ["公益性"] = FeeClass.Free, ["市场价"] = FeeClass.Market, ["收费"] = FeeClass.Market,
    };

    private static string Format(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
