namespace Exemplar.Web.Features.Calls;

/// <summary>Calls (申报批次): created, published, extended and closed by the designating authority; read by everyone.</summary>
public static class CallsSetup
{
    public static WebApplicationBuilder AddCalls(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<CreateCallHandler>();
        s.AddScoped<SaveCallHandler>();
        s.AddScoped<PublishCallHandler>();
        s.AddScoped<ExtendCallHandler>();
        s.AddScoped<CloseCallHandler>();
        s.AddScoped<AddCallAttachmentHandler>();
        s.AddScoped<CallQuery>();
        s.AddScoped<Infrastructure.Data.IStartupSeeder, CallDemoSeeder>();
        return builder;
    }
}
