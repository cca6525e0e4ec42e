using AngleSharp.Dom;
using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Policies;

/// <summary>The programme and comparison pages show the workflow rules with the text's words (issue 10); expected values from the seeds.</summary>
public sealed class ProgrammeRulesTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static string Text(IElement? e) => e?.TextContent.Replace('\u00a0', ' ') ?? "";

    [Fact]
    public async Task Beijing_shows_the_two_year_ban_beside_the_article_15_grounds_only()
    {
        var page = await app.Client().GetDocumentAsync("/Policies/beijing-base");
        foreach (var id in new[] { "false-materials", "penalised", "serious-dishonesty" })
        {
            Assert.Contains("2 年内不得再次申请（第十五条）", Text(page.QuerySelector($"tr[data-ground={id}] .ban")));
        }

        Assert.Equal("文本未限制", Text(page.QuerySelector("tr[data-ground=evaluation-failed] .ban")).Trim());
        Assert.Equal("文本未限制", Text(page.QuerySelector("tr[data-ground=major-change] .ban")).Trim());
        Assert.Contains("第十四条", Text(page.QuerySelector("tr[data-ground=evaluation-failed] .citation")));
        // 第十四条 outcomes and 第十三条 non-participation.
        Assert.Contains("撤销称号", Text(page.QuerySelector("tr[data-grade=不合格] .outcome")));
        Assert.Contains("保留称号，不予资金支持", Text(page.QuerySelector("tr[data-grade=一般] .outcome")));
        Assert.Contains("分级分档给予资金奖励", Text(page.QuerySelector("tr[data-grade=较好] .outcome")));
        Assert.Contains("视同为绩效评价结果不合格", Text(page.QuerySelector(".non-participation")));
        // 第十七条: within 30 working days of the change occurring; the authority decides change or revocation, published.
        var change = Text(page.QuerySelector(".change-filing"));
        Assert.Contains("发生变更后 30 个工作日内", change);
        Assert.Contains("变更或撤销的处理决定，并向社会公示", change);
        Assert.Contains("北京市中小企业公共服务平台", Text(page.QuerySelector(".periodic-reporting")));
        Assert.Contains("已认定示范基地的管理按本办法执行", Text(page.QuerySelector(".transitional")));
        Assert.Contains("无推荐环节", Text(page.QuerySelector("[data-step=recommendation]")));
        Assert.Contains("由申报批次确定", Text(page.QuerySelector(".expert-review")));
        Assert.Contains("文本未规定有效期", Text(page.QuerySelector(".validity")));
        Assert.Contains("单位和法定代表人", Text(page.QuerySelector("li[data-undertaking=integrity]")));
        Assert.NotNull(page.QuerySelector(".applicants li[data-carrier-type=hardTechIncubator]"));
        Assert.Contains("等载体", Text(page.QuerySelector(".applicants")));
    }

    [Fact]
    public async Task Kunming_shows_its_recommendation_sampling_plaque_recall_and_undertakings()
    {
        var page = await app.Client().GetDocumentAsync("/Policies/kunming-base-2022");
        var level = page.QuerySelector("[data-step=recommendation-1]");
        Assert.Contains("县（市、区）主管部门", Text(level));
        Assert.Contains("开发区（园区）主管部门", Text(level));
        Assert.Contains("不低于 10% 的入驻基地的小微企业", Text(level!.QuerySelector(".sampling")));
        Assert.Contains("《昆明市小型微型企业创业创新示范基地推荐汇总表》（附件2）", Text(level.QuerySelector(".form")));
        Assert.Contains("在专家评审之后", Text(page.QuerySelector(".site-inspection")));
        Assert.Contains("认定机关可定更长的公示期", Text(page.QuerySelector("[data-step=public-notice]")));
        Assert.Contains("收回牌匾", Text(page.QuerySelector("tr[data-ground=evaluation-failed] .consequence")));
        Assert.Equal(3, page.QuerySelectorAll(".undertakings li").Length);
        Assert.Contains("有效期满当年可再次申报", Text(page.QuerySelector(".reapplication")));
        Assert.NotNull(page.QuerySelector(".applicants li[data-carrier-type=starInnovationSpace]"));
        // 第六条第（五）项: the reading of “学历和职称” is stated beside the requirement.
        Assert.Contains("按具备其一计", Text(page.QuerySelector("tr[data-condition=qualified-staff-share] .interpretation")));
        Assert.Contains("一站式、个性化服务", Text(page.QuerySelector("tr[data-condition=one-stop-service]")));
        // A function's descriptive requirements are there for the reviewer even where it has volumes (第七条第（四）项 见习岗位).
        Assert.Contains("见习岗位", Text(page.QuerySelector("tr[data-function=training] details")));
        // No internal value names: the branch's applicability is in words.
        Assert.Contains("基地产业类型：以制造业为主", page.Body!.TextContent);
        Assert.DoesNotContain("manufacturing", page.Body.TextContent);
        Assert.DoesNotContain("producerServices", page.Body.TextContent);
    }

    [Fact]
    public async Task Liaocheng_shows_the_county_on_site_audit_re_review_and_filing_through_the_county()
    {
        var page = await app.Client().GetDocumentAsync("/Policies/liaocheng-base-2021");
        Assert.Contains("对各申报基地进行现场审核", Text(page.QuerySelector("[data-step=recommendation-1] .on-site-audit")));
        Assert.Contains("必要时进行现场核查", Text(page.QuerySelector(".site-inspection")));
        Assert.Contains("期满当年须申请复核", Text(page.QuerySelector(".re-review")));
        Assert.Contains("取消其示范基地称号", Text(page.QuerySelector(".re-review")));
        Assert.Contains("有效期内不得重复申报", Text(page.QuerySelector(".reapplication")));
        Assert.Contains("变更完成后 10 个工作日内通过所属辖区的中小企业主管部门报市工信局备案", Text(page.QuerySelector(".change-filing")));
        Assert.Contains("《聊城市小型微型企业创业创新示范基地认定申请表》", Text(page.QuerySelector(".materials")));
    }

    [Fact]
    public async Task Comparison_can_show_only_the_chosen_programmes_and_compares_the_rules()
    {
        var page = await app.Client().GetDocumentAsync("/Policies/Compare?p=beijing-base&p=kunming-base-2022");
        Assert.Equal(["beijing-base", "kunming-base-2022"], page.QuerySelectorAll("table.comparison thead th[data-policy]").Select(th => th.GetAttribute("data-policy")!));
        Assert.NotNull(page.QuerySelector("input[name=p][value=beijing-base][checked]"));
        Assert.Null(page.QuerySelector("input[name=p][value=liaocheng-base-2021][checked]"));
        var ban = page.QuerySelector("tr[data-concept=ban]");
        Assert.Contains("2 年内不得再次申请", Text(ban!.QuerySelector("td[data-policy=beijing-base]")));
        Assert.Equal("—", Text(ban.QuerySelector("td[data-policy=kunming-base-2022]")).Trim());
        Assert.Contains("不低于 10%", Text(page.QuerySelector("tr[data-concept=sampling] td[data-policy=kunming-base-2022]")));
        // Unknown ids or none: every programme.
        Assert.Equal(5, (await app.Client().GetDocumentAsync("/Policies/Compare?p=nope")).QuerySelectorAll("table.comparison thead th[data-policy]").Length);
    }
}
