using System.Net;
using AngleSharp.Dom;
using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Policies;

/// <summary>Expected values come from the seed texts (the articles cited), not from the code.</summary>
public sealed class PolicyLibraryTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static string Text(IElement? e) => e?.TextContent.Replace('\u00a0', ' ') ?? "";

    [Fact]
    public async Task Library_lists_the_five_programmes_with_issuer_document_number_and_status_today()
    {
        // Clock: 2026-11-21. Liaocheng (to 2026-12-03) is still in force; Beijing's date is not in its text.
        var page = await app.Client().GetDocumentAsync("/Policies");
        var rows = page.QuerySelectorAll("tr[data-policy]");
        Assert.Equal(5, rows.Length);
        var kunming = Text(page.QuerySelector("tr[data-policy=kunming-base-2022]"));
        Assert.Contains("昆工信规〔2022〕1号", kunming);
        Assert.Contains("昆工信通〔2018〕125号", kunming);
        Assert.Contains("2022年10月8日", kunming);
        Assert.Contains("现行有效", Text(page.QuerySelector("tr[data-policy=liaocheng-base-2021] .policy-status")));
        Assert.Contains("施行日期待管理员设定", Text(page.QuerySelector("tr[data-policy=beijing-base] .policy-status")));
        Assert.Contains("京经信委发〔2019〕52号", Text(page.QuerySelector("tr[data-policy=beijing-base]")));
    }

    [Fact]
    public async Task Kunming_article_6_item_3_shows_40_enterprises_and_500_employees()
    {
        var page = await app.Client().GetDocumentAsync("/Policies/kunming-base-2022");
        var residents = page.QuerySelector("tr[data-condition=resident-count]");
        var employees = page.QuerySelector("tr[data-condition=employee-count]");
        Assert.Equal("第六条第（三）项", Text(residents?.QuerySelector(".citation")).Trim());
        Assert.Contains("40 家", Text(residents?.QuerySelector(".required")));
        Assert.Contains("不少于", Text(residents));
        Assert.Equal("第六条第（三）项", Text(employees?.QuerySelector(".citation")).Trim());
        Assert.Contains("500 人", Text(employees?.QuerySelector(".required")));
        // K-of-N with per-function volumes (第七条: at least 4 of 8; 信息服务 50 家次 and 4 次).
        Assert.Contains("至少 4 项（共 8 项）", Text(page.QuerySelector("tr[data-condition=service-functions]")));
        var info = Text(page.QuerySelector("tr[data-function=informationService]"));
        Assert.Contains("50 家次以上", info);
        Assert.Contains("4 次以上", info);
        Assert.Contains("300 人次以上", Text(page.QuerySelector("tr[data-function=training]")));
        // Procedure and management (第十三条 公示不少于 10 个工作日; 第十五条 有效期 3 年; 第十九条 10 个工作日内报备).
        Assert.Contains("10 个工作日", Text(page.QuerySelector(".public-notice")));
        Assert.Contains("3 年", Text(page.QuerySelector(".validity")));
        Assert.Contains("每年1月底前", Text(page.QuerySelector(".management")));
        Assert.NotEmpty(page.QuerySelectorAll(".materials li"));
    }

    [Fact]
    public async Task Beijing_shows_both_branches_60_and_60_percent_or_40_and_80_percent()
    {
        var page = await app.Client().GetDocumentAsync("/Policies/beijing-base");
        Assert.Contains("60 家", Text(page.QuerySelector("tr[data-condition=residents-general] .required")));
        Assert.Contains("60%", Text(page.QuerySelector("tr[data-condition=concentration-general] .required")));
        Assert.Contains("40 家", Text(page.QuerySelector("tr[data-condition=residents-high-end] .required")));
        Assert.Contains("80%", Text(page.QuerySelector("tr[data-condition=concentration-high-end] .required")));
        Assert.Contains("高精尖", Text(page.QuerySelector("tr[data-condition=residents-high-end]")));
        // Beijing's text has no date: shown as a defect and as "set by the administrator".
        Assert.Contains("文本未载明", Text(page.QuerySelector(".effective-from")));
        Assert.NotNull(page.QuerySelector(".policy-defects li[data-lint=no-effective-date]"));
    }

    [Fact]
    public async Task Liaocheng_is_in_force_from_2021_12_04_to_2026_12_03()
    {
        var page = await app.Client().GetDocumentAsync("/Policies/liaocheng-base-2021");
        Assert.Contains("2021年12月4日", Text(page.QuerySelector(".effective-from")));
        Assert.Contains("2026年12月3日", Text(page.QuerySelector(".effective-to")));
        // 第七条 English word in the quoted text is a defect of the source document.
        Assert.NotNull(page.QuerySelector(".policy-defects li[data-lint=latin-word-in-chinese-text]"));
    }

    [Fact]
    public async Task Tibet_platform_lists_the_base_materials_defect()
    {
        var page = await app.Client().GetDocumentAsync("/Policies/xizang-platform-2022");
        Assert.NotNull(page.QuerySelector(".policy-defects li[data-lint=materials-kind-mismatch]"));
    }

    [Fact]
    public async Task Unknown_programme_is_404()
    {
        var response = await app.Client().GetAsync("/Policies/no-such-policy");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>
    /// Each row is one thing counted (issue 10): Beijing's 入驻本市小型、微型企业 (第六条第（五）项) is its own row, not the
    /// row of resident small/micro enterprises wherever registered; the free/low-fee share is split by whom it serves.
    /// </summary>
    [Fact]
    public async Task Comparison_shows_each_programmes_resident_enterprise_threshold()
    {
        var page = await app.Client().GetDocumentAsync("/Policies/Compare");
        var row = page.QuerySelector("tr[data-concept=residentSmallMicroCount]");
        Assert.NotNull(row);
        string Cell(IElement? r, string id) => Text(r!.QuerySelector($"td[data-policy={id}]"));
        Assert.Contains("50 家", Cell(row, "xizang-base-2017"));
        Assert.Contains("第六条第（二）项", Cell(row, "xizang-base-2017"));
        Assert.Contains("25 家", Cell(row, "liaocheng-base-2021"));
        Assert.Contains("40 家", Cell(row, "kunming-base-2022"));
        Assert.Contains("第六条第（三）项", Cell(row, "kunming-base-2022"));
        Assert.Equal("—", Cell(row, "beijing-base").Trim());
        Assert.Equal("—", Cell(row, "xizang-platform-2022").Trim());
        var beijing = page.QuerySelector("tr[data-concept=residentSmallMicroByRegistration]");
        Assert.Contains("注册在北京市的", Cell(beijing, "beijing-base"));
        Assert.Contains("60 家", Cell(beijing, "beijing-base"));
        Assert.Contains("40 家", Cell(beijing, "beijing-base")); // the 高精尖 branch
        // Free/low-fee share, 20% everywhere it is asked, counted for whom each text says; Beijing does not ask it.
        var any = page.QuerySelector("tr[data-concept='ratio:freeOrLowFeeServiceVolume/totalServiceVolume']");
        Assert.Contains("20%", Cell(any, "xizang-platform-2022"));
        var smallMicro = page.QuerySelector("tr[data-concept='ratio:freeOrLowFeeVolumeToSmallMicro/totalServiceVolume']");
        Assert.Contains("20%", Cell(smallMicro, "liaocheng-base-2021"));
        Assert.Contains("20%", Cell(smallMicro, "xizang-base-2017"));
        var resident = page.QuerySelector("tr[data-concept='ratio:freeOrLowFeeVolumeToResidentSmallMicro/totalServiceVolume']");
        Assert.Contains("20%", Cell(resident, "kunming-base-2022"));
        Assert.All(new[] { any, smallMicro, resident }, r => Assert.Equal("—", Cell(r, "beijing-base").Trim()));
        Assert.Contains("至少 4 项", Text(page.QuerySelector("tr[data-concept=kOfN] td[data-policy=kunming-base-2022]")));
    }
}
