using System.Net;
using System.Security.Cryptography;
using System.Text;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Exemplar.Web.Tests.Features.Applications;

/// <summary>
/// The benchmark's no-op upload and stored upload (issue 11 deadline rush) exist only when a deployment turns them on.
/// </summary>
public sealed class BenchNoOpUploadTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static ByteArrayContent OneMegabyte() => new(new byte[1024 * 1024]);

    [Fact]
    public async Task It_is_not_there_by_default()
    {
        using var client = await app.SignedInAsync("km.applicant");
        var response = await client.PostAsync("/api/v1/bench/noop-upload", OneMegabyte());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/bench/stored-upload", new ByteArrayContent(Pdf()))).StatusCode);
    }

    /// <summary>A 1 MB PDF whose bytes are unique to this run, so the stored copy can be found by its SHA-256.</summary>
    private static byte[] Pdf()
    {
        var bytes = new byte[1024 * 1024];
        Array.Fill(bytes, (byte)' ');
        Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n").CopyTo(bytes, 0);
        Encoding.ASCII.GetBytes("\ntrailer << >>\n%%EOF\n").CopyTo(bytes, bytes.Length - 21);
        return bytes;
    }

    private async Task<long> StoredCopiesAsync(byte[] content)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM stored_file_contents WHERE sha256(content) = $1", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = SHA256.HashData(content) });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Turned_on_the_stored_upload_keeps_an_inspected_files_bytes_and_refuses_what_inspection_refuses()
    {
        using var enabled = app.WithWebHostBuilder(b => b.UseSetting(BenchNoOpUpload.Setting, "true"));
        using var anonymous = enabled.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/bench/stored-upload", new ByteArrayContent(Pdf()))).StatusCode);
        using var client = enabled.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("km.applicant", DemoDirectory.Password)).StatusCode);

        var pdf = Pdf();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/bench/stored-upload", new ByteArrayContent(pdf))).StatusCode);
        Assert.Equal(1, await StoredCopiesAsync(pdf));

        // A megabyte of zeros is no PDF, PNG, JPEG or Office file: refused by content, nothing kept.
        var zeros = new byte[1024 * 1024];
        var refused = await client.PostAsync("/api/v1/bench/stored-upload", new ByteArrayContent(zeros));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("材料未上传", problem.GetProperty("title").GetString());
        Assert.Contains("按文件内容判断", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await StoredCopiesAsync(zeros));
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
