using System.Text.Json;

namespace Exemplar.Web.Features.Applications;

/// <summary>What changed between two submitted versions: each fact, detail, narrative section and material, before and after.</summary>
public static class VersionDiff
{
    public sealed record Change(string Part, string Item, string Before, string After);

    public static IReadOnlyList<Change> Between(string before, string after)
    {
        using var a = JsonDocument.Parse(before);
        using var b = JsonDocument.Parse(after);
        var changes = new List<Change>();
        var ra = a.RootElement.GetProperty("report");
        var rb = b.RootElement.GetProperty("report");
        Compare(changes, "申报数据", Index(ra.GetProperty("facts"), "label", "value"), Index(rb.GetProperty("facts"), "label", "value"));
        Compare(changes, "申报单位信息", Properties(ra.GetProperty("details")), Properties(rb.GetProperty("details")));
        Compare(changes, "申请报告正文", Index(ra.GetProperty("narratives"), "heading", "text"), Index(rb.GetProperty("narratives"), "heading", "text"));
        Compare(changes, "申报材料", Materials(a.RootElement), Materials(b.RootElement));
        return changes;
    }

    private static void Compare(List<Change> into, string part, Dictionary<string, string> a, Dictionary<string, string> b)
    {
        foreach (var key in a.Keys.Union(b.Keys))
        {
            var x = a.GetValueOrDefault(key, "（无）");
            var y = b.GetValueOrDefault(key, "（无）");
            if (x != y) into.Add(new Change(part, key, x, y));
        }
    }

    private static Dictionary<string, string> Index(JsonElement array, string key, string value)
    {
        var d = new Dictionary<string, string>();
        foreach (var e in array.EnumerateArray()) d[e.GetProperty(key).GetString()!] = e.GetProperty(value).ToString();
        return d;
    }

    private static Dictionary<string, string> Properties(JsonElement obj) =>
        obj.EnumerateObject().ToDictionary(p => DetailLabels.GetValueOrDefault(p.Name, p.Name), p => p.Value.ToString());

    private static Dictionary<string, string> Materials(JsonElement root)
    {
        var d = new Dictionary<string, string>();
        foreach (var m in root.GetProperty("materials").EnumerateArray())
        {
            var item = m.GetProperty("item").GetString()!;
            var file = $"{m.GetProperty("fileName").GetString()}（{m.GetProperty("sha256").GetString()![..12]}…）";
            d[item] = d.TryGetValue(item, out var existing) ? existing + "；" + file : file;
        }
        return d;
    }

    public static readonly IReadOnlyDictionary<string, string> DetailLabels = new Dictionary<string, string>
    {
        ["unitNature"] = "单位性质", ["legalRepresentative"] = "法定代表人", ["registeredOn"] = "注册日期", ["registeredAddress"] = "注册地址",
        ["contactName"] = "联系人", ["contactMobile"] = "联系电话（手机）", ["contactEmail"] = "邮箱", ["website"] = "网址及备案号",
        ["infrastructure"] = "主要基础设施", ["qualifications"] = "获得专业资质情况", ["previousYearRevenueWan"] = "上一年度营业收入（万元）",
        ["feesWaivedWan"] = "减免小微企业各类服务费用（万元）", ["governmentSupport"] = "得到政府扶持的情况", ["honours"] = "授予称号、荣誉",
    };
}
