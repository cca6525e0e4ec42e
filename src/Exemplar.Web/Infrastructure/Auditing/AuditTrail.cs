using System.Text.Encodings.Web;
using System.Text.Json;
using Exemplar.Web.Features.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Exemplar.Web.Infrastructure.Auditing;

/// <summary>Turns every tracked change into an <see cref="AuditEntry"/> inside the same SaveChanges.</summary>
internal static class AuditTrail
{
    private static readonly HashSet<string> Redacted = ["PasswordHash", "SecurityStamp", "TokenHash", "TwoFactorSecret", "CodeHash"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static void Capture(DbContext db, IAuditActor actor, DateTimeOffset now)
    {
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not INotAudited)
            .ToList();
        foreach (var entry in changes)
        {
            // A record only touched to move its version on (Forms.FormVersion) changed nothing worth an audit row.
            if (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))) continue;
            var type = entry.Metadata.ClrType.Name;
            var action = entry.State.ToString();
            db.Add(new AuditEntry
            {
                OccurredAt = now,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                Operation = actor.Operation ?? $"{type}.{action}",
                Action = action,
                EntityType = type,
                EntityId = KeyOf(entry),
                JurisdictionCode = (entry.Entity as IHasJurisdiction)?.JurisdictionCode,
                Before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true),
                After = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false),
                IpAddress = actor.IpAddress,
            });
        }
    }

    /// <summary>Personal information (see <see cref="Security.PersonalDataAttribute"/>) is kept in the trail as a fingerprint only.</summary>
    private static bool IsPersonal(Microsoft.EntityFrameworkCore.Metadata.IProperty p) =>
        p.PropertyInfo?.IsDefined(typeof(Security.PersonalDataAttribute), true) == true;

    private static string? Fingerprint(object? value) => value is null ? null
        : "个人信息#" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value.ToString() ?? "")))[..12];

    /// <summary>
    /// Texts longer than this (a submitted package, a locked report: 40–170 KB each) are kept in the trail as their length and
    /// SHA-256: the record itself keeps the text and the digest proves which one it was, while every audited write stays small
    /// — the chain is sealed at commit under one lock, so row size is every writer's wait.
    /// </summary>
    internal const int LargeTextChars = 8192;

    internal static string Digest(string text) => Digests.GetValue(text, static t =>
        $"（长文本 {t.Length} 字符，SHA-256 {TextHash.Sha256Hex(t)}）");

    /// <summary>
    /// Digests by text instance: a modified record's unchanged large texts are the same string before and after, so a
    /// submission's 40–170 KB locked report is encoded and hashed once per save, not once for each side.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> Digests = new();

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            if (p.Metadata.IsShadowProperty() && p.Metadata.Name != "xmin") continue;
            if (p.Metadata.Name is "Version" or "xmin") continue;
            var value = original ? p.OriginalValue : p.CurrentValue;
            values[p.Metadata.Name] = Redacted.Contains(p.Metadata.Name) ? (value is null ? null : "***")
                : IsPersonal(p.Metadata) ? Fingerprint(value)
                : value is string { Length: > LargeTextChars } large ? Digest(large) : value;
        }
        return JsonSerializer.Serialize(values, Json);
    }
}
