using System.Net;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Exemplar.Web.Tests.Features.Applications;

/// <summary>The benchmark's no-op upload (issue 11 deadline rush) exists only when a deployment turns it on.</summary>
public sealed class BenchNoOpUploadTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static ByteArrayContent OneMegabyte() => new(new byte[1024 * 1024]);

    [Fact]
    public async Task It_is_not_there_by_default()
    {
        using var client = await app.SignedInAsync("km.applicant");
        var response = await client.PostAsync("/api/v1/bench/noop-upload", OneMegabyte());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Turned_on_it_reads_a_signed_in_users_body_and_keeps_nothing()
    {
        using var enabled = app.WithWebHostBuilder(b => b.UseSetting(BenchNoOpUpload.Setting, "true"));
        using var anonymous = enabled.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/bench/noop-upload", new ByteArrayContent(new byte[100]))).StatusCode);

        using var client = enabled.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("km.applicant", DemoDirectory.Password)).StatusCode);
        var response = await client.PostAsync("/api/v1/bench/noop-upload", OneMegabyte());
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
