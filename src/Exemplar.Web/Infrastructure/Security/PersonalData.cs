using System.Text.Json;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;

namespace Exemplar.Web.Infrastructure.Security;

/// <summary>
/// PIPL (个人信息保护法) on the page: lists show personal data masked (<see cref="MaskPhone"/>, <see cref="MaskName"/>);
/// the full value is shown only when a record is opened, and <see cref="PersonalDataReads"/> logs who opened it.
/// </summary>
public static class PersonalData
{
    /// <summary>138****5678; a landline keeps its area code: 0871-****5678. Short or odd values are hidden whole.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "—";
        var p = phone.Trim();
        var digits = p.Count(char.IsAsciiDigit);
        if (digits < 7) return "****";
        var dash = p.IndexOf('-');
        if (dash > 0) return p[..(dash + 1)] + "****" + p[^4..];
        return p[..3] + "****" + p[^4..];
    }

    /// <summary>张* / 欧阳** (the first character, the rest as stars).</summary>
    public static string MaskName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "—" : name.Trim()[..1] + new string('*', Math.Max(1, name.Trim().Length - 1));
}

/// <summary>Logs, in the tamper-evident audit chain (operation 个人信息.查阅, action Read), who opened which personal data.</summary>
public sealed class PersonalDataReads(ExemplarDbContext db, TimeProvider clock)
{
    public const string Operation = "个人信息.查阅";

    public async Task LogAsync(string recordType, string recordId, string what, string? jurisdictionCode, CancellationToken ct)
    {
        db.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(), ActorId = db.Actor.UserId, ActorName = db.Actor.Name, Operation = Operation, Action = "Read",
            EntityType = recordType, EntityId = recordId, JurisdictionCode = jurisdictionCode,
            After = JsonSerializer.Serialize(new { 查阅内容 = what }, Json), IpAddress = db.Actor.IpAddress,
        });
        await db.SaveChangesAsync(ct);
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
