namespace Exemplar.Web.Features.Revocations;

/// <summary>撤销称号 with 陈述申辩 (issue 14).</summary>
public static class RevocationsSetup
{
    public static WebApplicationBuilder AddRevocations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StartRevocationHandler>();
        builder.Services.AddScoped<StateCaseHandler>();
        builder.Services.AddScoped<RecordDeliveryHandler>();
        builder.Services.AddScoped<DecideRevocationHandler>();
        builder.Services.AddScoped<SummaryRevocationProposals>();
        builder.Services.AddScoped<RevocationDocument>();
        return builder;
    }
}
