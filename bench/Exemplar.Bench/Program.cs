using System.Diagnostics;
using Exemplar.Bench;
using Exemplar.Domain.Policies;

// Eligibility engine throughput: profiles/s against all five programmes, and the ratio to a hand-written
// C# evaluator of the Kunming conditions on the same profiles. Usage: Exemplar.Bench [profiles] [seconds per measure]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var dir = Path.Combine(AppContext.BaseDirectory, "policies");
var policies = PolicyLoader.LoadAll(Directory.GetFiles(dir, "*.json")
    .Where(p => !p.EndsWith(".cases.json", StringComparison.Ordinal))
    .Order(StringComparer.Ordinal)
    .Select(p => (Path.GetFileName(p), File.ReadAllText(p))));
var kunming = policies.Single(p => p.Id == "kunming-base-2022");
var evaluator = new EligibilityEvaluator(policies);
var profiles = ProfileGenerator.Generate(count, seed: 20261121);

// The two Kunming evaluators must agree before their speeds mean anything.
var disagreements = profiles.Count(p => EligibilityEvaluator.Evaluate(kunming, p).Verdict != HandWrittenKunming.Evaluate(p));
var verdicts = profiles.GroupBy(p => EligibilityEvaluator.Evaluate(kunming, p).Verdict).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
Console.WriteLine($"profiles: {count} (seed 20261121); Kunming verdicts: {string.Join(", ", verdicts)}; engine vs hand-written disagreements: {disagreements}");

double Rate(string name, Func<Profile, int> work)
{
    var sink = 0;
    foreach (var p in profiles.Take(Math.Min(2000, profiles.Count)))
    {
        sink += work(p); // warm-up (JIT, tiering)
    }

    var done = 0;
    var sw = Stopwatch.StartNew();
    while (sw.Elapsed.TotalSeconds < seconds)
    {
        sink += work(profiles[done % profiles.Count]);
        done++;
    }

    sw.Stop();
    var rate = done / sw.Elapsed.TotalSeconds;
    Console.WriteLine($"{name,-42} {rate,12:N0} profiles/s  ({done:N0} in {sw.Elapsed.TotalSeconds:F2} s, sink {sink % 7})");
    return rate;
}

var all = Rate("engine, all five programmes", p => evaluator.EvaluateAll(p).Count);
var engineKunming = Rate("engine, Kunming only", p => (int)EligibilityEvaluator.Evaluate(kunming, p).Verdict);
var hand = Rate("hand-written C#, Kunming only", p => (int)HandWrittenKunming.Evaluate(p));
Console.WriteLine($"ratio engine(all five) / hand-written(Kunming): {all / hand:F4}");
Console.WriteLine($"ratio engine(Kunming) / hand-written(Kunming):  {engineKunming / hand:F4}");
return disagreements == 0 ? 0 : 1;
