namespace Exemplar.Web.Features.Notifications;

public static class NotificationsFeature
{
    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection("Exemplar:Reminders"))
            .Validate(o => o.IntervalMinutes is >= 1 and <= 1440 && o.InitialDelaySeconds is >= 0 and <= 3600,
                "Exemplar:Reminders 配置无效：IntervalMinutes 应在1至1440之间，InitialDelaySeconds 应在0至3600之间。")
            .ValidateOnStart();
        services.AddScoped<NotificationInbox>();
        services.AddSingleton<ReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderJob>());
        return services;
    }
}
