using Exemplar.Web.Features.Calendar.Obligations;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>The bases' 年度工作总结 and the local authorities' 年度报告 (检查情况报告).</summary>
public static class AnnualSummariesSetup
{
    public static WebApplicationBuilder AddAnnualSummaries(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<FilingRules>();
        s.AddScoped<SummaryAccess>();
        s.AddScoped<SummaryFiguresQuery>();
        s.AddScoped<StartSummaryHandler>();
        s.AddScoped<SaveSummaryHandler>();
        s.AddScoped<ReviseSummaryHandler>();
        s.AddScoped<ReportScope>();
        s.AddScoped<AreaTotalsQuery>();
        s.AddScoped<StartReportHandler>();
        s.AddScoped<SaveReportHandler>();
        s.AddScoped<OverdueSummaries>();
        s.AddScoped<IObligationFilings, SummaryFilings>();
        return builder;
    }
}
