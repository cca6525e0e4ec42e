using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Exemplar.Domain.Policies;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The profile form's fields for one fact key: <c>v.{key}</c> the value (<c>v.{key}.{year}</c> for a series), <c>r.{key}</c>
/// the reason, <c>p.{key}.{i}.date|kind</c> penalty rows with <c>pn.{key}</c> = none, <c>a.{key}</c> an attestation given
/// and <c>e.{key}</c> the material slot holding its evidence.
/// </summary>
public static class ProfileFields
{
    public const int PenaltyRows = 3;
    public const int MaxReason = 100;
    public static string Value(string key) => "v." + key;
    public static string SeriesValue(string key, int year) => $"v.{key}.{year}";
    public static string Reason(string key) => "r." + key;
    public static string PenaltyDate(string key, int i) => $"p.{key}.{i}.date";
    public static string PenaltyKind(string key, int i) => $"p.{key}.{i}.kind";
    public static string NoPenalties(string key) => "pn." + key;
    public static string Attested(string key) => "a." + key;
    public static string Evidence(string key) => "e." + key;
    public static int[] SeriesYears(int profileYear) => [profileYear - 1, profileYear];
    public static readonly string[] PenaltyKinds = ["criminal", "seriousAdministrative", "administrative", "seriousDishonesty"];
}

public sealed record SaveProfileCommand(Guid ApplicationId, Guid OrganizationId, uint Version, IReadOnlyDictionary<string, string?> Form);

/// <summary>
/// Saves what the applicant typed in the profile: a figure that replaces the ledger's must say why in one line; a figure
/// the ledger does not give is entered as 申报填报; every value is checked against its range; an empty field falls back
/// to the ledger (or stays missing — never zero).
/// </summary>
public sealed class SaveProfileHandler(ExemplarDbContext db, ApplicationLoader loader, ApplicationProfile profiles)
{
    public async Task<SaveResult> HandleAsync(SaveProfileCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.ApplicationId, tracked: true, ct);
        if (!DraftGuard.Owns(f, c.OrganizationId)) return SaveResult.NotFound;
        var p = new Problems();
        DraftGuard.Check(f!, ReturnItems.Profile, p, partOfReport: true);
        if (p.Any) return p.Result();
        var (_, facts, _) = await profiles.BuildAsync(f!.Policy, f.Call, f.Carrier, f.Current, ct);
        var slots = f.Call.Slots.Select(s => s.Id.ToString()).ToHashSet();
        var entries = new Dictionary<string, HandEntry>(StringComparer.Ordinal);
        string? Get(string field) => c.Form.TryGetValue(field, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        foreach (var fact in facts)
        {
            var key = fact.Key;
            var def = fact.Definition;
            var reason = Get(ProfileFields.Reason(key));
            if (reason is { Length: > ProfileFields.MaxReason }) p.Add(ProfileFields.Reason(key), $"{def.Label}的理由不能超过{ProfileFields.MaxReason}个字。");
            JsonNode? value;
            try
            {
                value = Read(def, key, Get, f, slots);
            }
            catch (FormatException e)
            {
                p.Add(ProfileFields.Value(key), e.Message);
                continue;
            }
            if (value is null) continue;
            var element = JsonSerializer.SerializeToElement(value);
            if (fact.Ledger is not null)
            {
                var typed = ProfileJson.ParseFact(key, element, key);
                if (typed is not null && Same(typed.Value, fact.Ledger.Value)) continue;
                if (reason is null) { p.Add(ProfileFields.Reason(key), $"{def.Label}与台账数据不同，请用一句话说明手工填报的理由。"); continue; }
            }
            entries[key] = new HandEntry(element, reason);
        }
        if (p.Any) return p.Result();
        db.Entry(f.Current).Property(x => x.Version).OriginalValue = c.Version;
        f.Current.HandEnteredJson = HandEntries.Write(entries);
        db.Actor.Operation = "申报.填报数据";
        return await Problems.SaveAsync(db, f.Application.Id, ct);
    }

    private static bool Same(object a, object b) => (a, b) switch
    {
        (decimal x, decimal y) => x == y,
        (IReadOnlyList<YearValue> x, IReadOnlyList<YearValue> y) => x.SequenceEqual(y),
        _ => Equals(a, b),
    };

    /// <summary>The typed value as the profile format writes it; null when the field was left empty.</summary>
    private static JsonNode? Read(FactDefinition def, string key, Func<string, string?> get, ApplicationFile f, IReadOnlySet<string> slots)
    {
        switch (def.Type)
        {
            case FactType.Number:
                return get(ProfileFields.Value(key)) is { } n ? JsonValue.Create(Number(def, n)) : null;
            case FactType.Date:
                if (get(ProfileFields.Value(key)) is not { } d) return null;
                if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw new FormatException($"{def.Label}“{d}”不是有效日期。");
                if (FactRanges.DateProblem(def, date, f.Call.ReferenceDate) is { } dp) throw new FormatException(dp);
                return JsonValue.Create(d);
            case FactType.Text:
                if (get(ProfileFields.Value(key)) is not { } t) return null;
                if (t.Length > 100) throw new FormatException($"{def.Label}不能超过100个字。");
                return JsonValue.Create(t);
            case FactType.Boolean:
                return get(ProfileFields.Value(key)) switch
                {
                    null => null, "true" => JsonValue.Create(true), "false" => JsonValue.Create(false),
                    _ => throw new FormatException($"请为“{def.Label}”选择“是”或“否”。"),
                };
            case FactType.Series:
                var years = ProfileFields.SeriesYears(f.Current.ProfileYear);
                var values = years.Select(y => (Year: y, Text: get(ProfileFields.SeriesValue(key, y)))).ToList();
                if (values.All(v => v.Text is null)) return null;
                if (values.Any(v => v.Text is null)) throw new FormatException($"{def.Label}请填写{string.Join("、", years)}年各年度的数值。");
                return new JsonArray(values.Select(v => (JsonNode)new JsonObject { ["year"] = v.Year, ["value"] = Number(def, v.Text!, $"{v.Year}年") }).ToArray());
            case FactType.Penalties:
                var rows = new JsonArray();
                for (var i = 0; i < ProfileFields.PenaltyRows; i++)
                {
                    var pd = get(ProfileFields.PenaltyDate(key, i));
                    var pk = get(ProfileFields.PenaltyKind(key, i));
                    if (pd is null && pk is null) continue;
                    if (pd is null || !DateOnly.TryParseExact(pd, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var pdate))
                        throw new FormatException($"第{i + 1}条处罚记录的日期无效。");
                    if (pdate > f.Call.ReferenceDate || pdate < new DateOnly(1949, 10, 1)) throw new FormatException($"第{i + 1}条处罚记录的日期应在1949年10月1日至条件核定基准日之间。");
                    if (pk is null || !ProfileFields.PenaltyKinds.Contains(pk)) throw new FormatException($"请选择第{i + 1}条处罚记录的类别。");
                    rows.Add(new JsonObject { ["date"] = pd, ["kind"] = pk });
                }
                if (rows.Count == 0 && get(ProfileFields.NoPenalties(key)) != "true") return null;
                if (rows.Count > 0 && get(ProfileFields.NoPenalties(key)) == "true") throw new FormatException("已填写处罚记录，不能同时勾选“无处罚记录”。");
                return rows;
            case FactType.Attestation:
                if (get(ProfileFields.Attested(key)) != "true") return null;
                var slot = get(ProfileFields.Evidence(key));
                if (slot is not null && !slots.Contains(slot)) throw new FormatException($"“{def.Label}”的佐证材料不在本批次的材料清单中。");
                return new JsonObject { ["value"] = true, ["evidence"] = slot is null ? new JsonArray() : new JsonArray(JsonValue.Create("slot:" + slot)) };
            default:
                return null;
        }
    }

    private static decimal Number(FactDefinition def, string text, string? year = null)
    {
        if (!decimal.TryParse(text.Replace(",", "").Replace("，", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
            throw new FormatException($"{def.Label}{(year is null ? "" : "（" + year + "）")}“{text}”不是数字。");
        if (FactRanges.NumberProblem(def, n) is { } problem) throw new FormatException(year is null ? problem : $"{year}：{problem}");
        return n;
    }
}
