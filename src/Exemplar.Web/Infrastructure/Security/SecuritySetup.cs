using System.Security.Claims;
using System.Threading.RateLimiting;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Infrastructure.Security;

public static class SecuritySetup
{
    public const string SignInRateLimit = "sign-in";
    public const string ApiRateLimit = "api";

    public static WebApplicationBuilder AddExemplarSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LockoutOptions>().Bind(builder.Configuration.GetSection("Exemplar:Lockout"))
            .Validate(o => o.MaxFailedAttempts is >= 3 and <= 20 && o.Minutes is >= 1 and <= 1440,
                "Exemplar:Lockout 配置无效：失败次数应在3至20之间，锁定分钟数应在1至1440之间。")
            .ValidateOnStart();
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddScoped<SignInService>();

        services.AddDataProtection().SetApplicationName("Exemplar");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DbXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "exemplar.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/Account/SignIn";
                o.LogoutPath = "/Account/SignOut";
                o.AccessDeniedPath = "/Error/403";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateStampAsync;
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Applicant, p => p.RequireRole(nameof(Role.Applicant)))
            .AddPolicy(AuthPolicies.Officer, p => p.RequireRole(RoleNames.Officers.Select(r => r.ToString())))
            .AddPolicy(AuthPolicies.Designating, p => p.RequireRole(nameof(Role.DesignatingOfficer)))
            .AddPolicy(AuthPolicies.Expert, p => p.RequireRole(nameof(Role.Expert)))
            .AddPolicy(AuthPolicies.Administrator, p => p.RequireRole(nameof(Role.Administrator)));

        var signInPerMinute = builder.Configuration.GetValue("Exemplar:RateLimits:SignInPerMinute", 30);
        var apiPerMinute = builder.Configuration.GetValue("Exemplar:RateLimits:ApiPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimitRejection.WriteAsync;
            o.AddPolicy(SignInRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(ApiRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.User.Identity?.Name ?? ctx.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = apiPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    private static async Task ApiOr(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx.HttpContext,
                ProblemDetails =
                {
                    Status = status,
                    Title = status == 401 ? "需要登录" : "无权访问",
                    Detail = status == 401 ? "请先登录后再调用此接口。" : "您的角色或管辖范围不允许此操作。",
                },
            });
            return;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
    }

    /// <summary>Signs out sessions of disabled accounts and of accounts whose password changed since.</summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext ctx)
    {
        var id = ctx.Principal?.UserId();
        var stamp = ctx.Principal?.FindFirstValue(ExemplarClaims.SecurityStamp);
        if (id is null) { ctx.RejectPrincipal(); return; }
        var db = ctx.HttpContext.RequestServices.GetRequiredService<ExemplarDbContext>();
        var current = await db.Set<UserAccount>().AsNoTracking()
            .Where(u => u.Id == id).Select(u => new { u.SecurityStamp, u.IsActive }).FirstOrDefaultAsync();
        if (current is null || !current.IsActive || current.SecurityStamp != stamp)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}

public sealed class LockoutOptions
{
    public int MaxFailedAttempts { get; set; } = 5;
    public int Minutes { get; set; } = 15;
}
