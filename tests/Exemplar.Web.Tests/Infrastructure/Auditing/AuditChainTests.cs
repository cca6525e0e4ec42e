using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exemplar.Web.Tests.Infrastructure.Auditing;

/// <summary>Each test gets its own database: these tests tamper with the audit table on purpose.</summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private readonly ExemplarFactory _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private async Task<AuditChainReport> VerifyAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }

    /// <summary>Changes made as a superuser would, with the append-only triggers switched off.</summary>
    private async Task AsIntruderAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"ALTER TABLE audit_entries DISABLE TRIGGER USER; {sql}; ALTER TABLE audit_entries ENABLE TRIGGER USER;", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<List<long>> IdsAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        return await db.Set<AuditEntry>().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task The_seeded_chain_verifies_and_links_every_row_to_its_predecessor()
    {
        using var _ = _app.CreateClient();
        var report = await VerifyAsync();
        Assert.True(report.Intact, string.Join("\n", report.Problems));
        // 125 divisions + 7 zones + 21 demo organisations + 22 demo accounts, at least.
        Assert.True(report.EntriesChecked >= 175, $"only {report.EntriesChecked} rows");

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var first = await db.Set<AuditEntry>().OrderBy(a => a.Id).Take(2).ToListAsync();
        Assert.Equal(AuditChainVerifier.Genesis, first[0].PreviousHash);
        Assert.Equal(first[0].Hash, first[1].PreviousHash);
        // Ids are drawn under the chain lock only, so without rollbacks they run 1, 2, 3 … in chain order.
        var ids = await db.Set<AuditEntry>().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task A_row_edited_behind_the_apps_back_is_detected()
    {
        using var _ = _app.CreateClient();
        var victim = (await IdsAsync())[10];
        await AsIntruderAsync($"UPDATE audit_entries SET actor_name = '某人' WHERE id = {victim}");
        var report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Contains(report.Problems, p => p.EntryId == victim && p.Problem.Contains("被篡改"));
    }

    [Fact]
    public async Task An_edited_before_after_payload_is_detected()
    {
        using var _ = _app.CreateClient();
        var victim = (await IdsAsync())[5];
        await AsIntruderAsync($"UPDATE audit_entries SET after = jsonb_set(after, '{{Name}}', '\"伪造\"') WHERE id = {victim}");
        var report = await VerifyAsync();
        Assert.Contains(report.Problems, p => p.EntryId == victim);
    }

    [Fact]
    public async Task A_deleted_row_in_the_middle_is_detected_at_its_successor()
    {
        using var _ = _app.CreateClient();
        var ids = await IdsAsync();
        await AsIntruderAsync($"DELETE FROM audit_entries WHERE id = {ids[20]}");
        var report = await VerifyAsync();
        Assert.Contains(report.Problems, p => p.EntryId == ids[21] && p.Problem.Contains("前序哈希"));
    }

    [Fact]
    public async Task A_deleted_last_row_is_detected_by_the_chain_head()
    {
        using var _ = _app.CreateClient();
        var ids = await IdsAsync();
        await AsIntruderAsync($"DELETE FROM audit_entries WHERE id = {ids[^1]}");
        var report = await VerifyAsync();
        Assert.Contains(report.Problems, p => p.Problem.Contains("末端"));
    }

    [Fact]
    public async Task The_database_refuses_updates_deletes_and_truncation_of_audit_rows()
    {
        using var _ = _app.CreateClient();
        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit_entries SET actor_name = 'x'", "DELETE FROM audit_entries", "TRUNCATE audit_entries" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains("审计日志只允许追加", error.MessageText);
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Concurrent_writers_still_form_one_unbroken_chain()
    {
        using var _ = _app.CreateClient();
        await Parallel.ForEachAsync(Enumerable.Range(1, 40), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var scope = _app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            db.Add(new Jurisdiction
            {
                Code = $"530100Z{i + 10:00}", Name = $"测试园区{i}", ParentCode = "530100", Kind = JurisdictionKind.DevelopmentZone,
                Path = $"/530000/530100/530100Z{i + 10:00}/", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(ct);
        });
        var report = await VerifyAsync();
        Assert.True(report.Intact, string.Join("\n", report.Problems));
    }

    [Theory]
    [InlineData(true, "off")]
    [InlineData(false, "on")]
    public async Task A_commit_whose_committer_waits_for_the_flush_itself_is_sealed_without_waiting_for_it_and_the_rest_as_before(bool promised, string commitMode)
    {
        using var _ = _app.CreateClient();
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            if (promised) await AuditedCommit.PromiseFlushAsync(db.Database, default);
            await InsertRowAsync((NpgsqlConnection)db.Database.GetDbConnection(), "测试.刷盘", (NpgsqlTransaction)tx.GetDbTransaction());
            // The seal runs now instead of at COMMIT; what it leaves is what the COMMIT goes by.
            await db.Database.ExecuteSqlRawAsync("SET CONSTRAINTS ALL IMMEDIATE");
            await using (var mode = new NpgsqlCommand("SELECT current_setting('synchronous_commit')", (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction()))
                Assert.Equal(commitMode, (string?)await mode.ExecuteScalarAsync());
            await tx.CommitAsync();
        }
        if (promised) await AuditedCommit.FlushAsync(db.Database, default);
        // The next transaction commits synchronously again.
        Assert.Equal("on", await db.Database.SqlQueryRaw<string>("SELECT current_setting('synchronous_commit') AS \"Value\"").SingleAsync());
        var row = await db.Set<AuditEntry>().SingleAsync(a => a.Operation == "测试.刷盘");
        Assert.True(row.Id > 0 && row.Hash.Length == 64, "not sealed");
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Concurrent_commits_that_wait_for_the_flush_themselves_still_form_one_unbroken_chain()
    {
        using var _ = _app.CreateClient();
        await Parallel.ForEachAsync(Enumerable.Range(1, 40), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var scope = _app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await AuditedCommit.PromiseFlushAsync(db.Database, ct);
                var conn = (NpgsqlConnection)db.Database.GetDbConnection();
                await InsertRowAsync(conn, $"测试.并发{i}.1", (NpgsqlTransaction)tx.GetDbTransaction());
                await InsertRowAsync(conn, $"测试.并发{i}.2", (NpgsqlTransaction)tx.GetDbTransaction());
                await tx.CommitAsync(ct);
            }
            await AuditedCommit.FlushAsync(db.Database, ct);
        });
        var report = await VerifyAsync();
        Assert.True(report.Intact, string.Join("\n", report.Problems));
        using var check = _app.Services.CreateScope();
        var rows = await check.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<AuditEntry>()
            .Where(a => a.Operation.StartsWith("测试.并发")).OrderBy(a => a.Id).Select(a => a.Operation).ToListAsync();
        Assert.Equal(80, rows.Count);
        // Each transaction's two rows sealed next to each other, in insertion order.
        for (var k = 0; k < rows.Count; k += 2)
        {
            Assert.EndsWith(".1", rows[k]);
            Assert.Equal(rows[k][..^2] + ".2", rows[k + 1]);
        }
    }

    private static async Task InsertRowAsync(NpgsqlConnection conn, string operation, NpgsqlTransaction? tx = null)
    {
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO audit_entries (occurred_at, actor_name, operation, action, entity_type, entity_id) " +
            "VALUES (now(), '测试', @op, 'Added', 'Test', '1')", conn, tx);
        cmd.Parameters.AddWithValue("op", operation);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task An_open_transaction_with_audited_writes_does_not_hold_up_other_writers()
    {
        using var _ = _app.CreateClient();
        await using var slow = new NpgsqlConnection(_app.ConnectionString);
        await slow.OpenAsync();
        await using var tx = await slow.BeginTransactionAsync();
        await InsertRowAsync(slow, "测试.慢事务", tx);

        // Before the seal moved to commit, this insert waited for the slow transaction's chain lock until the timeout.
        await using var fast = new NpgsqlConnection(_app.ConnectionString);
        await fast.OpenAsync();
        await using (var timeout = new NpgsqlCommand("SET statement_timeout = '3s'", fast)) await timeout.ExecuteNonQueryAsync();
        await InsertRowAsync(fast, "测试.快事务");
        await tx.CommitAsync();

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var rows = await db.Set<AuditEntry>().Where(a => a.Operation.StartsWith("测试.")).OrderBy(a => a.Id).ToListAsync();
        // Chain order is commit order: the fast writer committed first.
        Assert.Equal(["测试.快事务", "测试.慢事务"], rows.Select(r => r.Operation));
        Assert.All(rows, r => Assert.True(r.Id > 0 && r.Hash.Length == 64, $"row {r.Id} not sealed"));
        Assert.Equal(rows[0].Hash, rows[1].PreviousHash);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Interleaved_transactions_are_each_sealed_whole_in_insertion_order_at_their_commit()
    {
        using var _ = _app.CreateClient();
        await using var a = new NpgsqlConnection(_app.ConnectionString);
        await using var b = new NpgsqlConnection(_app.ConnectionString);
        await a.OpenAsync();
        await b.OpenAsync();
        await using var ta = await a.BeginTransactionAsync();
        await using var tb = await b.BeginTransactionAsync();
        // Provisional ids drawn alternately, so each transaction's range holds the other's uncommitted rows.
        await InsertRowAsync(a, "测试.甲1", ta);
        await InsertRowAsync(b, "测试.乙1", tb);
        await ta.SaveAsync("undo");
        await InsertRowAsync(a, "测试.甲撤回", ta);
        await ta.RollbackAsync("undo");
        await InsertRowAsync(b, "测试.乙2", tb);
        await InsertRowAsync(a, "测试.甲2", ta);
        await InsertRowAsync(b, "测试.乙3", tb);
        await tb.CommitAsync();
        await ta.CommitAsync();

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var rows = await db.Set<AuditEntry>().Where(x => x.Operation.StartsWith("测试.")).OrderBy(x => x.Id).ToListAsync();
        // Commit order between the transactions, insertion order within each; the rolled-back row is gone.
        Assert.Equal(["测试.乙1", "测试.乙2", "测试.乙3", "测试.甲1", "测试.甲2"], rows.Select(r => r.Operation));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => rows[0].Id + i), rows.Select(r => r.Id));
        for (var i = 1; i < rows.Count; i++) Assert.Equal(rows[i - 1].Hash, rows[i].PreviousHash);
        Assert.Equal(0, await db.Set<AuditEntry>().CountAsync(x => x.Id < 0));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_sealed_row_cannot_be_rewritten_even_by_claiming_to_seal_it()
    {
        using var _ = _app.CreateClient();
        var victim = (await IdsAsync())[3];
        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"SELECT set_config('exemplar.audit_sealing', 'on', false); UPDATE audit_entries SET hash = repeat('a', 64) WHERE id = {victim}", conn);
        var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Contains("审计日志只允许追加", error.MessageText);
    }
}
