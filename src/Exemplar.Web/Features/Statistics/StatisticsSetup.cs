namespace Exemplar.Web.Features.Statistics;

/// <summary>统计分析: the authority's dashboard of its area (pages, XLSX export).</summary>
public static class StatisticsSetup
{
    public static WebApplicationBuilder AddStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StatisticsQuery>();
        return builder;
    }
}
