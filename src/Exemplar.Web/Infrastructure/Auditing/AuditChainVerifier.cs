using System.Globalization;
using System.Text;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Infrastructure.Auditing;

public sealed record AuditChainProblem(long EntryId, string Problem);

public sealed record AuditChainReport(long EntriesChecked, IReadOnlyList<AuditChainProblem> Problems)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>
/// Recomputes every row's hash from its content and its predecessor's hash, and checks the chain head
/// kept by the database, so an edited row, a deleted row (middle or tail) or a re-ordered row is found.
/// The canonical text must match <c>audit_canonical()</c> in the Foundation migration.
/// </summary>
public sealed class AuditChainVerifier(ExemplarDbContext db)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        try { return await ReadChainAsync(ct); }
        catch (Exception)
        {
            Data.PreparedStatementRecovery.MarkFailed(db.Database.GetDbConnection());
            throw;
        }
    }

    private async Task<AuditChainReport> ReadChainAsync(CancellationToken ct)
    {
        var problems = new List<AuditChainProblem>();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT id, occurred_at, actor_id, actor_name, operation, action, entity_type, entity_id,
                   jurisdiction_code, before::text, after::text, ip_address, previous_hash, hash
            FROM audit_entries ORDER BY id
            """;
        var expectedPrevious = Genesis;
        long count = 0, lastId = 0;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                count++;
                var id = reader.GetInt64(0);
                var occurred = reader.GetFieldValue<DateTime>(1);
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetValue(i).ToString();
                var previous = reader.GetString(12);
                var stored = reader.GetString(13);
                if (previous != expectedPrevious)
                    problems.Add(new(id, $"第{id}条记录的前序哈希与上一条记录不符（记录被删除、插入或调换）。"));
                var canonical = Canonical(id, occurred, Text(2), Text(3), Text(4), Text(5), Text(6), Text(7),
                    Text(8), Text(9), Text(10), Text(11), previous);
                var actual = Sha256Hex(canonical);
                if (actual != stored) problems.Add(new(id, $"第{id}条记录的内容与其哈希不符（记录被篡改）。"));
                expectedPrevious = stored;
                lastId = id;
            }
        }
        cmd.CommandText = "SELECT last_id, last_hash FROM audit_chain_head WHERE singleton";
        await using (var head = await cmd.ExecuteReaderAsync(ct))
        {
            if (await head.ReadAsync(ct))
            {
                var headId = head.GetInt64(0);
                var headHash = head.GetString(1);
                if (headId != lastId || headHash != (count == 0 ? Genesis : expectedPrevious))
                    problems.Add(new(headId, $"审计链末端应为第{headId}条记录，实际为第{lastId}条（末尾记录被删除或篡改）。"));
            }
            else if (count > 0) problems.Add(new(0, "缺少审计链末端记录。"));
        }
        return new AuditChainReport(count, problems);
    }

    internal static string Canonical(long id, DateTime occurredUtc, params string?[] fields)
    {
        var sb = new StringBuilder();
        sb.Append(id.ToString(CultureInfo.InvariantCulture)).Append('|');
        sb.Append(occurredUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
        foreach (var f in fields) sb.Append('|').Append(f ?? string.Empty);
        return sb.ToString();
    }

    internal static string Sha256Hex(string text) =>
        TextHash.Sha256Hex(text);
}
