using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Exemplar.Web.Infrastructure.Data;

/// <summary>
/// Keeps Npgsql's automatic statement preparation safe. A statement that fails at the use which prepares it (a unique
/// key, a too-long value, a cancelled request) leaves the connection's prepared statements out of step with the server,
/// and the next row-returning use answers “unexpected backend message DataRow” (npgsql/npgsql#6391, open) — a 500 for
/// whichever request draws that pooled connection next. After any failed or cancelled command the connection's prepared
/// statements are dropped (<c>DEALLOCATE ALL</c>) once it is out of its transaction, and prepared again by later use: at
/// once when no transaction is open, at a rollback, or at the latest before the connection goes back to the pool. A
/// connection that cannot be cleaned (still in an aborted transaction, or broken) empties the pool instead, so it is
/// closed rather than reused. Commands EF runs are seen by the interceptor; commands run on a connection directly report
/// their failures with <see cref="MarkFailed"/> (on EF's connection) or <see cref="Recover"/> (on their own).
/// </summary>
public sealed class PreparedStatementRecovery : IDbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly PreparedStatementRecovery Instance = new();

    private static readonly ConditionalWeakTable<DbConnection, object> Failed = [];
    private static readonly object Mark = new();

    private PreparedStatementRecovery() { }

    /// <summary>A command on <paramref name="connection"/> failed; its prepared statements are dropped before it is reused.</summary>
    public static void MarkFailed(DbConnection connection) => Failed.AddOrUpdate(connection, Mark);

    /// <summary>For a connection of the caller's own, after a failed command and outside any transaction: cleans it now.</summary>
    public static void Recover(NpgsqlConnection connection)
    {
        MarkFailed(connection);
        Clean(connection);
    }

    /// <summary>Drops a marked connection's prepared statements; called only where it is out of any transaction.</summary>
    private static void Clean(DbConnection connection)
    {
        if (!Failed.TryGetValue(connection, out _)) return;
        Failed.Remove(connection);
        if (connection is not NpgsqlConnection npgsql || npgsql.State != System.Data.ConnectionState.Open) return;
        // Npgsql has no asynchronous form of this; it runs only after a failure.
        try { npgsql.UnprepareAll(); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { NpgsqlConnection.ClearPool(npgsql); }
    }

    private static void AfterFailure(DbCommand command)
    {
        if (command.Connection is not { } connection) return;
        MarkFailed(connection);
        // Inside a transaction the connection is cleaned at its rollback or close.
        if (command.Transaction is null) Clean(connection);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => AfterFailure(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterFailure(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => AfterFailure(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterFailure(command);
        return Task.CompletedTask;
    }

    private static void CleanContext(TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context) Clean(context.Database.GetDbConnection());
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        CleanContext(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CleanContext(eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Clean(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Clean(connection);
        return ValueTask.FromResult(result);
    }
}
