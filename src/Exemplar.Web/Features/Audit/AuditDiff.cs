using System.Text.Json;

namespace Exemplar.Web.Features.Audit;

/// <summary>What a person needs from an audit row: the fields that changed, old → new.</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After);

public static class AuditDiff
{
    public static IReadOnlyList<AuditFieldChange> Changes(string? before, string? after)
    {
        var b = Flatten(before);
        var a = Flatten(after);
        return b.Keys.Union(a.Keys).Order(StringComparer.Ordinal)
            .Select(k => new AuditFieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    private static Dictionary<string, string?> Flatten(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind != JsonValueKind.Object ? [] :
            doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => Readable(p.Value.GetString()!),
                JsonValueKind.Array when PlainList(p.Value) is { } list => list,
                JsonValueKind.Object or JsonValueKind.Array => Structured(p.Value.GetRawText()),
                _ => p.Value.GetRawText(),
            });
    }

    /// <summary>
    /// A JSON document kept in a column (a frozen package, a policy snapshot, a list of keys) is shown by size and digest:
    /// its internal keys are not for people, and whether it changed is what the reader needs. The full value stays in the
    /// audit row (API and export).
    /// </summary>
    private static string Readable(string value)
    {
        if (value.Length < 2 || value[0] is not ('{' or '[')) return value;
        try
        {
            using var _ = JsonDocument.Parse(value);
            return Structured(value);
        }
        catch (JsonException)
        {
            return value;
        }
    }

    /// <summary>A list of words people wrote (主导产业 …) reads as 软件、检验检测; a list of internal keys does not.</summary>
    private static string? PlainList(JsonElement array)
    {
        var items = array.EnumerateArray().ToList();
        if (items.Any(i => i.ValueKind != JsonValueKind.String)) return null;
        var words = items.Select(i => i.GetString()!).ToList();
        return words.Any(w => w.Length > 0 && char.IsAsciiLetterLower(w[0]) && w.All(char.IsAsciiLetterOrDigit)) ? null : string.Join("、", words);
    }

    private static string Structured(string raw) =>
        $"（结构化数据，{raw.Length}个字符，摘要 {Infrastructure.TextHash.Sha256Hex(raw)[..12]}）";
}
