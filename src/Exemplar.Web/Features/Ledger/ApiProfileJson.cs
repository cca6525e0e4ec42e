using System.Globalization;
using System.Text.Json.Nodes;
using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Ledger;

/// <summary>
/// Writes ledger facts as a profile in the format of <c>policies/README.md</c> (what <see cref="ProfileJson"/> reads):
/// every fact as <c>{ "value": …, "source": "ledger" }</c>, function measures nested under <c>functions</c>.
/// </summary>
public static class ApiProfileJson
{
    /// <summary>The README's source names for the domain's sources (台账 → ledger, 手工填报 → hand-entered).</summary>
    public static string SourceName(string source) => source switch
    {
        LedgerProfile.LedgerSource => "ledger",
        LedgerProfile.HandEnteredSource => "hand-entered",
        _ => source,
    };

    public static JsonObject Write(string name, DateOnly referenceDate, DateOnly? deadline, IReadOnlyDictionary<string, Fact> facts)
    {
        var factsNode = new JsonObject();
        var functions = new JsonObject();
        foreach (var (key, fact) in facts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var node = new JsonObject { ["value"] = Value(fact.Value), ["source"] = SourceName(fact.Source) };
            if (key.StartsWith("functions.", StringComparison.Ordinal))
            {
                var parts = key.Split('.');
                if (functions[parts[1]] is not JsonObject f) functions[parts[1]] = f = new JsonObject();
                f[parts[2]] = node;
            }
            else
            {
                factsNode[key] = node;
            }
        }
        if (functions.Count > 0) factsNode["functions"] = functions;
        return new JsonObject
        {
            ["name"] = name,
            ["referenceDate"] = Date(referenceDate),
            ["applicationDeadline"] = deadline is { } d ? Date(d) : null,
            ["facts"] = factsNode,
        };
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonNode? Value(object value) => value switch
    {
        decimal n => JsonValue.Create(n),
        int n => JsonValue.Create(n),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        DateOnly d => JsonValue.Create(Date(d)),
        IEnumerable<DivisionCount> counts => new JsonObject(counts.Select(c => KeyValuePair.Create(c.Division, (JsonNode?)JsonValue.Create(c.Count)))),
        IEnumerable<YearValue> series => new JsonArray(series.Select(v => (JsonNode)new JsonObject { ["year"] = v.Year, ["value"] = v.Value }).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}
