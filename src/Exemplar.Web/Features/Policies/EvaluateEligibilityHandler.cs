using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Policies;

/// <summary>One programme (<see cref="PolicyId"/>) or, when null, every programme.</summary>
public sealed record EvaluateEligibilityCommand(Profile Profile, string? PolicyId);

public sealed record EligibilityOutcome(IReadOnlyList<PolicyEvaluation> Evaluations, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>Self-check and API: evaluates a profile with the same engine the tests and the command line use.</summary>
public sealed class EvaluateEligibilityHandler(PolicyCatalogue catalogue)
{
    public async Task<EligibilityOutcome> HandleAsync(EvaluateEligibilityCommand command, CancellationToken ct)
    {
        var policies = await catalogue.GetAsync(ct);
        if (command.PolicyId is { } id)
        {
            var one = policies.FirstOrDefault(p => p.Id == id);
            return one is null
                ? new EligibilityOutcome([], $"没有标识为“{id}”的政策。可用的政策：{string.Join("、", policies.Select(p => p.Id))}。")
                : new EligibilityOutcome([EligibilityEvaluator.Evaluate(one.Policy, command.Profile)], null);
        }

        return new EligibilityOutcome(new EligibilityEvaluator(policies.Select(p => p.Policy)).EvaluateAll(command.Profile), null);
    }
}
