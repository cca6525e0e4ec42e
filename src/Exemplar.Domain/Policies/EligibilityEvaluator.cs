using System.Runtime.CompilerServices;
using Exemplar.Domain.Policies.Plans;

namespace Exemplar.Domain.Policies;

/// <summary>
/// Evaluates a profile against policies and explains every condition. Missing facts give
/// <see cref="ResultState.MissingData"/>, qualitative items <see cref="ResultState.PendingReview"/>.
/// Each policy is compiled once into an evaluation plan (conditions as nodes over fact slots, explanation texts made
/// from parts prepared at compile time); <see cref="EvaluateAllStates"/> decides the same without building any text.
/// </summary>
public sealed class EligibilityEvaluator
{
    private static readonly ConditionalWeakTable<PolicyVersion, PolicyPlan> SinglePlans = [];

    private readonly IReadOnlyList<PolicyVersion> policies;
    private readonly FactTable table = new();
    private readonly PolicyPlan[] plans;
    private readonly int[] stateOffsets;

    public EligibilityEvaluator(IEnumerable<PolicyVersion> policies)
    {
        this.policies = policies.ToList();
        plans = this.policies.Select(p => new PolicyPlan(p, table)).ToArray();
        stateOffsets = new int[plans.Length + 1];
        for (var i = 0; i < plans.Length; i++)
        {
            stateOffsets[i + 1] = stateOffsets[i] + plans[i].StateIds.Count;
        }

        StateIds = plans.SelectMany(p => p.StateIds).ToList();
    }

    public IReadOnlyList<PolicyVersion> Policies => policies;

    /// <summary>
    /// The condition at each position of the states <see cref="EvaluateAllStates"/> writes, policy after policy: each
    /// condition, then an alternative's branches (the branch, then its conditions), then a K-of-N group's functions
    /// (the function, then its measures when it has volumes).
    /// </summary>
    public IReadOnlyList<string> StateIds { get; }

    /// <summary>Where policy <paramref name="index"/>'s states start in <see cref="StateIds"/>; index = count gives the total.</summary>
    public int StateOffset(int index) => stateOffsets[index];

    /// <summary>One profile against every programme: where it would qualify and what it lacks elsewhere.</summary>
    public IReadOnlyList<PolicyEvaluation> EvaluateAll(Profile profile)
    {
        var facts = table.Rent();
        table.Resolve(profile, facts);
        var results = new PolicyEvaluation[plans.Length];
        for (var i = 0; i < plans.Length; i++)
        {
            results[i] = plans[i].Evaluate(facts, profile);
        }

        Array.Clear(facts);
        return results;
    }

    /// <summary>
    /// Batch mode: the verdict of every programme and the state of every condition (positions as in
    /// <see cref="StateIds"/>), decided exactly as <see cref="EvaluateAll"/> decides them, without building any text.
    /// </summary>
    public void EvaluateAllStates(Profile profile, Span<Verdict> verdicts, Span<ResultState> states)
    {
        if (verdicts.Length < plans.Length || states.Length < StateIds.Count)
        {
            throw new ArgumentException($"需要 {plans.Length} 个结论和 {StateIds.Count} 个状态的位置");
        }

        var facts = table.Rent();
        table.Resolve(profile, facts);
        var n = 0;
        for (var i = 0; i < plans.Length; i++)
        {
            verdicts[i] = plans[i].States(facts, profile, states, ref n);
        }

        Array.Clear(facts);
    }

    public static PolicyEvaluation Evaluate(PolicyVersion policy, Profile profile)
    {
        var plan = SinglePlans.GetValue(policy, p => new PolicyPlan(p, new FactTable()));
        var facts = plan.Table.Rent();
        plan.Table.Resolve(profile, facts);
        var evaluation = plan.Evaluate(facts, profile);
        Array.Clear(facts);
        return evaluation;
    }

    public static Verdict VerdictOf(IReadOnlyList<ConditionResult> results)
    {
        bool notMet = false, missing = false, pending = false;
        foreach (var r in results)
        {
            if (r.IsQuantitative)
            {
                NodeCompiler.Note(r.State, ref notMet, ref missing, ref pending);
            }
        }

        return notMet ? Verdict.DoesNotMeet : missing ? Verdict.MissingData : pending ? Verdict.PendingReview : Verdict.MeetsAllQuantitative;
    }

    public static string Describe(Bound b) => Node.Describe(b);

    public static string PenaltyKindLabel(string kind) => kind switch
    {
        "criminal" => "刑事处罚",
        "seriousAdministrative" => "严重行政处罚",
        "administrative" => "一般行政处罚",
        "seriousDishonesty" => "严重失信行为",
        _ => kind,
    };
}
