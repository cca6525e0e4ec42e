using System.Text;
using Exemplar.Web.Features.Privacy;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exemplar.Web.Tests.Infrastructure.Files;

/// <summary>
/// A file's bytes written beside the transaction that saves its record (the deadline rush's last material): the record
/// commits only with its bytes; bytes whose record did not commit are deleted at once, or a day later by the purge.
/// </summary>
public sealed class StagedContentTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static byte[] Pdf(string marker) => Encoding.ASCII.GetBytes(
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% " + marker + "\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private async Task<T> WithAsync<T>(Func<ExemplarDbContext, FileStore, UploadInspector, Task<T>> f)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ExemplarDbContext>();
        db.Actor.Operation = "测试.文件";
        // Inside the execution strategy, as the app's own transactions are.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => f(db, sp.GetRequiredService<FileStore>(), sp.GetRequiredService<UploadInspector>()));
    }

    private Task<(bool Record, bool Bytes)> StateAsync(Guid id) => WithAsync(async (db, _, _) => (
        await db.Set<StoredFile>().AnyAsync(f => f.Id == id),
        await db.Set<StoredFileContent>().AnyAsync(c => c.FileId == id)));

    private static InspectedFile Inspected(UploadInspector inspector, byte[] content) =>
        inspector.Inspect("证明.pdf", content, UploadKinds.Documents, "材料").File!;

    /// <summary>The file's record saved and its bytes written beside it, both committed: the submission's way.</summary>
    private Task<Guid> KeptAsync(byte[] content) => WithAsync(async (db, store, inspector) =>
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var stored = store.Track(Inspected(inspector, content), "测试", null);
        await using var bytes = store.Stage(stored.Id, content, CancellationToken.None);
        await db.SaveChangesAsync();
        await bytes.Written;
        await tx.CommitAsync();
        bytes.Kept();
        return stored.Id;
    });

    [Fact]
    public async Task Bytes_written_beside_a_committed_record_are_kept_with_it()
    {
        var content = Pdf("kept");
        var id = await KeptAsync(content);
        Assert.Equal((true, true), await StateAsync(id));
        Assert.Equal(content, await WithAsync((db, store, _) => store.ContentAsync(id, CancellationToken.None)));
    }

    [Fact]
    public async Task A_compressible_megabyte_is_kept_lz4_compressed_and_reads_back_byte_for_byte()
    {
        var head = Pdf("compressible");
        var content = new byte[1024 * 1024];
        head.CopyTo(content, 0);
        for (var i = head.Length; i < content.Length; i++) content[i] = (byte)(i % 50 == 0 ? '\n' : ' ');
        var id = await KeptAsync(content);
        var (method, length, size) = await WithAsync(async (db, _, _) =>
        {
            await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT pg_column_compression(content), octet_length(content), pg_column_size(content) FROM stored_file_contents WHERE file_id = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2));
        });
        Assert.Equal("lz4", method);
        Assert.Equal(1024 * 1024, length);
        Assert.True(size < 64 * 1024, $"压缩后 {size} 字节");
        Assert.Equal(content, await WithAsync((db, store, _) => store.ContentAsync(id, CancellationToken.None)));
    }

    [Fact]
    public async Task Bytes_whose_record_did_not_commit_are_deleted_when_let_go()
    {
        var content = Pdf("let go");
        var id = await WithAsync(async (db, store, inspector) =>
        {
            StagedContent? bytes = null;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                var stored = store.Track(Inspected(inspector, content), "测试", null);
                bytes = store.Stage(stored.Id, content, CancellationToken.None);
                await db.SaveChangesAsync();
                await bytes.Written;
                // Committed on their own connection, before the record: visible while the record is not.
                Assert.Equal((false, true), await StateAsync(stored.Id));
                return stored.Id; // the caller's transaction rolls back: refused, say
            }
            finally
            {
                if (bytes is not null) await bytes.DisposeAsync();
            }
        });
        Assert.Equal((false, false), await StateAsync(id));
    }

    [Fact]
    public async Task A_record_cannot_commit_without_its_bytes()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => WithAsync(async (db, store, inspector) =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            store.Track(Inspected(inspector, Pdf("no bytes")), "测试", null);
            await db.SaveChangesAsync(); // the key is checked at commit, so the save itself passes
            await tx.CommitAsync();
            return 0;
        }));
        var postgres = error as PostgresException ?? error.InnerException as PostgresException;
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, postgres?.SqlState);
    }

    [Fact]
    public async Task The_purge_deletes_bytes_no_record_took_up_after_a_day_and_nothing_else()
    {
        var now = app.Clock.GetUtcNow();
        var (orphanOld, orphanNew, keptOld) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await WithAsync(async (db, store, inspector) =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var record = store.Track(Inspected(inspector, Pdf("old, kept")), "测试", null);
            keptOld = record.Id;
            await db.SaveChangesAsync();
            foreach (var (id, at) in new[] { (orphanOld, now.AddHours(-25)), (orphanNew, now.AddHours(-23)), (keptOld, now.AddDays(-30)) })
                await db.Database.ExecuteSqlAsync($"INSERT INTO stored_file_contents (file_id, content, written_at) VALUES ({id}, {Pdf(id.ToString())}, {at})");
            await tx.CommitAsync();
            return 0;
        });

        var result = await app.Services.GetRequiredService<PersonalDataPurgeJob>().RunOnceAsync(now);
        Assert.True(result.RanHere);
        Assert.True(result.Purged["已结束的会话、登录计数、幂等键和未被采用的文件内容"] >= 1);
        Assert.Equal((false, false), await StateAsync(orphanOld));
        Assert.Equal((false, true), await StateAsync(orphanNew));
        Assert.Equal((true, true), await StateAsync(keptOld));
    }

    [Fact]
    public async Task The_bytes_commit_without_waiting_for_the_flush_and_the_record_that_takes_them_up_commits_durably()
    {
        // What each transaction has for synchronous_commit as it writes, seen by triggers: the bytes' own transaction, and
        // the record's (which the bytes reach disk with, being earlier in the log).
        await TestDatabase.ExecuteAsync("""
            CREATE TABLE staged_commit_modes (tbl text, mode text);
            CREATE FUNCTION staged_commit_mode() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO staged_commit_modes VALUES (TG_TABLE_NAME, current_setting('synchronous_commit')); RETURN NEW; END $$;
            CREATE TRIGGER staged_commit_mode AFTER INSERT ON stored_file_contents FOR EACH ROW EXECUTE FUNCTION staged_commit_mode();
            CREATE TRIGGER staged_commit_mode AFTER INSERT ON stored_files FOR EACH ROW EXECUTE FUNCTION staged_commit_mode();
            """, app.ConnectionString);
        try
        {
            var id = await KeptAsync(Pdf("modes"));
            Assert.Equal((true, true), await StateAsync(id));
            var modes = await WithAsync((db, _, _) => db.Database
                .SqlQueryRaw<string>("SELECT tbl || ':' || mode AS \"Value\" FROM staged_commit_modes ORDER BY tbl").ToListAsync());
            Assert.Equal(["stored_file_contents:off", "stored_files:on"], modes);
        }
        finally
        {
            await TestDatabase.ExecuteAsync("""
                DROP TRIGGER staged_commit_mode ON stored_file_contents; DROP TRIGGER staged_commit_mode ON stored_files;
                DROP FUNCTION staged_commit_mode(); DROP TABLE staged_commit_modes;
                """, app.ConnectionString);
        }
    }
}
