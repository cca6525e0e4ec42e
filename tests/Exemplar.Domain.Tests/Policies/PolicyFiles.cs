using System.Text.Json;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

/// <summary>The policy files copied to the test output (from <c>policies/</c> at the repository root) and the seeds.</summary>
public static class PolicyFiles
{
    public static readonly IReadOnlyDictionary<string, string> SeedFileById = new Dictionary<string, string>
    {
        ["xizang-base-2017"] = "000_466a7bae1518b072.txt",
        ["xizang-platform-2022"] = "001_d0a9109e6e527641.txt",
        ["liaocheng-base-2021"] = "002_ec0d65c3d60cd5f5.txt",
        ["beijing-base"] = "003_29962458256b4553.txt",
        ["kunming-base-2022"] = "004_5ea13074799c6910.txt",
    };

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "policies");

    public static IEnumerable<string> PolicyPaths() =>
        System.IO.Directory.GetFiles(Directory, "*.json").Where(p => !p.EndsWith(".cases.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<PolicyVersion>> Loaded = new(() =>
        PolicyLoader.LoadAll(PolicyPaths().Select(p => (Path.GetFileName(p), File.ReadAllText(p)))));

    public static IReadOnlyList<PolicyVersion> All => Loaded.Value;

    public static PolicyVersion Get(string id) => All.Single(p => p.Id == id);

    public static IEnumerable<object[]> Ids() => SeedFileById.Keys.Select(id => new object[] { id });

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Exemplar.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Exemplar.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string SeedText(string id) =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "..", "shared", "seeds", SeedFileById[id]));

    public static JsonDocument Cases(string id) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, id + ".cases.json")));

    public static Profile BaseProfile(string id)
    {
        using var doc = Cases(id);
        return ProfileJson.Parse(doc.RootElement.GetProperty("baseProfile"));
    }
}
