using System.Text.Json;
using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Exemplar.Web.Features.Registry;

/// <summary>What the public searches by. Every value is optional; unknown values match nothing rather than fail.</summary>
public sealed record RegistryFilter(string? Name, string? Region, string? Programme, string? Industry, int? Year, DesignationStatus? Status)
{
    public static readonly RegistryFilter None = new(null, null, null, null, null, null);
}

public enum RegistrySort { Newest, Name, ValidUntil }

/// <summary>One designated base as the public sees it: no person's name, no phone number.</summary>
public sealed record RegistryEntry(Guid DesignationId, Guid BaseId, string BaseName, string RegionCode, string ProgrammeId, string PolicyVersion,
    string? AnnouncementNumber, DateOnly AnnouncedOn, DateOnly ValidFrom, DateOnly? ValidUntil, DateOnly? RevokedOn, string Status,
    IReadOnlyList<string> LeadingIndustries, string? CertificateNumber);

public sealed record Facet(string Value, string Label, int Count);

public sealed record RegistryPage(int Total, IReadOnlyList<RegistryEntry> Items, IReadOnlyList<Facet> Regions, IReadOnlyList<Facet> Programmes,
    IReadOnlyList<Facet> Industries, IReadOnlyList<Facet> Years, IReadOnlyList<Facet> Statuses);

/// <summary>
/// The registry in one SQL statement per request over the read model <c>registry_entries</c>: the latest designation of each base and programme, filtered, with the
/// page of rows and every facet's counts (each facet counted under all the other filters, not its own) returned as one
/// JSON document. The region filter and facet use the jurisdiction tree held in memory.
/// </summary>
public sealed class RegistryQuery(ExemplarDbContext db, JurisdictionTreeCache trees, TimeProvider clock)
{
    public const int PageSize = 20;
    private const string EmptyObject = "'{}'";

    // The read model registry_entries (migration RegistryEntries) holds the latest designation of each base and
    // programme, kept by triggers on designations, certificates and carriers; only the status, which moves by itself
    // at midnight, is worked out here. NOT MATERIALIZED: each facet scans the narrow table instead of a copy of it.
    private const string Latest = """
        latest AS NOT MATERIALIZED (
            SELECT r.id, r.carrier_id, r.name, r.jurisdiction_code, r.programme_id, r.policy_version, r.announcement_number, r.announced_on,
                r.valid_from, r.valid_until, r.revoked_on, r.leading_industries, r.announced_year,
                CASE WHEN r.revoked_on IS NOT NULL AND r.revoked_on <= @today THEN 'revoked'
                     WHEN r.valid_until IS NOT NULL AND r.valid_until < @today AND r.under_re_review THEN 'rereview'
                     WHEN r.valid_until IS NOT NULL AND r.valid_until < @today THEN 'expired' ELSE 'valid' END AS status,
                r.certificate_number
            FROM registry_entries r)
        """;

    public async Task<RegistryPage> SearchAsync(RegistryFilter filter, RegistrySort sort, int page, CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var regionCodes = filter.Region is { Length: > 0 } r ? (tree.Find(r) is null ? [] : tree.SubtreeCodes(r).ToArray()) : null;
        string Where(string except)
        {
            var parts = new List<string> { "TRUE" };
            if (filter.Name is { Length: > 0 } && except != "name") parts.Add("name ILIKE @name");
            if (regionCodes is not null && except != "region") parts.Add("jurisdiction_code = ANY(@regions)");
            if (filter.Programme is { Length: > 0 } && except != "programme") parts.Add("programme_id = @programme");
            if (filter.Industry is { Length: > 0 } && except != "industry") parts.Add("@industry = ANY(leading_industries)");
            if (filter.Year is not null && except != "year") parts.Add("announced_year = @year");
            if (filter.Status is not null && except != "status") parts.Add("status = @status");
            return string.Join(" AND ", parts);
        }
        var order = sort switch
        {
            RegistrySort.Name => "name, announced_on DESC, id",
            RegistrySort.ValidUntil => "valid_until NULLS LAST, name, id",
            _ => "announced_on DESC, name, id",
        };
        var sql = $"""
            WITH {Latest}
            SELECT json_build_object(
                'total', (SELECT count(*) FROM latest WHERE {Where("")}),
                'items', (SELECT coalesce(json_agg(t), '[]') FROM (SELECT * FROM latest WHERE {Where("")} ORDER BY {order} OFFSET @offset LIMIT @limit) t),
                'regions', (SELECT coalesce(json_object_agg(k, n), {EmptyObject}) FROM (SELECT jurisdiction_code k, count(*) n FROM latest WHERE {Where("region")} GROUP BY 1) t),
                'programmes', (SELECT coalesce(json_object_agg(k, n), {EmptyObject}) FROM (SELECT programme_id k, count(*) n FROM latest WHERE {Where("programme")} GROUP BY 1) t),
                'industries', (SELECT coalesce(json_object_agg(k, n), {EmptyObject}) FROM (SELECT i k, count(*) n FROM latest, unnest(leading_industries) i WHERE {Where("industry")} GROUP BY 1) t),
                'years', (SELECT coalesce(json_object_agg(k, n), {EmptyObject}) FROM (SELECT announced_year k, count(*) n FROM latest WHERE {Where("year")} GROUP BY 1) t),
                'statuses', (SELECT coalesce(json_object_agg(k, n), {EmptyObject}) FROM (SELECT status k, count(*) n FROM latest WHERE {Where("status")} GROUP BY 1) t))
            """;
        var size = PageSize;
        var offset = (Math.Max(1, page) - 1) * size;
        using var doc = await RunAsync(sql, filter, regionCodes, offset, size, ct);
        var root = doc.RootElement;
        var items = root.GetProperty("items").EnumerateArray().Select(Entry).ToList();
        return new RegistryPage(root.GetProperty("total").GetInt32(), items,
            RegionFacet(tree, filter.Region, Counts(root, "regions")),
            [.. Counts(root, "programmes").Select(kv => new Facet(kv.Key, kv.Key, kv.Value)).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)],
            [.. Counts(root, "industries").Select(kv => new Facet(kv.Key, kv.Key, kv.Value)).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)],
            [.. Counts(root, "years").Select(kv => new Facet(kv.Key, kv.Key + "年", kv.Value)).OrderByDescending(f => f.Value, StringComparer.Ordinal)],
            [.. Enum.GetValues<DesignationStatus>().Select(s => new Facet(DesignationStatuses.Key(s), DesignationStatuses.Label(s),
                Counts(root, "statuses").GetValueOrDefault(DesignationStatuses.Key(s))))]);
    }

    /// <summary>Every base of the registry (open data), in a stable order.</summary>
    public async Task<IReadOnlyList<RegistryEntry>> AllAsync(CancellationToken ct)
    {
        var sql = $"WITH {Latest} SELECT coalesce(json_agg(t ORDER BY t.announced_on DESC, t.name, t.id), '[]') FROM latest t";
        using var doc = await RunAsync(sql, RegistryFilter.None, null, 0, 0, ct);
        return [.. doc.RootElement.EnumerateArray().Select(Entry)];
    }

    /// <summary>Every designation of one base (its history), newest first.</summary>
    public async Task<IReadOnlyList<RegistryEntry>> OfBaseAsync(Guid baseId, CancellationToken ct)
    {
        var sql = """
            SELECT coalesce(json_agg(t ORDER BY t.announced_on DESC), '[]') FROM (
                SELECT d.id, d.carrier_id, c.name, c.jurisdiction_code, d.programme_id, d.policy_version, d.announcement_number, d.announced_on,
                    d.valid_from, d.valid_until, d.revoked_on, c.leading_industries,
                    CASE WHEN d.revoked_on IS NOT NULL AND d.revoked_on <= @today THEN 'revoked'
                         WHEN d.valid_until IS NOT NULL AND d.valid_until < @today AND d.re_review_application_id IS NOT NULL THEN 'rereview'
                     WHEN d.valid_until IS NOT NULL AND d.valid_until < @today THEN 'expired' ELSE 'valid' END AS status,
                    (SELECT x.number FROM certificates x WHERE x.designation_id = d.id AND x.superseded_on IS NULL) AS certificate_number
                FROM designations d JOIN carriers c ON c.id = d.carrier_id WHERE d.carrier_id = @base) t
            """;
        using var doc = await RunAsync(sql, RegistryFilter.None, null, 0, 0, ct, baseId);
        return [.. doc.RootElement.EnumerateArray().Select(Entry)];
    }

    private async Task<JsonDocument> RunAsync(string sql, RegistryFilter f, string[]? regions, int offset, int limit, CancellationToken ct, Guid? baseId = null)
    {
        // EF's own open count: the connection stays open when a transaction or an earlier open holds it.
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        try
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            cmd.Parameters.Add(new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = ChinaTime.Today(clock) });
            cmd.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = "%" + Escape(f.Name ?? "") + "%" });
            cmd.Parameters.Add(new NpgsqlParameter("regions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = regions ?? [] });
            cmd.Parameters.Add(new NpgsqlParameter("programme", NpgsqlDbType.Text) { Value = f.Programme ?? "" });
            cmd.Parameters.Add(new NpgsqlParameter("industry", NpgsqlDbType.Text) { Value = f.Industry ?? "" });
            cmd.Parameters.Add(new NpgsqlParameter("year", NpgsqlDbType.Integer) { Value = f.Year ?? 0 });
            cmd.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = f.Status is { } s ? DesignationStatuses.Key(s) : "" });
            cmd.Parameters.Add(new NpgsqlParameter("offset", NpgsqlDbType.Integer) { Value = offset });
            cmd.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
            cmd.Parameters.Add(new NpgsqlParameter("base", NpgsqlDbType.Uuid) { Value = baseId ?? Guid.Empty });
            var text = (string)(await cmd.ExecuteScalarAsync(ct))!;
            return JsonDocument.Parse(text);
        }
        catch (Exception)
        {
            Infrastructure.Data.PreparedStatementRecovery.MarkFailed(connection);
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static Dictionary<string, int> Counts(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    /// <summary>Counts per child of the chosen region (or per top-level region), summing the carriers' own codes up the tree.</summary>
    private static IReadOnlyList<Facet> RegionFacet(JurisdictionTree tree, string? selected, Dictionary<string, int> byCode)
    {
        var children = selected is { Length: > 0 } && tree.Find(selected) is not null ? tree.ChildrenOf(selected).ToList() : tree.Roots.ToList();
        return [.. children.Select(j => new Facet(j.Code, j.Name, tree.SubtreeCodes(j.Code).Sum(c => byCode.GetValueOrDefault(c))))
            .Where(f => f.Count > 0).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)];
    }

    private static RegistryEntry Entry(JsonElement e)
    {
        static DateOnly? Date(JsonElement e, string n) => e.GetProperty(n).ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(e.GetProperty(n).GetString()!);
        static string? Text(JsonElement e, string n) => e.GetProperty(n).ValueKind == JsonValueKind.Null ? null : e.GetProperty(n).GetString();
        return new RegistryEntry(e.GetProperty("id").GetGuid(), e.GetProperty("carrier_id").GetGuid(), e.GetProperty("name").GetString()!,
            e.GetProperty("jurisdiction_code").GetString()!, e.GetProperty("programme_id").GetString()!, e.GetProperty("policy_version").GetString()!,
            Text(e, "announcement_number"), Date(e, "announced_on")!.Value, Date(e, "valid_from")!.Value, Date(e, "valid_until"), Date(e, "revoked_on"),
            e.GetProperty("status").GetString()!, [.. e.GetProperty("leading_industries").EnumerateArray().Select(x => x.GetString()!)], Text(e, "certificate_number"));
    }
}
