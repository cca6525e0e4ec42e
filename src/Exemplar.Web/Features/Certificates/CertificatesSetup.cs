using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Certificates;

public static class CertificatesSetup
{
    public static WebApplicationBuilder AddCertificates(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CertificateOptions>().Bind(builder.Configuration.GetSection(CertificateOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CertificateOptions>, CertificateOptionsValidation>();
        builder.Services.AddScoped<CertificateSigner>();
        builder.Services.AddScoped<CertificateIssuer>();
        builder.Services.AddScoped<ReissueCertificateHandler>();
        builder.Services.AddScoped<CertificateVerification>();
        builder.Services.AddScoped<CertificateDocument>();
        return builder;
    }

    /// <summary>A public key as a PEM file at a stable address.</summary>
    public static WebApplication MapCertificates(this WebApplication app)
    {
        app.MapGet("/Verify/Keys/{id}.pem", async (string id, ExemplarDbContext db, CancellationToken ct) =>
            await db.Set<SigningKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct) is { } key
                ? Results.Text(CertificateSigner.Pem(key), "application/x-pem-file")
                : Results.NotFound());
        return app;
    }
}
