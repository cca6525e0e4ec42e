using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Policies;

/// <summary>Where the policy files are: <c>Exemplar:Policies:Directory</c>, else <c>policies/</c> beside the app.</summary>
public sealed class PolicyFileOptions
{
    public string Directory { get; set; } = "";

    public string ResolvedDirectory =>
        string.IsNullOrWhiteSpace(Directory) ? Path.Combine(AppContext.BaseDirectory, "policies") : Directory;
}

/// <summary>One loaded programme file with its lint findings and its test-case file (if any).</summary>
public sealed record PolicyFile(PolicyVersion Policy, IReadOnlyList<LintFinding> Lint, string? CasesJson);

/// <summary>
/// Every <c>policies/*.json</c> (not <c>*.cases.json</c>, not <c>examples/</c>), loaded once at start-up with the
/// domain loader. Effective dates set by an administrator are applied later by <see cref="PolicyCatalogue"/>.
/// </summary>
public sealed class PolicyFileSet
{
    private PolicyFileSet(IReadOnlyList<PolicyFile> files, IReadOnlyList<string> examples)
    {
        Files = files;
        ExampleProfiles = examples;
    }

    public IReadOnlyList<PolicyFile> Files { get; }

    /// <summary>Text of the sample profiles in <c>examples/</c>.</summary>
    public IReadOnlyList<string> ExampleProfiles { get; }

    public static IEnumerable<string> PolicyPaths(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "*.json", SearchOption.TopDirectoryOnly)
            .Where(p => !p.EndsWith(".cases.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    /// <summary>The loader's messages (file, JSON path, problem); empty when every file is valid.</summary>
    public static IReadOnlyList<string> Problems(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return [$"政策文件目录不存在：{directory}"];
        }

        var paths = PolicyPaths(directory).ToList();
        if (paths.Count == 0)
        {
            return [$"政策文件目录中没有政策文件：{directory}"];
        }

        try
        {
            PolicyLoader.LoadAll(paths.Select(p => (Path.GetFileName(p), File.ReadAllText(p))));
            return [];
        }
        catch (PolicyLoadException ex)
        {
            return ex.Errors.Select(e => $"政策文件 {e.Source} 的 {e.Path}：{e.Message}").ToList();
        }
    }

    public static PolicyFileSet Load(string directory)
    {
        var paths = PolicyPaths(directory).ToList();
        var policies = PolicyLoader.LoadAll(paths.Select(p => (Path.GetFileName(p), File.ReadAllText(p))));
        var files = policies.Select(p =>
        {
            var casesPath = Path.Combine(directory, p.Id + ".cases.json");
            return new PolicyFile(p, PolicyLint.Check(p), File.Exists(casesPath) ? File.ReadAllText(casesPath) : null);
        }).ToList();
        var examplesDir = Path.Combine(directory, "examples");
        var examples = System.IO.Directory.Exists(examplesDir)
            ? System.IO.Directory.EnumerateFiles(examplesDir, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];
        return new PolicyFileSet(files, examples);
    }
}
