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
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();

        var dataProtection = services.AddDataProtection().SetApplicationName("Exemplar");
        // Keys live in PostgreSQL (shared by every instance). With a certificate configured they are encrypted at rest
        // with it, so a database dump alone cannot decrypt cookies or the stored two-factor secrets (README "Keys").
        if (builder.Configuration["Exemplar:DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
            dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, builder.Configuration["Exemplar:DataProtection:CertificatePassword"]));
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
                // The cookie only names a server-side session, which sets the idle and absolute lifetimes (UserSessions).
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.SlidingExpiration = false;
                o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = UserSessions.ValidateAsync;
            })
            .AddCookie(TwoFactorPending.Scheme, o =>
            {
                o.Cookie.Name = "exemplar.2fa";
                o.Cookie.Path = "/Account";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
                o.SlidingExpiration = false;
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

}
