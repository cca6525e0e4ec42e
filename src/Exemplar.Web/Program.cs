using Exemplar.Web.Features;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddExemplarDatabase();
builder.AddExemplarSecurity();
builder.AddExemplarWeb();
builder.AddExemplarFeatures();

var app = builder.Build();
if (args.Contains("--print-schema"))
{
    // Authoring aid for migrations: prints the CREATE script for the whole EF model.
    Console.WriteLine(app.SchemaScript());
    return;
}
await app.PrepareDatabaseAsync();
app.UseExemplarWeb();
app.MapExemplarFeatures();
app.Run();

public partial class Program;
