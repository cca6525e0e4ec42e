using Exemplar.Web.Features.Calendar.Obligations;

namespace Exemplar.Web.Features.ChangeFilings;

/// <summary>重大变更备案 (issue 14).</summary>
public static class ChangeFilingsSetup
{
    public static WebApplicationBuilder AddChangeFilings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddScoped<FileChangeHandler>();
        builder.Services.AddScoped<ProcessChangeHandler>();
        builder.Services.AddScoped<IObligationFilings, ChangeFilingFilings>();
        return builder;
    }
}
