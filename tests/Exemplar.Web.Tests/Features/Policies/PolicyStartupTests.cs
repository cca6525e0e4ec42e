using System.Text.Json.Nodes;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Exemplar.Web.Tests.Features.Policies;

/// <summary>The app with a copy of the policy files where Kunming's 第六条第（三）项 has a qualifier the loader does not know.</summary>
public sealed class BrokenPolicyFactory : ExemplarFactory
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"policies-broken-{Guid.NewGuid():N}");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var source = Path.Combine(TestDatabase.RepositoryRoot(), "policies");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.GetFiles(source, "*.json"))
        {
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
        }

        var path = Path.Combine(Directory, "kunming-base-2022.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        json["conditions"]!.AsArray().Single(c => (string)c!["id"]! == "resident-count")!["qualifier"] = "大约";
        await File.WriteAllTextAsync(path, json.ToJsonString());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Exemplar:Policies:Directory", Directory);
    }
}

public sealed class PolicyStartupTests(BrokenPolicyFactory app) : IClassFixture<BrokenPolicyFactory>
{
    [Fact]
    public void A_broken_policy_file_stops_start_up_naming_the_file_and_the_path()
    {
        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var message = ex.ToString();
        Assert.Contains("kunming-base-2022.json", message);
        Assert.Contains("$.conditions[5]", message);
        Assert.Contains("大约", message);
    }
}
