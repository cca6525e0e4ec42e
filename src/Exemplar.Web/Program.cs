using Exemplar.Web.Features;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddExemplarDatabase();
builder.AddExemplarSecurity();
builder.AddExemplarWeb();
builder.AddExemplarFiles();
builder.AddExemplarFeatures();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseExemplarWeb();
app.MapExemplarFeatures();
app.Run();

public partial class Program;
