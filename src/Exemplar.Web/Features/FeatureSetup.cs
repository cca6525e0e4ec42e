using Exemplar.Web.Features.ChangeFilings;
using Exemplar.Web.Features.Revocations;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Recommendations;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Audit;
using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Features.Api;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Documents;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Features.Confirmations;
using Exemplar.Web.Features.Statistics;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Registry;
using Exemplar.Web.Features.SiteInspections;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Features.Evaluations;
using Exemplar.Web.Features.Privacy;
using Exemplar.Web.Features.AnnualSummaries;
using Exemplar.Web.Infrastructure.Data;

namespace Exemplar.Web.Features;

/// <summary>One line per feature area: its services and its endpoints.</summary>
public static class FeatureSetup
{
    public static WebApplicationBuilder AddExemplarFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<JurisdictionTreeCache>();
        services.AddScoped<IStartupSeeder, JurisdictionSeeder>();
        services.AddScoped<IStartupSeeder, DemoDataSeeder>();
        services.AddScoped<RegisterOrganizationHandler>();
        services.AddScoped<ChangePasswordHandler>();
        services.AddScoped<AddJurisdictionHandler>();
        services.AddScoped<AuditQuery>();
        services.AddScoped<AccountAdminHandler>();
        builder.AddAccounts();
        services.AddScoped<Organizations.RegistrationHandlers>();
        services.AddScoped<Infrastructure.Security.PersonalDataReads>();
        builder.AddPrivacy();
        builder.AddCarriers();
        builder.AddLedger();
        builder.AddCalls();
        builder.AddApplications();
        builder.AddRecommendations();
        builder.AddReviews();
        builder.AddSiteInspections();
        builder.AddNotices();
        builder.AddDecisions();
        builder.AddEvaluations();
        builder.AddAnnualSummaries();
        services.AddCalendarFeature();
        services.AddNotificationsFeature(builder.Configuration);
        services.AddPolicyLibrary(builder.Configuration);
        builder.AddSurveys();
        builder.AddConfirmations();
        builder.AddStatistics();
        builder.AddLedgerTransfer();
        builder.AddDocuments();
        builder.AddDesignations();
        builder.AddChangeFilings();
        builder.AddRevocations();
        builder.AddCertificates();
        builder.AddRegistry();
        return builder;
    }

    public static WebApplication MapExemplarFeatures(this WebApplication app)
    {
        var api = app.MapApiV1();
        api.MapAccountApi();
        api.MapJurisdictionApi();
        api.MapAuditApi();
        api.MapCalendarApi();
        api.MapPolicyApi();
        api.MapLedgerApi();
        api.MapTransferApi();
        api.MapCallsApi();
        api.MapApplicationsApi();
        api.MapNoticesApi();
        api.MapCertificatesApi();
        app.MapCertificates();
        app.MapRegistry(api);
        return app;
    }
}
