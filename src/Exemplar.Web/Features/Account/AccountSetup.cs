using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Account;

/// <summary>Sign-in with throttling, server-side sessions and two-factor sign-in (README "Deployment and security").</summary>
public static class AccountSetup
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        var config = builder.Configuration;
        s.AddOptions<SignInOptions>().Bind(config.GetSection("Exemplar:SignIn"))
            .Validate(o => o.FreeFailuresPerAddress is >= 3 and <= 50 && o.FreeFailuresPerAccount >= o.FreeFailuresPerAddress && o.FreeFailuresPerAccount <= 500
                           && o.FreeFailuresPerDevice is >= 3 and <= 50 && o.FreeFailuresPerSecondFactor is >= 3 and <= 20
                           && o.FirstDelaySeconds is >= 1 and <= 3600 && o.MaxDelayMinutes is >= 1 and <= 1440 && o.ForgetAfterHours is >= 1 and <= 24 * 30
                           && o.FailedResponseMilliseconds is >= 0 and <= 5000 && o.TrustedDeviceDays is >= 1 and <= 365,
                "Exemplar:SignIn 配置无效：免等待失败次数（按地址3至50、按账户不少于按地址且不超过500、按设备3至50、两步验证3至20），首次等待1至3600秒，最长等待1至1440分钟，失败计数保留1至720小时，失败答复时长0至5000毫秒，可信浏览器1至365天。")
            .ValidateOnStart();
        s.AddOptions<SessionOptions>().Bind(config.GetSection("Exemplar:Sessions"))
            .Validate(o => o.IdleMinutes is >= 5 and <= 24 * 60 && o.AbsoluteHours is >= 1 and <= 24 * 7 && o.IdleMinutes <= o.AbsoluteHours * 60,
                "Exemplar:Sessions 配置无效：闲置超时应在5至1440分钟之间，登录时限应在1至168小时之间，且闲置超时不长于登录时限。")
            .ValidateOnStart();
        s.AddOptions<TwoFactorOptions>().Bind(config.GetSection("Exemplar:TwoFactor"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Issuer) && o.Issuer.Length <= 50, "Exemplar:TwoFactor:Issuer 应为1至50个字。")
            .ValidateOnStart();
        s.AddScoped<SignInThrottle>();
        s.AddScoped<SignInService>();
        s.AddSingleton<TrustedDevices>();
        s.AddScoped<UserSessions>();
        s.AddSingleton<TwoFactorService>();
        s.AddScoped<TwoFactorHandler>();
        return builder;
    }

    /// <summary>For the start-up banner: a relaxed setting must not go unnoticed.</summary>
    public static string? Warning(IServiceProvider services) =>
        services.GetRequiredService<IOptions<TwoFactorOptions>>().Value.Enforce ? null
            : "两步验证未强制（Exemplar:TwoFactor:Enforce=false，仅供演示和测试）：主管部门、专家和管理员可不绑定验证器登录。";
}
