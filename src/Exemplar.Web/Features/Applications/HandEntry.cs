using System.Text.Json;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// A figure the applicant typed: the value as the profile format writes it (policies/README.md) and, where it replaces
/// a figure the ledger gives, the one-line reason (required then).
/// </summary>
public sealed record HandEntry(JsonElement Value, string? Reason);

public static class HandEntries
{
    public static Dictionary<string, HandEntry> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, HandEntry>>(json, ApplicationJson.Options) ?? [];

    public static string Write(IReadOnlyDictionary<string, HandEntry> entries) =>
        JsonSerializer.Serialize(new SortedDictionary<string, HandEntry>(entries.ToDictionary(), StringComparer.Ordinal), ApplicationJson.Options);
}
