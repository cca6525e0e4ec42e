using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Notices;

/// <summary>
/// <c>/api/v1/notices</c> and <c>/api/v1/certificates/{number}</c> for anyone: what the public pages show, without the
/// publishing officer's name or any telephone number; errors as Chinese ProblemDetails; certificate checks never cached.
/// </summary>
public sealed class NoticesApiTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly NoticeTestData data = new(app.Services);

    [Fact]
    public async Task Published_notices_are_listed_and_read_without_personal_names_or_phone_numbers()
    {
        var n = await data.PublishedAsync();
        var client = app.Client();
        var listText = await client.GetStringAsync("/api/v1/notices");
        var list = JsonDocument.Parse(listText).RootElement;
        Assert.Equal((1, 20), (list.GetProperty("page").GetInt32(), list.GetProperty("pageSize").GetInt32()));
        Assert.Equal(list.GetProperty("total").GetInt32(), list.GetProperty("items").GetArrayLength()); // fewer than a page
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == n.Id.ToString());
        // Published Saturday 2026-11-21 for 10 working days (昆明第十三条 不少于10个工作日): 11-23 … 12-04, so it starts on Monday.
        Assert.Equal(("upcoming", "即将开始", "2026-12-04", 10, 2), (item.GetProperty("status").GetString(), item.GetProperty("statusLabel").GetString(),
            item.GetProperty("endsOn").GetString(), item.GetProperty("workingDays").GetInt32(), item.GetProperty("bases").GetInt32()));

        var detailText = await client.GetStringAsync($"/api/v1/notices/{n.Id}");
        var detail = JsonDocument.Parse(detailText).RootElement;
        var entries = detail.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["昆明五华创新创业园", "盘龙众创空间"], entries.Select(e => e.GetProperty("baseName").GetString()).Order(StringComparer.Ordinal).ToList());
        Assert.Equal("昆明五华创新创业园运营管理有限公司", entries.Single(e => e.GetProperty("baseName").GetString() == "昆明五华创新创业园").GetProperty("operatorName").GetString());
        Assert.True(detail.GetProperty("acceptsObjections").GetBoolean());
        Assert.Contains("第十三条", detail.GetProperty("periodRule").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("announcement").ValueKind);
        foreach (var text in new[] { listText, detailText })
        {
            Assert.DoesNotContain("0871-63100000", text); // the objection contact's telephone number
            Assert.DoesNotContain("陈敏", text);          // the officer who published it
            Assert.DoesNotMatch(@"1[3-9]\d{9}", text);     // any mobile number
        }
    }

    [Fact]
    public async Task Bad_pages_and_unknown_ids_are_chinese_problem_details()
    {
        var client = app.Client();
        foreach (var page in new[] { "0", "abc", "10001" })
        {
            var bad = await client.GetAsync($"/api/v1/notices?page={page}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
            Assert.Equal("页码应为1至10000之间的整数。", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        var missing = await client.GetAsync($"/api/v1/notices/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("未找到该公示", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var unknown = await client.GetAsync("/api/v1/certificates/KM-2099-999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Contains("没有颁发过证书编号为“KM-2099-999”的证书", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_certificate_reads_as_on_its_verification_page_and_is_never_cached()
    {
        var response = await app.Client().GetAsync("/api/v1/certificates/KM-2023-015");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        var c = JsonDocument.Parse(text).RootElement;
        // 昆明 KM-2023-015: announced 2023-12-15 (昆工信〔2023〕215号), 3 years (第十五条) → last valid day 2026-12-15.
        Assert.Equal(("genuine", true, "valid", "有效", "五华科技创业示范园", "昆明市小型微型企业创业创新示范基地"),
            (c.GetProperty("outcome").GetString(), c.GetProperty("signatureValid").GetBoolean(), c.GetProperty("status").GetString(),
             c.GetProperty("statusLabel").GetString(), c.GetProperty("baseName").GetString(), c.GetProperty("title").GetString()));
        Assert.Equal(("2023-12-15", "2026-12-15", "昆工信〔2023〕215号", "ECDSA-P256-SHA256"), (c.GetProperty("validFrom").GetString(),
            c.GetProperty("validUntil").GetString(), c.GetProperty("announcementNumber").GetString(), c.GetProperty("algorithm").GetString()));
        Assert.StartsWith("/Verify/Keys/", c.GetProperty("keyUrl").GetString());
        Assert.DoesNotMatch(@"1[3-9]\d{9}", text);

        // A QR code whose content was altered: refused, nothing of the record given out.
        var forged = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/certificates/KM-2023-015?p=YWJj&s=YWJj");
        Assert.Equal(("tampered", false), (forged.GetProperty("outcome").GetString(), forged.GetProperty("signatureValid").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, forged.GetProperty("baseName").ValueKind);
    }
}
