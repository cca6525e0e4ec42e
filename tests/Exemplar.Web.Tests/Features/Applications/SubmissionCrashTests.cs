using System.Data.Common;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exemplar.Web.Tests.Features.Applications;

/// <summary>
/// What PostgreSQL sees when the app is killed (kill -9) in the middle of a submission: the connection drops inside the
/// open transaction, after the receipt number was drawn and before the commit. The interceptor does exactly that — it
/// terminates the submission's own backend right after the receipt-number UPDATE and stops the app's code there.
/// </summary>
public sealed class CrashFactory : ExemplarFactory
{
    public CrashInterceptor Crash { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<Exemplar.Web.Infrastructure.Data.ExemplarDbContext>(o => o.AddInterceptors(Crash)));
    }
}

public sealed class SimulatedCrashException() : Exception("模拟进程被终止");

public sealed class CrashInterceptor : DbCommandInterceptor
{
    public bool Armed { get; set; }
    public int Fired { get; private set; }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
    {
        if (Armed && command.CommandText.Contains("receipts_issued = receipts_issued + 1", StringComparison.Ordinal))
        {
            Armed = false;
            Fired++;
            var victim = ((NpgsqlConnection)command.Connection!).ProcessID;
            await using var admin = new NpgsqlConnection(ConnectionString);
            await admin.OpenAsync(ct);
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({victim})", admin);
            await kill.ExecuteScalarAsync(ct);
            throw new SimulatedCrashException();
        }
        return result;
    }

    /// <summary>The test database (an opened Npgsql connection no longer shows its password).</summary>
    public string ConnectionString { get; set; } = "";
}

public sealed class SubmissionCrashTests(CrashFactory app) : IClassFixture<CrashFactory>
{
    [Fact]
    public async Task A_submission_cut_off_before_its_commit_leaves_the_draft_as_it_was_and_gives_its_receipt_number_back()
    {
        using var _ = app.CreateClient();
        app.Crash.ConnectionString = app.ConnectionString;
        var data = new ApplicationTestData(app.Services);
        var call = await data.CallAsync("kunming-base-2022", "km.city", "KX", title: "中断测试批次");
        var id = await data.StartAsync(call, "盘龙众创空间");
        await data.CompleteAsync(id);
        var auditRowsBefore = await data.WithAsync((_, db) => db.Set<AuditEntry>().CountAsync());

        app.Crash.Armed = true;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => data.SubmitAsync(id));
        Assert.Equal(1, app.Crash.Fired);

        var (status, receipt, state, snapshot, issued, notices, audit) = await data.WithAsync(async (_, db) => (
            await db.Set<Application>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync(),
            await db.Set<Application>().Where(a => a.Id == id).Select(a => a.ReceiptNumber).SingleAsync(),
            await db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id).Select(v => v.State).SingleAsync(),
            await db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id).Select(v => v.SnapshotJson).SingleAsync(),
            await db.Set<Call>().Where(c => c.Id == call).Select(c => c.ReceiptsIssued).SingleAsync(),
            await db.Set<Notice>().CountAsync(n => n.Ref == $"application-receipt:{id}:1"),
            await db.Set<AuditEntry>().CountAsync()));
        Assert.Equal(ApplicationStatus.Draft, status);
        Assert.Null(receipt);
        Assert.Equal(VersionState.Draft, state);
        Assert.Null(snapshot);
        Assert.Equal(0, issued);
        Assert.Equal(0, notices);
        Assert.Equal(auditRowsBefore, audit);

        // After the restart the same draft submits normally and gets the number the cut-off submission had drawn.
        var again = await data.SubmitAsync(id);
        Assert.True(again.Result.Ok, string.Join(" ", again.Result.Errors.SelectMany(e => e.Value)));
        Assert.Equal("KX-2026-0001", again.ReceiptNumber);
    }
}
