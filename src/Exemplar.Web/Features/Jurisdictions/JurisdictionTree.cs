using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Exemplar.Web.Features.Jurisdictions;

/// <summary>The jurisdiction tree, read once and cached briefly (a few hundred rows at most).</summary>
public sealed class JurisdictionTree
{
    private readonly Dictionary<string, Jurisdiction> _byCode;
    private readonly ILookup<string?, Jurisdiction> _children;

    public JurisdictionTree(IEnumerable<Jurisdiction> all)
    {
        _byCode = all.ToDictionary(j => j.Code);
        _children = _byCode.Values.OrderBy(j => j.Code, StringComparer.Ordinal).ToLookup(j => j.ParentCode);
    }

    public IReadOnlyCollection<Jurisdiction> All => _byCode.Values;
    public Jurisdiction? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var j) ? j : null;
    public IEnumerable<Jurisdiction> Roots => _children[null];
    public IEnumerable<Jurisdiction> ChildrenOf(string code) => _children[code];

    public IReadOnlyList<string> SubtreeCodes(string code)
    {
        var result = new List<string>();
        if (!_byCode.ContainsKey(code)) return result;
        var stack = new Stack<string>([code]);
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            result.Add(c);
            foreach (var child in _children[c]) stack.Push(child.Code);
        }
        return result;
    }

    /// <summary>"云南省 / 昆明市 / 五华区".</summary>
    public string FullName(string? code)
    {
        var parts = new List<string>();
        for (var j = Find(code); j is not null; j = Find(j.ParentCode)) parts.Insert(0, j.Name);
        return parts.Count == 0 ? code ?? "" : string.Join(" / ", parts);
    }
}

public sealed class JurisdictionTreeCache(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private const string Key = "jurisdiction-tree";

    public async Task<JurisdictionTree> GetAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            return new JurisdictionTree(await db.Set<Jurisdiction>().AsNoTracking().ToListAsync(ct));
        }))!;

    public void Invalidate() => cache.Remove(Key);
}
