using System.Globalization;
using System.Text.Json;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

/// <summary>
/// Runs <c>policies/&lt;id&gt;.cases.json</c>: each case starts from the base profile, applies <c>set</c>
/// (dotted fact keys; null removes a fact), and states the expected result of named conditions.
/// </summary>
public static class PolicyCaseRunner
{
    public sealed record CaseOutcome(string Name, IReadOnlyList<(string ConditionId, ResultState Expected)> Expectations, IReadOnlyList<string> Failures);

    public static IReadOnlyList<CaseOutcome> Run(string policyId)
    {
        var policy = PolicyFiles.Get(policyId);
        using var doc = PolicyFiles.Cases(policyId);
        var root = doc.RootElement;
        Assert.Equal(policyId, root.GetProperty("policy").GetString());
        var baseProfile = ProfileJson.Parse(root.GetProperty("baseProfile"));
        var outcomes = new List<CaseOutcome>();
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var profile = Apply(baseProfile, c);
            var evaluation = EligibilityEvaluator.Evaluate(policy, profile);
            var failures = new List<string>();
            var expectations = new List<(string, ResultState)>();
            foreach (var e in c.GetProperty("expect").EnumerateObject())
            {
                var expected = Enum.Parse<ResultState>(e.Value.GetString()!);
                expectations.Add((e.Name, expected));
                var actual = StateOf(evaluation, e.Name);
                if (actual != expected)
                {
                    failures.Add($"{e.Name}: expected {expected}, got {actual?.ToString() ?? "(no such condition)"}");
                }
            }

            if (c.TryGetProperty("expectVerdict", out var v) && Enum.Parse<Verdict>(v.GetString()!) != evaluation.Verdict)
            {
                failures.Add($"verdict: expected {v.GetString()}, got {evaluation.Verdict}");
            }

            if (c.TryGetProperty("expectInForce", out var f))
            {
                bool? expectedInForce = f.ValueKind == JsonValueKind.Null ? null : f.GetBoolean();
                if (expectedInForce != evaluation.InForce)
                {
                    failures.Add($"inForce: expected {expectedInForce?.ToString() ?? "null"}, got {evaluation.InForce?.ToString() ?? "null"}");
                }
            }

            if (c.TryGetProperty("expectShortfall", out var s))
            {
                foreach (var e in s.EnumerateObject())
                {
                    var actual = evaluation.Find(e.Name)?.Shortfall;
                    if (actual != e.Value.GetString())
                    {
                        failures.Add($"{e.Name} shortfall: expected “{e.Value.GetString()}”, got “{actual}”");
                    }
                }
            }

            outcomes.Add(new CaseOutcome(name, expectations, failures));
        }

        return outcomes;
    }

    public static Profile Apply(Profile profile, JsonElement c)
    {
        var reference = c.TryGetProperty("referenceDate", out var r) ? DateOnly.ParseExact(r.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : profile.ReferenceDate;
        var deadline = profile.ApplicationDeadline;
        if (c.TryGetProperty("applicationDeadline", out var d))
        {
            deadline = d.ValueKind == JsonValueKind.Null ? null : DateOnly.ParseExact(d.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        profile = profile.WithDates(reference, deadline);
        if (c.TryGetProperty("set", out var set))
        {
            foreach (var p in set.EnumerateObject())
            {
                profile = profile.With(p.Name, ProfileJson.ParseFact(p.Name, p.Value, $"set.{p.Name}"));
            }
        }

        return profile;
    }

    /// <summary>Condition ids, alternative branches' inner ids, or <c>{kOfN id}/{function}</c>.</summary>
    public static ResultState? StateOf(PolicyEvaluation evaluation, string id)
    {
        if (evaluation.Find(id) is { } r)
        {
            return r.State;
        }

        return evaluation.AllResults()
            .Where(x => x.Group is not null)
            .SelectMany(x => x.Group!.Functions.Select(f => (Id: $"{x.ConditionId}/{f.Function}", f.State)))
            .Where(x => x.Id == id)
            .Select(x => (ResultState?)x.State)
            .FirstOrDefault();
    }

    /// <summary>Every condition id and function id of the policy with its citation and whether it is quantitative.</summary>
    public static IEnumerable<(string Id, string Citation, bool Quantitative)> Citable(PolicyVersion policy)
    {
        foreach (var c in policy.AllConditions())
        {
            if (c is AlternativesCondition)
            {
                continue;
            }

            if (c is KOfNCondition k)
            {
                // A group whose functions carry no volumes (Beijing) can only reach review, never a plain pass.
                yield return (k.Id, k.Citation, k.Functions.Any(f => f.Measures.Count > 0));
                foreach (var f in k.Functions)
                {
                    yield return ($"{k.Id}/{f.Function}", f.Citation, f.Measures.Count > 0);
                }

                continue;
            }

            yield return (c.Id, c.Citation, c.IsQuantitative);
        }
    }
}
