using Exemplar.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Account;

/// <summary>Signs in as each role in a real browser and sees that role's home page.</summary>
public sealed class RoleHomePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("km.applicant", "申报单位用户工作台", "昆明五华创新创业园运营管理有限公司")]
    [InlineData("km.wuhua", "县（市、区）主管部门工作台", "五华区")]
    [InlineData("xz.lasa", "地（市）主管部门工作台", "拉萨市")]
    [InlineData("lc.kaifaqu", "开发区（园区）主管部门工作台", "聊城经济技术开发区")]
    [InlineData("bj.city", "认定机关工作台", "北京市")]
    [InlineData("km.expert", "评审专家工作台", "评审任务")]
    [InlineData("admin", "系统管理员工作台", "审计日志")]
    public async Task Each_role_signs_in_and_sees_its_home_page(string userName, string heading, string expectedText)
    {
        var page = await browser.SignedInPageAsync(userName);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(expectedText);
        await BrowserFixture.ScreenshotAsync(page, $"home-{userName}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Public_home_sign_in_and_registration_pages_are_accessible_on_a_phone()
    {
        var page = await browser.NewPageAsync(phone: true);
        foreach (var (url, name) in new[] { ("/", "public-home"), ("/Account/SignIn", "sign-in"), ("/Account/Register", "register") })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
            await BrowserFixture.ScreenshotAsync(page, $"phone-{name}");
            await BrowserFixture.AssertAccessibleAsync(page);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_unified_social_credit_code_is_refused_in_chinese_in_the_browser()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("单位名称").FillAsync("昆明测试众创空间有限公司");
        await page.GetByLabel("统一社会信用代码").FillAsync("91440300708461136A");
        await page.GetByLabel("所在地区（县区或开发区）").SelectOptionAsync("530102");
        await page.GetByLabel("联系人姓名").FillAsync("测试员");
        await page.GetByLabel("联系电话").FillAsync("13800138000");
        await page.GetByLabel("用户名").FillAsync("km.newbase");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("Secret2026abc");
        await page.GetByLabel("确认密码").FillAsync("Secret2026abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("统一社会信用代码校验位错误：第18位应为“T”");
        await BrowserFixture.ScreenshotAsync(page, "register-wrong-uscc");

        await page.GetByLabel("统一社会信用代码").FillAsync("91440300708461136T");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("Secret2026abc");
        await page.GetByLabel("确认密码").FillAsync("Secret2026abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.WaitForURLAsync("**/Workbench");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("昆明测试众创空间有限公司");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Unknown_pages_and_forbidden_pages_show_chinese_error_pages()
    {
        var page = await browser.SignedInPageAsync("km.applicant");
        var notFound = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, notFound!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("页面不存在");
        await page.GotoAsync("/Admin/Audit");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
