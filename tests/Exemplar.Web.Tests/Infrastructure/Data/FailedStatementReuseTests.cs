using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exemplar.Web.Tests.Infrastructure.Data;

/// <summary>
/// Statements are prepared automatically at their second use on a connection. One that fails at that use (a unique key, a
/// too-long value, a division by zero — the app turns such failures into messages) must leave the pooled connection able to
/// run it again and read its rows: without <see cref="PreparedStatementRecovery"/> the next use answers “Received unexpected
/// backend message DataRow” (npgsql/npgsql#6391), a 500 to whichever request draws that connection.
/// </summary>
public sealed class FailedStatementReuseTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    [Fact]
    public async Task A_statement_that_failed_on_a_connection_of_its_own_runs_again_once_the_connection_is_recovered()
    {
        var cs = await TestDatabase.CreateEmptyAsync(nameof(FailedStatementReuseTests));
        try
        {
            // One connection in the pool, so every use below is the same server session.
            var settings = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolSettings(cs)) { MaxPoolSize = 1 }.ConnectionString;
            Assert.Equal(2, new NpgsqlConnectionStringBuilder(settings).AutoPrepareMinUsages);
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
                    PreparedStatementRecovery.Recover(conn);
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_query_that_failed_on_the_apps_context_runs_again_on_the_same_connection(bool inTransaction)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        // Held open, so every use below is the same server session; the text is new to it, so its second use prepares it.
        await db.Database.OpenConnectionAsync();
        var sql = $"SELECT 10 / {{0}} AS \"Value\" /* {Guid.NewGuid():N} */";
        var outcomes = new List<string>();
        foreach (var divisor in new[] { 1, 0, 2, 0, 5 })
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = inTransaction ? await db.Database.BeginTransactionAsync() : null;
                try
                {
                    var value = await db.Database.SqlQueryRaw<int>(sql, divisor).SingleAsync();
                    if (tx is not null) await tx.CommitAsync();
                    outcomes.Add($"{divisor}: {value}");
                }
                catch (PostgresException e)
                {
                    if (tx is not null) await tx.RollbackAsync();
                    outcomes.Add($"{divisor}: {e.SqlState}");
                }
            });
        }
        // 22012: division by zero. Every other use answers its quotient.
        Assert.Equal(["1: 10", "0: 22012", "2: 5", "0: 22012", "5: 2"], outcomes);
    }
}
