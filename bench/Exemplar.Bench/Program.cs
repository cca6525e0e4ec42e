using System.Diagnostics;
using System.Globalization;
using Exemplar.Bench;
using Exemplar.Domain.Policies;

// Eligibility engine throughput against all five programmes, compared with a hand-written C# evaluator of the same
// five (verdict and every condition's state, no text). Usage: Exemplar.Bench [profiles] [rounds] [seconds per measure per round]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1.0;
const int Seed = 20261121;
var dir = Path.Combine(AppContext.BaseDirectory, "policies");
var policies = PolicyLoader.LoadAll(Directory.GetFiles(dir, "*.json")
    .Where(p => !p.EndsWith(".cases.json", StringComparison.Ordinal))
    .Order(StringComparer.Ordinal)
    .Select(p => (Path.GetFileName(p), File.ReadAllText(p))));
string[] order = ["beijing-base", "kunming-base-2022", "liaocheng-base-2021", "xizang-base-2017", "xizang-platform-2022"];
if (!policies.Select(p => p.Id).SequenceEqual(order))
{
    Console.Error.WriteLine("policies are not the five the hand-written evaluator knows: " + string.Join(", ", policies.Select(p => p.Id)));
    return 2;
}

var evaluator = new EligibilityEvaluator(policies);
var profiles = ProfileGenerator.Generate(policies, count, Seed);

// The engine and the hand-written evaluator must agree on every verdict and every state before speeds mean anything.
var disagreements = 0;
var distribution = policies.ToDictionary(p => p.Id, _ => new int[4]);
var aimed = policies.ToDictionary(p => p.Id, _ => new int[4]);
var buffer = new ResultState[256];
var engineStates = new ResultState[evaluator.StateIds.Count];
var engineVerdicts = new Verdict[policies.Count];
var statesCompared = 0L;
foreach (var profile in profiles)
{
    var packed = HandWritten.EvaluateAll(profile, buffer);
    var evaluations = evaluator.EvaluateAll(profile);
    var engine = new List<(string Id, ResultState State)>();
    for (var i = 0; i < evaluations.Count; i++)
    {
        var e = evaluations[i];
        distribution[e.PolicyId][(int)e.Verdict]++;
        if (int.Parse(profile.Name!["bench-".Length..], CultureInfo.InvariantCulture) % evaluations.Count == i)
        {
            aimed[e.PolicyId][(int)e.Verdict]++;
        }

        var hand = (Verdict)((packed >> (4 * i)) & 0xF);
        if (hand != e.Verdict && disagreements++ < 20)
        {
            Console.WriteLine($"DISAGREE {profile.Name} {e.PolicyId} verdict: engine {e.Verdict}, hand-written {hand}");
        }

        Flatten(e.Conditions, engine);
    }

    // The batch mode must give the same verdicts and states, in the same positions.
    evaluator.EvaluateAllStates(profile, engineVerdicts, engineStates);
    if (engine.Count != engineStates.Length && disagreements++ < 20)
    {
        Console.WriteLine($"DISAGREE {profile.Name}: {engine.Count} states in the full results, {engineStates.Length} in the batch mode");
    }

    for (var i = 0; i < evaluations.Count; i++)
    {
        if (engineVerdicts[i] != evaluations[i].Verdict && disagreements++ < 20)
        {
            Console.WriteLine($"DISAGREE {profile.Name} {evaluations[i].PolicyId} verdict: full {evaluations[i].Verdict}, batch mode {engineVerdicts[i]}");
        }
    }

    for (var i = 0; i < engine.Count; i++)
    {
        statesCompared++;
        if (engine[i].State != buffer[i] && disagreements++ < 20)
        {
            Console.WriteLine($"DISAGREE {profile.Name} state #{i} {engine[i].Id}: engine {engine[i].State}, hand-written {buffer[i]}");
        }

        if (i < engineStates.Length && (engineStates[i] != engine[i].State || evaluator.StateIds[i] != engine[i].Id) && disagreements++ < 20)
        {
            Console.WriteLine($"DISAGREE {profile.Name} state #{i} {engine[i].Id}: full {engine[i].State}, batch mode {evaluator.StateIds[i]} {engineStates[i]}");
        }
    }
}

Console.WriteLine($"profiles: {count:N0} (seed {Seed}); states compared: {statesCompared:N0} (engine full, engine batch mode, hand-written); disagreements (verdicts and states): {disagreements}");
Console.WriteLine("verdicts per programme, all profiles | the fifth of the profiles aimed at it (a profile sits in one place, so it fails the others' location):");
foreach (var (id, d) in distribution)
{
    Console.WriteLine($"  {id,-22} {string.Join("  ", Enum.GetValues<Verdict>().Select(v => $"{v}={d[(int)v]}"))}  |  {string.Join("  ", Enum.GetValues<Verdict>().Select(v => $"{v}={aimed[id][(int)v]}"))}");
}

if (disagreements > 0)
{
    return 1;
}

// Measures, interleaved: each round runs every measure for `seconds`, in a rotated order; the median of the rounds counts.
var measures = new List<(string Name, Func<Profile, int> Work)>
{
    ("hand-written C#, five programmes (states)", p => HandWritten.EvaluateAll(p, buffer)),
    ("engine, full explanations (EvaluateAll)", p => evaluator.EvaluateAll(p).Count),
    ("engine, verdicts and states (EvaluateAllStates)", p =>
    {
        evaluator.EvaluateAllStates(p, engineVerdicts, engineStates);
        return (int)engineVerdicts[1];
    }),
};
var rates = measures.Select(_ => new List<double>()).ToArray();
var bytes = measures.Select(_ => new List<double>()).ToArray();
var sink = 0;
foreach (var (_, work) in measures)
{
    for (var i = 0; i < Math.Min(3000, profiles.Count); i++)
    {
        sink += work(profiles[i]); // warm-up: JIT and tiering
    }
}

var next = 0;
for (var round = 0; round < rounds; round++)
{
    for (var j = 0; j < measures.Count; j++)
    {
        var m = (round + j) % measures.Count;
        var work = measures[m].Work;
        var done = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            for (var k = 0; k < 256; k++)
            {
                sink += work(profiles[next]);
                next = next + 1 == profiles.Count ? 0 : next + 1;
            }

            done += 256;
        }

        sw.Stop();
        rates[m].Add(done / sw.Elapsed.TotalSeconds);
        bytes[m].Add((GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)done);
    }

    var line = string.Join("  ", measures.Select((x, m) => $"{rates[m][^1],9:N0}/s"));
    Console.WriteLine($"round {round + 1,2}: {line}  ratio full/hand {rates[1][^1] / rates[0][^1]:F3}" +
        (measures.Count > 2 ? $"  states/hand {rates[2][^1] / rates[0][^1]:F3}" : string.Empty));
}

Console.WriteLine($"load average: {LoadAverage()}; sink {sink % 7}");
Console.WriteLine($"{"measure",-50} {"median profiles/s",18} {"min",10} {"max",10} {"bytes/profile",14}");
for (var m = 0; m < measures.Count; m++)
{
    Console.WriteLine($"{measures[m].Name,-50} {Median(rates[m]),18:N0} {rates[m].Min(),10:N0} {rates[m].Max(),10:N0} {Median(bytes[m]),14:N0}");
}

for (var m = 1; m < measures.Count; m++)
{
    var ratios = rates[m].Zip(rates[0], (a, b) => a / b).ToList();
    Console.WriteLine($"median ratio {measures[m].Name} / hand-written: {Median(ratios):F3} (rounds: {string.Join(" ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))})");
}

return 0;

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

// The engine's states in the hand-written evaluator's order: condition, branches (branch, its conditions), functions
// (function, its measures when it has volumes).
static void Flatten(IReadOnlyList<ConditionResult> results, List<(string, ResultState)> into)
{
    foreach (var r in results)
    {
        into.Add((r.ConditionId, r.State));
        Flatten(r.Children, into);
        if (r.Group is { } g)
        {
            foreach (var f in g.Functions)
            {
                into.Add((r.ConditionId + "/" + f.Function, f.State));
                if (f.Measures is [var only] && only.ConditionId == r.ConditionId + "/" + f.Function)
                {
                    continue;
                }

                foreach (var m in f.Measures)
                {
                    into.Add((m.ConditionId, m.State));
                }
            }
        }
    }
}
