namespace Exemplar.Web.Features.Notices;

/// <summary>Public notice (公示) and objections (异议).</summary>
public static class NoticesSetup
{
    public static WebApplicationBuilder AddNotices(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<NoticeCandidates>();
        s.AddScoped<PublishNoticeHandler>();
        s.AddScoped<FileObjectionHandler>();
        s.AddScoped<ObjectionLoader>();
        s.AddScoped<RegisterObjectionHandler>();
        s.AddScoped<StateCaseHandler>();
        s.AddScoped<ConcludeObjectionHandler>();
        s.AddScoped<ExtendNoticeHandler>();
        return builder;
    }
}
