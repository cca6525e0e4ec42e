using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Applications;

/// <summary>The generated 承诺书 lists what the programme's file says the applicant undertakes, in the text's words.</summary>
public sealed class DeclarationTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ApplicationTestData data = new(app.Services);

    [Fact]
    public async Task Kunmings_declaration_carries_the_three_items_of_its_annex_1_undertaking()
    {
        var id = await data.StartAsync(await data.CallIdAsync(), "盘龙众创空间");
        var client = await app.SignedInAsync("km.applicant2");
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/Applications/{id}/Declaration"));
        // 昆明办法附件1 承诺书, items 一 to 三.
        Assert.Contains("真实性、完整性和准确性负责（附件1 承诺书第一项）", html);
        Assert.Contains("上年度未发生偷漏税、拖欠职工工资及欠缴社会保险费、重大以上生产安全事故、重特大环境污染事件和重大产品质量安全事故等行为（附件1 承诺书第二项）", html);
        Assert.Contains("不采取吃请、馈赠、贿赂等不正当手段（附件1 承诺书第三项）", html);
    }
}
