using System.Globalization;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Requests;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

namespace Exemplar.Web.Infrastructure;

public static class WebSetup
{
    public static WebApplicationBuilder AddExemplarWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddRequestProtections();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ErrorResponses.InChinese);
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
            // A post whose values did not bind never reaches its handler (see RefuseUnboundPostFilter).
            o.Conventions.ConfigureFilter(new RefuseUnboundPostFilter());
        }).AddMvcOptions(o =>
        {
            o.Filters.Add(new RejectNulValuesFilter());
            o.Filters.Add<IdempotencyPageFilter>();
            o.Filters.Add(new PersonalDataReadFilter());
            // Optional fields are optional: a non-nullable string is not implicitly [Required] (that produced
            // "The Sort field is required." and the like); what is required is checked by the use case, in Chinese.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            o.ModelMetadataDetailsProviders.Add(new ChineseModelMessages());
            var m = o.ModelBindingMessageProvider;
            m.SetValueMustNotBeNullAccessor(_ => "请填写此项。");
            m.SetAttemptedValueIsInvalidAccessor((v, _) => $"填写的值“{v}”无效。");
            m.SetValueIsInvalidAccessor(v => $"填写的值“{v}”无效。");
            m.SetValueMustBeANumberAccessor(_ => "请填写数字。");
            m.SetMissingBindRequiredValueAccessor(_ => "请填写此项。");
            m.SetUnknownValueIsInvalidAccessor(_ => "填写的值无效。");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"填写的值“{v}”无效。");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字。");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
            m.SetMissingKeyOrValueAccessor(() => "请填写此项。");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效。");
        });
        // No Set-Cookie on pages that merely read an empty TempData (so the output cache can store them).
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>(sp));
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, QuietCookieTempDataProvider>());
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

    public const string ApiReferencePath = "/api/v1/docs";

    public static WebApplication UseExemplarWeb(this WebApplication app)
    {
        app.UseProxySupport();
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
            ctx.Response.Headers["Permissions-Policy"] =
                "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=()";
            // The API reference page configures its bundle inline; like every page it loads nothing from another origin.
            ctx.Response.Headers.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments(ApiReferencePath)
                ? "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'"
                : "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseRequestGuards();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapHealthChecks("/health");
        app.MapOpenApi("/api/v1/openapi.json");
        // A readable API reference over the same JSON, served entirely from this site: government intranets have no
        // internet, so no web fonts, telemetry, agent or proxy from elsewhere.
        app.MapScalarApiReference(ApiReferencePath, o => o
            .WithTitle("开放接口说明 - 示范基地与示范平台认定管理系统")
            .WithOpenApiRoutePattern("/api/v1/openapi.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideClientButton());
        app.MapRazorPages();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }
}
