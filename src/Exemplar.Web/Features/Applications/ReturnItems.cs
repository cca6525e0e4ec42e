using System.Text.Json;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// What a return for correction can reopen: a material slot (by its id) or one of the draft's sections. A correction
/// version may change only these.
/// </summary>
public static class ReturnItems
{
    public const string Details = "details";
    public const string Profile = "profile";
    public const string Narratives = "narratives";

    public static readonly IReadOnlyList<(string Key, string Label)> Sections =
        [(Details, "申报单位信息"), (Profile, "申报数据（条件核定事实）"), (Narratives, "申请报告正文")];

    public static string Label(string item, IReadOnlyDictionary<Guid, string> slotTexts) =>
        Sections.FirstOrDefault(s => s.Key == item).Label
        ?? (Guid.TryParse(item, out var id) && slotTexts.TryGetValue(id, out var text) ? $"材料：{text}" : item);

    public static bool MayEdit(ApplicationVersion v, string item) =>
        v.State == VersionState.Draft && (v.EditableItems is null || v.EditableItems.Contains(item));

    public static Dictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static string Write(IReadOnlyDictionary<string, string> items) => JsonSerializer.Serialize(items, ApplicationJson.Options);
}
