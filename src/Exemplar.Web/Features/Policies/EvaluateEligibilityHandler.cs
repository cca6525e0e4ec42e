using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Jurisdictions;

namespace Exemplar.Web.Features.Policies;

/// <summary>One programme (<see cref="PolicyId"/>) or, when null, every programme.</summary>
public sealed record EvaluateEligibilityCommand(Profile Profile, string? PolicyId);

/// <summary>The evaluations, or why the input was refused (<see cref="Path"/> names the field in the profile format).</summary>
public sealed record EligibilityOutcome(IReadOnlyList<PolicyEvaluation> Evaluations, string? Error, string? Path = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Self-check and API: checks what only the application knows (a division code that does not exist in a prefecture the
/// product covers; a reference date far in the future), then evaluates with the same engine the tests and the command
/// line use.
/// </summary>
public sealed class EvaluateEligibilityHandler(PolicyCatalogue catalogue, JurisdictionTreeCache trees)
{
    /// <summary>
    /// One evaluator (its plans compiled once, its shared results kept warm) per catalogue list: the catalogue keeps one
    /// list until a policy setting changes, and a new list gets a new evaluator.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<CataloguedPolicy>, EligibilityEvaluator> Evaluators = [];

    /// <summary>How far ahead of today a self-check's reference date may lie (planning next year's application).</summary>
    public const int MaxYearsAhead = 2;

    public async Task<EligibilityOutcome> HandleAsync(EvaluateEligibilityCommand command, CancellationToken ct)
    {
        if (await CheckAsync(command.Profile, ct) is { } problem)
        {
            return new EligibilityOutcome([], problem.Message, problem.Path);
        }

        var policies = await catalogue.GetAsync(ct);
        if (command.PolicyId is { } id)
        {
            var one = policies.FirstOrDefault(p => p.Id == id);
            return one is null
                ? new EligibilityOutcome([], $"没有标识为“{id}”的政策。可用的政策：{string.Join("、", policies.Select(p => p.Id))}。", "$.policyId")
                : new EligibilityOutcome([EligibilityEvaluator.Evaluate(one.Policy, command.Profile)], null);
        }

        return new EligibilityOutcome(Evaluators.GetValue(policies, all => new EligibilityEvaluator(all.Select(p => p.Policy))).EvaluateAll(command.Profile), null);
    }

    private async Task<ProfileProblem?> CheckAsync(Profile profile, CancellationToken ct)
    {
        var latest = catalogue.Today.AddYears(MaxYearsAhead);
        if (profile.ReferenceDate > latest)
        {
            return new("$.referenceDate", $"“基准日期”不能晚于 {PolicyText.Date(latest)}（今天起 {MaxYearsAhead} 年内），您填写了 {PolicyText.Date(profile.ReferenceDate)}。");
        }

        var tree = await trees.GetAsync(ct);
        foreach (var key in new[] { "locationDivisionCode", "registrationDivisionCode" })
        {
            if (profile.Get(key)?.AsText is { } code && !Exists(tree, code))
            {
                return new($"$.facts.{key}", $"“{FactCatalogue.LabelOf(key)}”{code} 不是现行的行政区划代码（GB/T 2260），请核对。");
            }
        }

        return null;
    }

    /// <summary>
    /// Where the product's division list covers a prefecture (its 4-digit prefix has entries), a code in it must be one of
    /// them or the prefecture-level code itself; elsewhere the domain's format and province check is what can be known.
    /// </summary>
    public static bool Exists(JurisdictionTree tree, string code)
    {
        if (code.Length != 6 || tree.Find(code) is not null || code.EndsWith("00", StringComparison.Ordinal))
        {
            return true;
        }

        var prefecture = code[..4];
        return !tree.All.Any(j => j.Code.Length == 6 && j.Code.StartsWith(prefecture, StringComparison.Ordinal));
    }
}
