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
        services.AddScoped<Messenger>();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection("Exemplar:Mail"));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection("Exemplar:Outbox"))
            .Validate(o => o.IntervalSeconds is >= 1 and <= 3600 && o.BatchSize is >= 1 and <= 1000 && o.MaxAttempts is >= 1 and <= 20,
                "Exemplar:Outbox 配置无效：IntervalSeconds 应在1至3600之间，BatchSize 应在1至1000之间，MaxAttempts 应在1至20之间。")
            .ValidateOnStart();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<ISmsGateway, LoggingSmsGateway>();
        services.AddSingleton<OutboxJob>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxJob>());
        services.AddSingleton<ReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderJob>());
        return services;
    }
}
