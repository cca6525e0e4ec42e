namespace Exemplar.Domain.Review;

/// <summary>One application's panel: the experts who review it, in draw order, and the reserves who step in, in order.</summary>
public sealed record DrawnPanel(Guid ApplicationId, IReadOnlyList<Guid> Panel, IReadOnlyList<Guid> Reserves);

/// <summary>What the draw needs, frozen before it runs: the eligible pool and each application's computed exclusions.</summary>
public sealed record DrawInput(IReadOnlyList<Guid> Pool, IReadOnlyDictionary<Guid, IReadOnlySet<Guid>> Exclusions, int PanelSize, int Reserves);

/// <summary>
/// Draws panels reproducibly. The pool and the applications are put in a canonical order (by id) first; then, one
/// application after another in that order, a partial Fisher–Yates shuffle of the experts not excluded from that
/// application takes panel + reserves members, all from one <see cref="SplitMix64"/> stream started at the seed.
/// The same seed and frozen input give the same panels whatever order the lists were given in.
/// </summary>
public static class PanelDraw
{
    public const int MaxPanelSize = 15;
    public const int MaxReserves = 10;

    /// <summary>Problems that stop a draw (Chinese, naming the application by its position).</summary>
    public static IReadOnlyList<string> Check(DrawInput input, Func<Guid, string> applicationName)
    {
        var problems = new List<string>();
        if (input.PanelSize is < 1 or > MaxPanelSize) problems.Add($"每组评审专家人数应为1至{MaxPanelSize}人。");
        if (input.Reserves is < 0 or > MaxReserves) problems.Add($"备选专家人数应为0至{MaxReserves}人。");
        if (problems.Count > 0) return problems;
        if (input.Exclusions.Count == 0) problems.Add("没有进入专家评审的申报，无法抽取。");
        foreach (var (app, excluded) in input.Exclusions.OrderBy(x => Key(x.Key), StringComparer.Ordinal))
        {
            var eligible = input.Pool.Distinct().Count(e => !excluded.Contains(e));
            if (eligible < input.PanelSize + input.Reserves)
                problems.Add($"{applicationName(app)}：可抽取的专家只有{eligible}人（已回避{excluded.Count(input.Pool.Contains)}人），不足评审专家{input.PanelSize}人加备选{input.Reserves}人。");
        }
        return problems;
    }

    public static IReadOnlyList<DrawnPanel> Draw(DrawInput input, ulong seed)
    {
        var pool = input.Pool.Distinct().OrderBy(Key, StringComparer.Ordinal).ToArray();
        var rng = new SplitMix64(seed);
        var result = new List<DrawnPanel>();
        foreach (var (app, excluded) in input.Exclusions.OrderBy(x => Key(x.Key), StringComparer.Ordinal))
        {
            var items = pool.Where(e => !excluded.Contains(e)).ToArray();
            var n = input.PanelSize + input.Reserves;
            if (items.Length < n) throw new InvalidOperationException($"Application {app}: {items.Length} eligible experts, {n} needed.");
            for (var i = 0; i < n; i++)
            {
                var j = i + rng.Below(items.Length - i);
                (items[i], items[j]) = (items[j], items[i]);
            }
            result.Add(new DrawnPanel(app, items.Take(input.PanelSize).ToList(), items.Skip(input.PanelSize).Take(input.Reserves).ToList()));
        }
        return result;
    }

    public static string Key(Guid id) => id.ToString("N");
}
