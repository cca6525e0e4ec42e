using System.Text;
using Exemplar.Web.Features.Registry;

namespace Exemplar.Bench.Registry;

/// <summary>One public search as a person types it into /Registry (the page's query string) and as the page reads it.</summary>
public sealed record Search(string Query, RegistryFilter Filter, RegistrySort Sort, int Page)
{
    public string Url => "/Registry" + (Query.Length == 0 ? "" : "?" + Query);

    /// <summary>Which clauses the statement has (its text depends on these alone).</summary>
    public string Shape => string.Concat(
        Filter.Name is null ? '-' : 'n', Filter.Region is null ? '-' : 'r', Filter.Programme is null ? '-' : 'p',
        Filter.Industry is null ? '-' : 'i', Filter.Year is null ? '-' : 'y', Filter.Status is null ? '-' : 's') + Sort;

    public static Search Of(params (string Key, string? Value)[] parts)
    {
        var q = new StringBuilder();
        foreach (var (k, v) in parts.Where(p => p.Value is not null))
            q.Append(q.Length == 0 ? "" : "&").Append(k).Append('=').Append(Uri.EscapeDataString(v!));
        string? Get(string key) => parts.FirstOrDefault(p => p.Key == key).Value;
        if (!RegistrySetup.TryFilter(Get("name"), Get("region"), Get("programme"), Get("industry"), Get("year"), Get("status"), Get("sort"), Get("page"),
                out var filter, out var sort, out var page, out var problem))
            throw new InvalidOperationException($"{q}: {problem}");
        return new Search(q.ToString(), filter, sort, page);
    }

    /// <summary>The hot pages: the first page and common facets (one region, one programme, one status, one industry, one year).</summary>
    public static IReadOnlyList<Search> Hot() =>
    [
        Of(), Of(("region", "530100")), Of(("programme", "liaocheng-base-2021")), Of(("status", "valid")), Of(("industry", "新材料")), Of(("year", "2024")),
    ];

    /// <summary><paramref name="count"/> distinct searches (fixed seed): 1–3 criteria among name fragment, region, programme,
    /// industry, year and status, sometimes another sort or page 2.</summary>
    public static IReadOnlyList<Search> Distinct(int count, IReadOnlyList<string> regionCodes, IReadOnlyList<string> regionNames)
    {
        var random = new Random(20261130);
        var seen = new HashSet<string>();
        var list = new List<Search>(count);
        string[] fragments = [.. RegistryBaseGenerator.Words, .. RegistryBaseGenerator.Kinds.Select(k => k[..2]), "孵化", "平台", "示范", .. regionNames.Select(n => n.Length > 2 ? n[..2] : n)];
        string[] statuses = ["valid", "expired", "revoked"];
        string[] sorts = ["name", "valid_until"];
        while (list.Count < count)
        {
            var criteria = 1 + random.Next(3);
            var chosen = Enumerable.Range(0, 6).OrderBy(_ => random.Next()).Take(criteria).ToHashSet();
            (string, string?)[] parts =
            [
                ("name", chosen.Contains(0) ? fragments[random.Next(fragments.Length)] : null),
                ("region", chosen.Contains(1) ? regionCodes[random.Next(regionCodes.Count)] : null),
                ("programme", chosen.Contains(2) ? RegistryBaseGenerator.Programmes[random.Next(5)].Programme : null),
                ("industry", chosen.Contains(3) ? RegistryBaseGenerator.Industries[random.Next(RegistryBaseGenerator.Industries.Length)] : null),
                ("year", chosen.Contains(4) ? (2018 + random.Next(9)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
                ("status", chosen.Contains(5) ? statuses[random.Next(3)] : null),
                ("sort", random.Next(4) == 0 ? sorts[random.Next(2)] : null),
                ("page", random.Next(5) == 0 ? "2" : null),
            ];
            var s = Of(parts);
            if (seen.Add(s.Query)) list.Add(s);
        }
        return list;
    }
}
