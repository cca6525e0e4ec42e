using System.Globalization;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Infrastructure;

public static class WebSetup
{
    public static WebApplicationBuilder AddExemplarWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddProblemDetails();
        // Chinese text is written as characters, not &#x..; entities (the default encoder escapes all non-Latin text).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Exemplar 示范基地与示范平台认定管理系统 API";
            doc.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // Each area keeps its administration pages in its own folder; every page routed under /Admin is for administrators.
            o.Conventions.Add(new AdminRoutesConvention());
            o.Conventions.AuthorizeFolder("/Workbench", AuthPolicies.SignedIn);
            o.Conventions.AuthorizePage("/Account/ChangePassword", AuthPolicies.SignedIn);
        }).AddMvcOptions(o =>
        {
            var m = o.ModelBindingMessageProvider;
            m.SetValueMustNotBeNullAccessor(_ => "请填写此项。");
            m.SetAttemptedValueIsInvalidAccessor((v, f) => $"“{v}”不是有效的值。");
            m.SetValueIsInvalidAccessor(v => $"“{v}”不是有效的值。");
            m.SetValueMustBeANumberAccessor(f => "请填写数字。");
            m.SetMissingBindRequiredValueAccessor(f => "请填写此项。");
            m.SetUnknownValueIsInvalidAccessor(f => "填写的值无效。");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"“{v}”不是有效的值。");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字。");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
            m.SetMissingKeyOrValueAccessor(() => "请填写此项。");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效。");
        });
        services.AddAntiforgery(o => o.Cookie.Name = "exemplar.af");
        services.AddOutputCache();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var zh = new CultureInfo("zh-CN");
            o.DefaultRequestCulture = new RequestCulture(zh);
            o.SupportedCultures = [zh];
            o.SupportedUICultures = [zh];
        });
        return builder;
    }

    public static WebApplication UseExemplarWeb(this WebApplication app)
    {
        app.UseRequestLocalization();
        // API callers get ProblemDetails; people get the Chinese error pages.
        static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseExceptionHandler("/Error/500").UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers.XFrameOptions = "DENY";
            ctx.Response.Headers["Referrer-Policy"] = "same-origin";
            ctx.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapHealthChecks("/health");
        app.MapOpenApi("/api/v1/openapi.json");
        app.MapRazorPages();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }
}
