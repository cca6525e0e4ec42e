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

    /// <summary>
    /// <c>../shared/seeds</c> beside the repository root; a git worktree sits deeper (/work/wt/x), so the
    /// nearest ancestor holding <c>shared/seeds</c> is used, or <c>EXEMPLAR_SEEDS</c> when set.
    /// </summary>
    public static string SeedDirectory()
    {
        if (Environment.GetEnvironmentVariable("EXEMPLAR_SEEDS") is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }

        for (var dir = System.IO.Directory.GetParent(RepositoryRoot()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/seeds not found above " + RepositoryRoot());
    }

    public static string SeedText(string id) => File.ReadAllText(Path.Combine(SeedDirectory(), SeedFileById[id]));

    public static JsonDocument Cases(string id) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, id + ".cases.json")));

    public static Profile BaseProfile(string id)
    {
        using var doc = Cases(id);
        return ProfileJson.Parse(doc.RootElement.GetProperty("baseProfile"));
    }
}
