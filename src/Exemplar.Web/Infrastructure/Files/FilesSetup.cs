namespace Exemplar.Web.Infrastructure.Files;

public static class FilesSetup
{
    public static WebApplicationBuilder AddExemplarFiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<UploadOptions>().Bind(builder.Configuration.GetSection("Exemplar:Uploads"))
            .Validate(o => o.MaxFileBytes is > 0 and <= 200L * 1024 * 1024, "Exemplar:Uploads:MaxFileBytes 应在1字节至200 MB之间。")
            .ValidateOnStart();
        builder.Services.AddSingleton<UploadInspector>();
        builder.Services.AddScoped<FileStore>();
        return builder;
    }
}
