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

    /// <summary>A JSON object or array (a document kept in one field), as opposed to a plain value.</summary>
    public static bool IsStructured(string? value) => value is { Length: > 1 } v && (v[0] == '{' || v[0] == '[');

    private static Dictionary<string, string?> Flatten(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind != JsonValueKind.Object ? [] :
            doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            });
    }
}
