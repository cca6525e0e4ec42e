using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Documents.Building;
using Exemplar.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Exemplar.Web.Features.Registry;

/// <summary>
/// The public registry: pages, open-data files and <c>/api/v1/registry</c>, all cached by the output cache for a short
/// time (policy <see cref="CachePolicy"/>, tagged <see cref="RegistryChangeListener.Tag"/> and evicted on every change),
/// varied by the Beijing date (statuses move at midnight) and the 长者模式 cookie. Signed-in users are never served from it.
/// </summary>
public static class RegistrySetup
{
    public const string CachePolicy = "registry";
    public const string CsvPath = "/Registry/Data/registry.csv";
    public const string JsonPath = "/Registry/Data/registry.json";
    public const string XlsxPath = "/Registry/Data/registry.xlsx";

    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<RegistryState>();
        services.AddHostedService<RegistryChangeListener>();
        services.AddScoped<RegistryQuery>();
        services.AddScoped<OpenData>();
        var seconds = builder.Configuration.GetValue("Exemplar:Registry:CacheSeconds", 30);
        services.AddOutputCache(o => o.AddPolicy(CachePolicy, p => p
            .Expire(TimeSpan.FromSeconds(seconds))
            .Tag(RegistryChangeListener.Tag)
            .SetVaryByQuery("*")
            .VaryByValue(ctx => new("day", ChinaTime.Today(ctx.RequestServices.GetRequiredService<TimeProvider>()).ToString("yyyyMMdd")))
            .VaryByValue(ctx => new("elder", ctx.Request.Cookies["exemplar.elder"] == "1" ? "1" : "0"))));
        return builder;
    }

    public static WebApplication MapRegistry(this WebApplication app, RouteGroupBuilder api)
    {
        app.MapGet(CsvPath, CsvAsync).CacheOutput(CachePolicy).ExcludeFromDescription();
        app.MapGet(JsonPath, JsonAsync).CacheOutput(CachePolicy).ExcludeFromDescription();
        app.MapGet(XlsxPath, XlsxAsync).CacheOutput(CachePolicy).ExcludeFromDescription();
        api.MapGet("/registry", SearchAsync).CacheOutput(CachePolicy)
            .WithTags("示范基地名录").WithSummary("名录查询：按名称、地区、认定办法、主导产业、认定年份、状态筛选，含分面计数（每页20条）");
        api.MapGet("/registry/data.json", JsonAsync).CacheOutput(CachePolicy)
            .WithTags("示范基地名录").WithSummary("名录开放数据（JSON，字段说明见 /Registry/Data）");
        api.MapGet("/registry/data.csv", CsvAsync).CacheOutput(CachePolicy)
            .WithTags("示范基地名录").WithSummary("名录开放数据（CSV，UTF-8 带 BOM）");
        return app;
    }

    public sealed record SearchDto(int Total, int Page, int PageSize, IReadOnlyList<RegistryEntry> Items, IReadOnlyDictionary<string, IReadOnlyList<Facet>> Facets);

    private static async Task<Results<Ok<SearchDto>, ProblemHttpResult>> SearchAsync(
        RegistryQuery query, [FromQuery] string? name, [FromQuery] string? region, [FromQuery] string? programme, [FromQuery] string? industry,
        [FromQuery] string? year, [FromQuery] string? status, [FromQuery] string? sort, [FromQuery] string? page, CancellationToken ct)
    {
        if (!TryFilter(name, region, programme, industry, year, status, sort, page, out var filter, out var order, out var number, out var problem))
            return TypedResults.Problem(title: "查询条件有误", detail: problem, statusCode: 400);
        var r = await query.SearchAsync(filter, order, number, ct);
        return TypedResults.Ok(new SearchDto(r.Total, number, RegistryQuery.PageSize, r.Items, new Dictionary<string, IReadOnlyList<Facet>>
        {
            ["region"] = r.Regions, ["programme"] = r.Programmes, ["industry"] = r.Industries, ["year"] = r.Years, ["status"] = r.Statuses,
        }));
    }

    /// <summary>Reads the query the page and the API share; a value out of its range is a Chinese message.</summary>
    public static bool TryFilter(string? name, string? region, string? programme, string? industry, string? year, string? status, string? sort, string? page,
        out RegistryFilter filter, out RegistrySort order, out int pageNumber, out string? problem)
    {
        filter = RegistryFilter.None;
        order = RegistrySort.Newest;
        pageNumber = 1;
        problem = null;
        static string? Clean(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Length > max ? s.Trim()[..max] : s.Trim();
        int? y = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, out var parsed) || parsed < 2000 || parsed > 2100) { problem = "认定年份应为2000至2100之间的年份。"; return false; }
            y = parsed;
        }
        DesignationStatus? s = null;
        if (!string.IsNullOrWhiteSpace(status) && (s = DesignationStatuses.Parse(status.Trim())) is null) { problem = "状态只能是 valid（有效）、expired（已期满）或 revoked（已撤销）。"; return false; }
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, out pageNumber) || pageNumber < 1 || pageNumber > 10000)) { problem = "页码应为1至10000之间的整数。"; return false; }
        order = sort switch { "name" => RegistrySort.Name, "valid_until" => RegistrySort.ValidUntil, null or "" or "newest" => RegistrySort.Newest, _ => (RegistrySort)(-1) };
        if ((int)order < 0) { problem = "排序只能是 newest（认定时间）、name（名称）或 valid_until（有效期）。"; return false; }
        filter = new RegistryFilter(Clean(name, 50), Clean(region, 12), Clean(programme, 60), Clean(industry, 40), y, s);
        return true;
    }

    private static async Task<IResult> CsvAsync(HttpContext http, OpenData data, RegistryState state, TimeProvider clock, CancellationToken ct) =>
        await FileAsync(http, state, async () => OpenData.ToCsv(await data.RecordsAsync(ct)), "text/csv; charset=utf-8", "registry.csv");

    private static async Task<IResult> JsonAsync(HttpContext http, OpenData data, RegistryState state, TimeProvider clock, CancellationToken ct) =>
        await FileAsync(http, state, async () => OpenData.ToJson(await data.RecordsAsync(ct), ChinaTime.Today(clock)), "application/json; charset=utf-8", null);

    private static async Task<IResult> XlsxAsync(HttpContext http, OpenData data, RegistryState state, TimeProvider clock, CancellationToken ct) =>
        await FileAsync(http, state, async () => OpenData.ToXlsx(await data.RecordsAsync(ct), ChinaTime.Today(clock)), XlsxListWriter.ContentType, "registry.xlsx");

    /// <summary>Answers 304 from the validators alone (no query) when the client's copy is current.</summary>
    private static async Task<IResult> FileAsync(HttpContext http, RegistryState state, Func<Task<byte[]>> build, string contentType, string? download)
    {
        var etag = new EntityTagHeaderValue(state.ETag);
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = state.LastModified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(60) };
        var request = http.Request.GetTypedHeaders();
        if (request.IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any))
            || (request.IfNoneMatch.Count == 0 && request.IfModifiedSince is { } since && state.LastModified <= since))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        if (download is not null) http.Response.Headers.ContentDisposition = $"attachment; filename={download}";
        return Results.Bytes(await build(), contentType);
    }
}
