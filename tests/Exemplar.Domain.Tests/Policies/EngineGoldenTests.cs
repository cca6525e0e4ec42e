using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Exemplar.Bench;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

/// <summary>
/// The engine's complete output — every state, verdict and explanation text, as the API and the command line print it
/// (<see cref="EvaluationJson"/>) — for 2,000 profiles generated around the five programmes' thresholds (the bench's
/// generator, fixed seed) and for every profile of the five case files, each against all five programmes, compared
/// by SHA-256 with <c>Golden/engine-golden.txt</c>, recorded from the engine before it was compiled into plans.
/// Set <c>EXEMPLAR_RECORD_GOLDEN=1</c> to record again (only when an explanation is meant to change).
/// </summary>
public sealed class EngineGoldenTests
{
    private const int GeneratedCount = 2000;
    private const int Seed = 20261121;

    [Fact]
    public void Every_state_and_explanation_is_as_recorded()
    {
        var actual = Outputs().Select(o => (o.Name, o.Json, Hash: Sha256(o.Json))).ToList();
        var path = Path.Combine(PolicyFiles.RepositoryRoot(), "tests", "Exemplar.Domain.Tests", "Policies", "Golden", "engine-golden.txt");
        if (Environment.GetEnvironmentVariable("EXEMPLAR_RECORD_GOLDEN") == "1")
        {
            File.WriteAllLines(path, actual.Select(a => $"{a.Name} {a.Hash}"));
        }

        var expected = File.ReadAllLines(path).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.Equal(expected.Count, actual.Count);
        var different = actual.Where(a => !expected.TryGetValue(a.Name, out var h) || h != a.Hash).ToList();
        if (different.Count > 0)
        {
            var dir = Path.Combine(PolicyFiles.RepositoryRoot(), "artifacts", "golden");
            Directory.CreateDirectory(dir);
            foreach (var d in different.Take(5))
            {
                File.WriteAllText(Path.Combine(dir, d.Name.Replace('/', '_') + ".json"), d.Json);
            }
        }

        Assert.True(different.Count == 0, $"{different.Count} of {actual.Count} outputs differ from the recording, e.g. {string.Join(", ", different.Take(5).Select(d => d.Name))} (written to artifacts/golden/)");
    }

    [Fact]
    public void The_batch_mode_decides_every_verdict_and_state_as_the_full_results()
    {
        var evaluator = new EligibilityEvaluator(PolicyFiles.All);
        var verdicts = new Verdict[PolicyFiles.All.Count];
        var states = new ResultState[evaluator.StateIds.Count];
        foreach (var profile in ProfileGenerator.Generate(PolicyFiles.All, GeneratedCount, Seed))
        {
            var full = evaluator.EvaluateAll(profile);
            evaluator.EvaluateAllStates(profile, verdicts, states);
            Assert.Equal(full.Select(e => e.Verdict), verdicts);
            var expected = new List<(string, ResultState)>();
            foreach (var e in full)
            {
                Flatten(e.Conditions, expected);
            }

            Assert.Equal(expected, evaluator.StateIds.Zip(states));
        }
    }

    // Condition, then an alternative's branches (branch, its conditions), then a group's functions (function, its measures when it has volumes).
    private static void Flatten(IReadOnlyList<ConditionResult> results, List<(string, ResultState)> into)
    {
        foreach (var r in results)
        {
            into.Add((r.ConditionId, r.State));
            Flatten(r.Children, into);
            foreach (var f in r.Group?.Functions ?? [])
            {
                into.Add(($"{r.ConditionId}/{f.Function}", f.State));
                if (f.Measures is not [var only] || only.ConditionId != $"{r.ConditionId}/{f.Function}")
                {
                    into.AddRange(f.Measures.Select(m => (m.ConditionId, m.State)));
                }
            }
        }
    }

    [Fact]
    public void The_generated_profiles_reach_every_verdict_the_programmes_allow()
    {
        var evaluator = new EligibilityEvaluator(PolicyFiles.All);
        var verdicts = ProfileGenerator.Generate(PolicyFiles.All, GeneratedCount, Seed)
            .SelectMany(evaluator.EvaluateAll)
            .Select(e => (e.PolicyId, e.Verdict))
            .ToHashSet();
        foreach (var policy in PolicyFiles.All)
        {
            Assert.Contains((policy.Id, Verdict.DoesNotMeet), verdicts);
            Assert.Contains((policy.Id, Verdict.MissingData), verdicts);
        }

        // Beijing's service functions carry no volumes (第六条第（十）项), so its best outcome is review; 聊城's 市场营销 likewise.
        Assert.Contains(("beijing-base", Verdict.PendingReview), verdicts);
        Assert.Contains(("liaocheng-base-2021", Verdict.PendingReview), verdicts);
        foreach (var id in new[] { "kunming-base-2022", "liaocheng-base-2021", "xizang-base-2017", "xizang-platform-2022" })
        {
            Assert.Contains((id, Verdict.MeetsAllQuantitative), verdicts);
        }
    }

    private static IEnumerable<(string Name, string Json)> Outputs()
    {
        var evaluator = new EligibilityEvaluator(PolicyFiles.All);
        var generated = ProfileGenerator.Generate(PolicyFiles.All, GeneratedCount, Seed);
        for (var i = 0; i < generated.Count; i++)
        {
            yield return ($"generated/{i.ToString("D4", CultureInfo.InvariantCulture)}", Json(generated[i], evaluator.EvaluateAll(generated[i])));
        }

        foreach (var policy in PolicyFiles.All)
        {
            var profiles = PolicyCaseProfiles.Read(File.ReadAllText(Path.Combine(PolicyFiles.Directory, policy.Id + ".cases.json")));
            for (var i = 0; i < profiles.Count; i++)
            {
                // Every case profile against all five, and against its own programme through the single-policy call.
                yield return ($"cases/{policy.Id}/{i.ToString("D3", CultureInfo.InvariantCulture)}", Json(profiles[i], evaluator.EvaluateAll(profiles[i])));
                yield return ($"cases/{policy.Id}/{i.ToString("D3", CultureInfo.InvariantCulture)}/own", Json(profiles[i], [EligibilityEvaluator.Evaluate(policy, profiles[i])]));
            }
        }
    }

    private static string Json(Profile profile, IEnumerable<PolicyEvaluation> evaluations) =>
        EvaluationJson.Serialize(EvaluationJson.Report(profile, evaluations));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
