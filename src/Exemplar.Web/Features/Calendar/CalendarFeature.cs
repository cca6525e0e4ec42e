using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Infrastructure.Data;

namespace Exemplar.Web.Features.Calendar;

public static class CalendarFeature
{
    public static IServiceCollection AddCalendarFeature(this IServiceCollection services)
    {
        services.AddSingleton<CalendarService>();
        services.AddSingleton<ProgrammePolicies>();
        services.AddSingleton<ProgrammeCallGate>();
        services.AddScoped<ObligationCatalog>();
        services.AddScoped<ObligationsPanelQuery>();
        services.AddScoped<ChangeCalendarHandler>();
        services.AddScoped<SaveCalendarSettingsHandler>();
        services.AddScoped<IStartupSeeder, CalendarSeeder>();
        return services;
    }
}
