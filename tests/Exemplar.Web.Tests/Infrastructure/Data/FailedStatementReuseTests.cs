using Exemplar.Web.Infrastructure.Data;
using Npgsql;

namespace Exemplar.Web.Tests.Infrastructure.Data;

/// <summary>
/// A statement that fails inside a transaction (a unique key, a too-long value — the app turns these into messages) and
/// is rolled back must leave the pooled connection able to run the same statement again, with the app's pool settings.
/// With Npgsql's automatic preparation on (Max Auto Prepare 100, min usages 2) this failed: the insert failing at its
/// second use — the one that prepares it — left the connection out of step, and the next insert got “Received unexpected
/// backend message DataRow” (npgsql/npgsql#6391), a 500 to whichever request drew that connection.
/// </summary>
public sealed class FailedStatementReuseTests
{
    [Fact]
    public async Task A_statement_that_failed_and_was_rolled_back_runs_again_on_the_same_pooled_connection()
    {
        var cs = await TestDatabase.CreateEmptyAsync(nameof(FailedStatementReuseTests));
        try
        {
            // One connection in the pool, so every use below is the same server session.
            var settings = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolSettings(cs)) { MaxPoolSize = 1 }.ConnectionString;
            await TestDatabase.ExecuteAsync("CREATE TABLE t (id serial PRIMARY KEY, value varchar(5) NOT NULL UNIQUE)", cs);
            const string insert = "INSERT INTO t (value) VALUES (@v) RETURNING id";
            var outcomes = new List<string>();
            foreach (var value in new[] { "a", "toolong", "b", "a", "c", "toolong", "d", "e", "b", "f", "g" })
            {
                await using var conn = new NpgsqlConnection(settings);
                await conn.OpenAsync();
                await using var tx = await conn.BeginTransactionAsync();
                try
                {
                    await using var cmd = new NpgsqlCommand(insert, conn, tx);
                    cmd.Parameters.AddWithValue("v", value);
                    await cmd.ExecuteScalarAsync();
                    await tx.CommitAsync();
                    outcomes.Add($"{value}: ok");
                }
                catch (PostgresException e)
                {
                    await tx.RollbackAsync();
                    outcomes.Add($"{value}: {e.SqlState}");
                }
            }
            // 22001: value too long for varchar(5); 23505: the value is there already. Nothing else.
            Assert.Equal(["a: ok", "toolong: 22001", "b: ok", "a: 23505", "c: ok", "toolong: 22001", "d: ok", "e: ok", "b: 23505", "f: ok", "g: ok"], outcomes);
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }
}
