using System.Text.Json;
using Exemplar.Domain.Policies;

namespace Exemplar.Cli;

/// <summary>
/// <c>evaluate &lt;profile.json&gt; [--policy &lt;id&gt;] [--policies &lt;dir&gt;]</c>: prints the evaluation as JSON, in the
/// same shape as <c>POST /api/v1/eligibility/evaluate</c> (<see cref="EvaluationJson"/>). Exit code 0 when
/// evaluated, 2 on bad input (message in Chinese on stderr).
/// </summary>
public static class EvaluateCommand
{
    public const int Evaluated = 0;
    public const int BadInput = 2;

    private const string Usage = "用法：evaluate <档案.json> [--policy <政策标识>] [--policies <政策目录>]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "evaluate")
        {
            return Fail(stderr, args.Length == 0 ? "缺少命令。" : $"未知命令“{args[0]}”。");
        }

        string? profilePath = null, policyId = null, directory = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--policy" when i + 1 < args.Length:
                    policyId = args[++i];
                    break;
                case "--policies" when i + 1 < args.Length:
                    directory = args[++i];
                    break;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    return Fail(stderr, $"未知或缺少取值的选项“{a}”。");
                case var a when profilePath is null:
                    profilePath = a;
                    break;
                default:
                    return Fail(stderr, $"多余的参数“{args[i]}”。");
            }
        }

        if (profilePath is null)
        {
            return Fail(stderr, "缺少档案文件。");
        }

        if (!File.Exists(profilePath))
        {
            return Fail(stderr, $"找不到档案文件：{profilePath}", usage: false);
        }

        directory ??= DefaultDirectory();
        if (!Directory.Exists(directory))
        {
            return Fail(stderr, $"找不到政策目录：{directory}（可用 --policies 指定）", usage: false);
        }

        IReadOnlyList<PolicyVersion> policies;
        try
        {
            policies = PolicyLoader.LoadAll(Directory.EnumerateFiles(directory, "*.json")
                .Where(p => !p.EndsWith(".cases.json", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(p => (Path.GetFileName(p), File.ReadAllText(p))));
        }
        catch (PolicyLoadException ex)
        {
            return Fail(stderr, "政策文件有误：" + Environment.NewLine + string.Join(Environment.NewLine, ex.Errors.Select(e => $"{e.Source} {e.Path}：{e.Message}")), usage: false);
        }

        Profile profile;
        try
        {
            profile = ProfileJson.Parse(File.ReadAllText(profilePath));
        }
        catch (JsonException ex)
        {
            return Fail(stderr, $"档案不是有效的 JSON：第 {(ex.LineNumber ?? 0) + 1} 行附近有语法错误。", usage: false);
        }
        catch (ProfileFormatException ex)
        {
            return Fail(stderr, $"档案格式错误：{ex.Message}", usage: false);
        }
        catch (InvalidOperationException)
        {
            return Fail(stderr, "档案格式错误：facts 中某项的类型不对（functions 与 attestations 应为对象）。", usage: false);
        }

        // The administrator's dates live in the web application's database; the command line uses the texts as written.
        var selected = policies.ToList();
        if (policyId is not null)
        {
            selected = policies.Where(p => p.Id == policyId).ToList();
            if (selected.Count == 0)
            {
                return Fail(stderr, $"没有标识为“{policyId}”的政策。可用的政策：{string.Join("、", policies.Select(p => p.Id))}。", usage: false);
            }
        }

        var evaluations = new EligibilityEvaluator(selected).EvaluateAll(profile);
        stdout.WriteLine(EvaluationJson.Serialize(EvaluationJson.Report(profile, evaluations)));
        return Evaluated;
    }

    private static string DefaultDirectory()
    {
        var besideApp = Path.Combine(AppContext.BaseDirectory, "policies");
        return Directory.Exists(besideApp) ? besideApp : Path.Combine(Directory.GetCurrentDirectory(), "policies");
    }

    private static int Fail(TextWriter stderr, string message, bool usage = true)
    {
        stderr.WriteLine(message);
        if (usage)
        {
            stderr.WriteLine(Usage);
        }

        return BadInput;
    }
}
