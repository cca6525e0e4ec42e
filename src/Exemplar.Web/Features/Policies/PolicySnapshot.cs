using System.Collections.Concurrent;
using Exemplar.Domain.Policies;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Policies;

/// <summary>
/// The exact text of a policy version something was decided under (a call, a designation), kept by its SHA-256 so the
/// decision can be re-evaluated and explained years later, whatever the policy files say by then.
/// </summary>
public sealed class PolicySnapshot
{
    public required string Hash { get; init; }
    public required string PolicyId { get; init; }
    public required string Version { get; init; }
    public required string Json { get; init; }
    public DateTimeOffset PinnedAt { get; init; }
}

internal sealed class PolicySnapshotConfiguration : IEntityTypeConfiguration<PolicySnapshot>
{
    public void Configure(EntityTypeBuilder<PolicySnapshot> b)
    {
        b.ToTable("policy_snapshots");
        b.HasKey(x => x.Hash);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.PolicyId).HasMaxLength(60);
        b.Property(x => x.Version).HasMaxLength(30);
    }
}

/// <summary>Pins the current text of a programme and loads pinned texts back (parsed once per process).</summary>
public sealed class PolicySnapshots(ExemplarDbContext db, PolicyCatalogue catalogue, Microsoft.Extensions.Options.IOptions<PolicyFileOptions> files, TimeProvider clock)
{
    private static readonly ConcurrentDictionary<string, PolicyVersion> Parsed = new();

    /// <summary>
    /// The programme's current file, stored if not stored yet (tracked in <paramref name="into"/>, else this scope's
    /// context; the caller saves). Null when unknown.
    /// </summary>
    public async Task<(PolicyVersion Policy, PolicySnapshot Snapshot)?> PinAsync(string programmeId, CancellationToken ct, ExemplarDbContext? into = null)
    {
        var context = into ?? db;
        var entry = await catalogue.FindAsync(programmeId, ct);
        if (entry is null) return null;
        var policy = entry.Policy;
        var existing = await context.Set<PolicySnapshot>().FirstOrDefaultAsync(s => s.Hash == policy.ContentHash, ct);
        if (existing is not null) return (policy, existing);
        var path = Path.Combine(files.Value.ResolvedDirectory, policy.Source);
        var json = await File.ReadAllTextAsync(path, ct);
        if (PolicyLoader.ComputeHash(json) != policy.ContentHash)
            throw new InvalidOperationException($"政策文件 {policy.Source} 在启动后被修改，请重新启动系统后再创建申报批次。");
        var snapshot = new PolicySnapshot { Hash = policy.ContentHash, PolicyId = policy.Id, Version = policy.Version, Json = json, PinnedAt = clock.GetUtcNow() };
        context.Add(snapshot);
        return (policy, snapshot);
    }

    /// <summary>
    /// The pinned version, with the administrator's effective date applied where the text gives none (Beijing), as the
    /// catalogue does for the current files.
    /// </summary>
    public async Task<PolicyVersion?> LoadAsync(string hash, CancellationToken ct)
    {
        if (!Parsed.TryGetValue(hash, out var policy))
        {
            var snapshot = await db.Set<PolicySnapshot>().AsNoTracking().FirstOrDefaultAsync(s => s.Hash == hash, ct);
            if (snapshot is null) return null;
            policy = Parsed.GetOrAdd(hash, _ => PolicyLoader.Load(snapshot.Json, snapshot.PolicyId + ".json"));
        }
        if (policy.EffectiveFrom is null && await catalogue.FindAsync(policy.Id, ct) is { Setting: { } setting })
            return policy.WithEffectiveFrom(setting.EffectiveFrom);
        return policy;
    }
}
