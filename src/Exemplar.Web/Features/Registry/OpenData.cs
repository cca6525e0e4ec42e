using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Documents.Building;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Requests;

namespace Exemplar.Web.Features.Registry;

/// <summary>
/// One record of the open data (名录开放数据), schema version 1: the documented fields at <c>/Registry/Data</c>. No
/// person's name and no phone number: a base, its region, the title and its validity.
/// </summary>
public sealed record OpenDataRecord(
    [property: JsonPropertyName("designation_id")] Guid DesignationId,
    [property: JsonPropertyName("base_id")] Guid BaseId,
    [property: JsonPropertyName("base_name")] string BaseName,
    [property: JsonPropertyName("region_code")] string RegionCode,
    [property: JsonPropertyName("region_name")] string RegionName,
    [property: JsonPropertyName("programme_id")] string ProgrammeId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("policy_version")] string PolicyVersion,
    [property: JsonPropertyName("announcement_number")] string? AnnouncementNumber,
    [property: JsonPropertyName("announced_on")] DateOnly AnnouncedOn,
    [property: JsonPropertyName("valid_from")] DateOnly ValidFrom,
    [property: JsonPropertyName("valid_until")] DateOnly? ValidUntil,
    [property: JsonPropertyName("revoked_on")] DateOnly? RevokedOn,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("leading_industries")] IReadOnlyList<string> LeadingIndustries,
    [property: JsonPropertyName("certificate_number")] string? CertificateNumber,
    [property: JsonPropertyName("url")] string Url);

public sealed record OpenDataDocument(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("generated_on")] DateOnly GeneratedOn,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("records")] IReadOnlyList<OpenDataRecord> Records);

public sealed class OpenData(RegistryQuery query, ProgrammePolicies policies, JurisdictionTreeCache trees, PublicUrls urls)
{
    public const string SchemaVersion = "exemplar-registry/1";

    /// <summary>The CSV columns (header = the JSON field names) with their Chinese descriptions, in order.</summary>
    public static readonly (string Field, string Description)[] Fields =
    [
        ("designation_id", "认定记录编号（UUID）"), ("base_id", "基地（平台）编号（UUID），详情页地址的一部分"), ("base_name", "基地（平台）名称"),
        ("region_code", "所在地区代码（行政区划代码或开发区代码）"), ("region_name", "所在地区全称"), ("programme_id", "认定办法编号"),
        ("title", "称号"), ("policy_version", "认定办法版本"), ("announcement_number", "认定公告文号"), ("announced_on", "公告日期（YYYY-MM-DD）"),
        ("valid_from", "有效期起（YYYY-MM-DD）"), ("valid_until", "有效期至（最后一个有效日，YYYY-MM-DD；空白表示办法未规定有效期）"),
        ("revoked_on", "撤销日期（YYYY-MM-DD；空白表示未撤销）"), ("status", "状态：valid 有效、expired 已期满、revoked 已撤销（按生成当日北京时间）"),
        ("leading_industries", "主导产业（JSON 为数组；CSV 以“、”分隔）"), ("certificate_number", "证书编号"), ("url", "名录详情页地址"),
    ];

    public async Task<IReadOnlyList<OpenDataRecord>> RecordsAsync(CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var titles = policies.All.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => DesignationTitle.Of(g.First().Title));
        return [.. (await query.AllAsync(ct)).Select(e => new OpenDataRecord(e.DesignationId, e.BaseId, e.BaseName, e.RegionCode, tree.FullName(e.RegionCode),
            e.ProgrammeId, titles.GetValueOrDefault(e.ProgrammeId, e.ProgrammeId), e.PolicyVersion, e.AnnouncementNumber, e.AnnouncedOn, e.ValidFrom,
            e.ValidUntil, e.RevokedOn, e.Status, e.LeadingIndustries, e.CertificateNumber, urls.For($"/Registry/Bases/{e.BaseId}")))];
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static byte[] ToJson(IReadOnlyList<OpenDataRecord> records, DateOnly today) =>
        JsonSerializer.SerializeToUtf8Bytes(new OpenDataDocument(SchemaVersion, today, records.Count, records), Json);

    /// <summary>UTF-8 with BOM (Excel opens it as Chinese), CRLF, RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with '.</summary>
    public static byte[] ToCsv(IReadOnlyList<OpenDataRecord> records)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', Fields.Select(f => f.Field))).Append("\r\n");
        foreach (var r in records)
        {
            string?[] cells = [r.DesignationId.ToString(), r.BaseId.ToString(), r.BaseName, r.RegionCode, r.RegionName, r.ProgrammeId, r.Title, r.PolicyVersion,
                r.AnnouncementNumber, Date(r.AnnouncedOn), Date(r.ValidFrom), Date(r.ValidUntil), Date(r.RevokedOn), r.Status,
                string.Join("、", r.LeadingIndustries), r.CertificateNumber, r.Url];
            sb.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>The same records as an officer's spreadsheet: Chinese headers, frozen header row with a filter, widths fitted to the text.</summary>
    public static byte[] ToXlsx(IReadOnlyList<OpenDataRecord> records, DateOnly today) => XlsxListWriter.Write(new XlsxList("示范基地名录",
        [new("基地（平台）名称") { MaxWidth = 40 }, new("所在地区") { MaxWidth = 36 }, new("地区代码"), new("称号") { MaxWidth = 40 }, new("认定公告文号"),
         new("公告日期", ListCellKind.Date), new("有效期起", ListCellKind.Date), new("有效期至", ListCellKind.Date), new("撤销日期", ListCellKind.Date),
         new("状态"), new("主导产业") { MaxWidth = 40 }, new("证书编号"), new("名录详情页") { MaxWidth = 60 }],
        [.. records.Select(r => (IReadOnlyList<object?>)[r.BaseName, r.RegionName, r.RegionCode, r.Title, r.AnnouncementNumber, r.AnnouncedOn, r.ValidFrom,
            r.ValidUntil is { } u ? u : "办法未规定", r.RevokedOn, DesignationStatuses.Parse(r.Status) is { } s ? DesignationStatuses.Label(s) : r.Status,
            string.Join("、", r.LeadingIndustries), r.CertificateNumber, r.Url])])
    {
        Title = "示范基地（平台）名录",
        Preamble = [$"状态按{today:yyyy年M月d日}北京时间计算；每个基地的每项称号取最近一次认定；共{records.Count}条。"],
        Info = new DocInfo("示范基地（平台）名录", today),
    });

    private static string Date(DateOnly? d) => d is { } x ? x.ToString("yyyy-MM-dd") : "";

    private static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r') v = "'" + v;
        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
