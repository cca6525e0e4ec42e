using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Exemplar.Web.Infrastructure;

/// <summary>What a newcomer needs after `scripts/start.sh`: where the site is and how to sign in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Count == 0) return; // in-process test server
        var lines = new List<string> { "", "==== Exemplar 示范基地与示范平台认定管理系统 已启动 ====" };
        lines.AddRange(addresses.Select(a => $"  访问地址：{a}"));
        if (app.Configuration.GetValue("Exemplar:SeedDemoData", false))
        {
            lines.Add($"  演示账户（密码均为 {DemoDirectory.Password}）：");
            lines.AddRange(DemoDirectory.Users.Select(u => $"    {u.UserName,-16} {RoleNames.Label(u.Role),-14} {u.DisplayName}"));
        }
        if (Features.Account.AccountSetup.Warning(app.Services) is { } warning) lines.Add("  注意：" + warning);
        lines.Add("  按 Ctrl+C 停止。");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
