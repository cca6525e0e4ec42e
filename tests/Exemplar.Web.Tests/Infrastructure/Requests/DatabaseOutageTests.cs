using System.Net;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Exemplar.Web.Tests.Infrastructure.Requests;

/// <summary>
/// PostgreSQL unreachable (issue 8 item 8): pages and the API answer 503 with Retry-After and a Chinese message, not 500;
/// when the database is back the app serves again by itself. The outage is a cut TCP relay in front of this class's
/// database (the real stop of a whole cluster under write load is bench/Exemplar.Bench.Faults).
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.RelayedFactory app) : IClassFixture<DatabaseOutageTests.RelayedFactory>
{
    public sealed class RelayedFactory : ExemplarFactory
    {
        public TcpRelay Relay { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Relay = new TcpRelay(new NpgsqlConnectionStringBuilder(ConnectionString).Port);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var relayed = new NpgsqlConnectionStringBuilder(ConnectionString) { Port = Relay.Port, Timeout = 3 };
            builder.UseSetting("ConnectionStrings:Default", relayed.ConnectionString);
        }
    }

    [Fact]
    public async Task While_the_database_is_down_requests_get_503_with_retry_after_and_recover_by_themselves()
    {
        var officer = await app.SignedInAsync("km.wuhua");
        var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Workbench")).StatusCode);

        app.Relay.Cut();
        try
        {
            foreach (var (client, url) in new[] { (officer, "/Workbench"), (officer, "/api/v1/carriers"), (officer, "/Base"), (anonymous, "/Account/SignIn") })
            {
                var response = await client.GetAsync(url);
                if (url == "/Account/SignIn" && response.StatusCode == HttpStatusCode.OK) continue; // needs no database
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {(int)response.StatusCode}");
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{url}: no Retry-After");
                var body = await response.Content.ReadAsStringAsync();
                Assert.Contains("暂时", body);
            }
            var signIn = await anonymous.SignInAsync("km.panlong", Exemplar.Web.Features.DemoData.DemoDirectory.Password);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
        }
        finally
        {
            app.Relay.Restore();
        }

        // Pooled connections broke with the outage; the app needs no restart.
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Workbench")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/jurisdictions")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().SignInAsync("km.panlong", Exemplar.Web.Features.DemoData.DemoDirectory.Password)).StatusCode);
    }
}
