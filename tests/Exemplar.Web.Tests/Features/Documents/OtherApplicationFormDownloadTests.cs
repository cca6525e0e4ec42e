using System.Net;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Infrastructure;
using static Exemplar.Web.Tests.Features.Documents.OpenXmlChecks;

namespace Exemplar.Web.Tests.Features.Documents;

/// <summary>
/// The Tibet base 申请报告 (附件2 of its measures) and the Liaocheng 认定申请表 (第十条) download from a locked application
/// like Kunming's 申请报告: the seeds name these forms without giving a layout, so the first page says the layout is the
/// system's; the Tibet platform text names no form, so its applications have no Word link.
/// </summary>
public sealed class OtherApplicationFormDownloadTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ApplicationTestData data = new(app.Services);

    [Fact]
    public async Task A_locked_tibet_base_application_downloads_its_report_with_the_recommending_unit_left_to_stamp()
    {
        var call = await data.CallAsync("xizang-base-2017", "xz.region", "XT", title: "西藏申请报告下载测试批次");
        var id = await data.StartAsync(call, "拉萨城关创业园");
        await data.CompleteAsync(id);
        var applicant = await app.SignedInAsync("xz.applicant");

        var page = await applicant.GetDocumentAsync($"/Applications/{id}/Report");
        Assert.Equal($"/Applications/{id}/Report?handler=Word", page.QuerySelector("#report-word")!.GetAttribute("href"));
        using var response = await applicant.GetAsync($"/Applications/{id}/Report?handler=Word");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("拉萨城关创业园-示范基地申请报告.docx", Uri.UnescapeDataString(response.Content.Headers.ContentDisposition!.ToString()));
        var word = await response.Content.ReadAsByteArrayAsync();
        AssertValidDocx(word);

        Assert.Contains(Paragraphs(word), p => p.Contains("本表格式由本系统依据《西藏自治区小型微型企业创业创新示范基地建设管理办法》", StringComparison.Ordinal));
        var head = TableWith(word, "基地名称");
        Assert.Equal(["基地名称", "拉萨城关创业园"], RowStarting(head, "基地名称"));
        Assert.Equal(["申报单位（公章）", "拉萨城关创业园运营有限公司"], RowStarting(head, "申报单位（公章）"));
        Assert.Equal(["推荐单位", "", "填报日期", "2026年11月21日"], RowStarting(head, "推荐单位")); // the 地（市）bureau writes and stamps it
        var conditions = TableWith(word, "办法要求");
        Assert.Equal("50家以上", RowStarting(conditions, "入驻小微企业（第六条（二））")[1]); // 第六条（二）
        Assert.Equal("不少于7人", RowStarting(conditions, "专职从事创业创新服务的人员（第六条（三））")[1]);
    }

    [Fact]
    public async Task A_locked_liaocheng_application_downloads_its_form_with_the_ten_materials_of_article_11_to_tick_by_hand()
    {
        var call = await data.CallAsync("liaocheng-base-2021", "lc.city", "LD", title: "聊城申请表下载测试批次");
        var id = await data.StartAsync(call, "聊城东昌创业孵化园");
        await data.CompleteAsync(id);
        var applicant = await app.SignedInAsync("lc.applicant");

        using var response = await applicant.GetAsync($"/Applications/{id}/Report?handler=Word");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("聊城东昌创业孵化园-示范基地认定申请表.docx", Uri.UnescapeDataString(response.Content.Headers.ContentDisposition!.ToString()));
        var word = await response.Content.ReadAsByteArrayAsync();
        AssertValidDocx(word);
        Assert.Contains("申报单位（公章）：聊城东昌创业孵化器有限公司", Paragraphs(word));
        var materials = TableWith(word, "材料名称");
        Assert.Equal(11, materials.Count); // header + 第十一条（一）–（十）
        Assert.Equal(["1", "市级小型微型企业创业创新示范基地申请报告", "☐ 已提交"], materials[1]);
        Assert.Equal(["10", "对申报材料真实性的声明（加盖申报单位公章）", "☐ 已提交"], materials[10]);
        Assert.Equal(await applicant.GetByteArrayAsync($"/Applications/{id}/Report?handler=Word"), word); // same locked data, same bytes
    }
}
