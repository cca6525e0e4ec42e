using Exemplar.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Account;

public sealed class AccountJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_user_changes_the_password_signs_out_and_signs_in_with_the_new_one()
    {
        var page = await browser.SignedInPageAsync("xz.chengguan");
        await page.GetByRole(AriaRole.Link, new() { Name = "修改密码" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("修改密码");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("当前密码").FillAsync(Exemplar.Web.Features.DemoData.DemoDirectory.Password);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("short1");
        await page.GetByLabel("确认新密码").FillAsync("short1");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("密码长度不能少于10位。");

        await page.GetByLabel("当前密码").FillAsync(Exemplar.Web.Features.DemoData.DemoDirectory.Password);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("Chengguan2026x");
        await page.GetByLabel("确认新密码").FillAsync("Chengguan2026x");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToContainTextAsync("密码已修改");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToContainTextAsync("您已安全退出。");
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("用户名").FillAsync("xz.chengguan");
        await page.GetByLabel("密码").FillAsync("Chengguan2026x");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Workbench");
        await BrowserFixture.ScreenshotAsync(page, "account-after-password-change");
        await page.Context.CloseAsync();
    }
}
