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
/// open transaction, after the receipt number was drawn and the submission saved, before the commit. The interceptor does
/// exactly that — it terminates the submission's own backend right after the save's batch and stops the app's code there.
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
        if (Armed && command.CommandText.Contains("UPDATE application_versions SET", StringComparison.Ordinal)
            && command.CommandText.Contains("snapshot_json", StringComparison.Ordinal))
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
    public async Task A_submission_cut_off_before_its_commit_leaves_the_draft_as_it_was_and_its_receipt_number_waiting_for_it()
    {
        using var _ = app.CreateClient();
        app.Crash.ConnectionString = app.ConnectionString;
        var data = new ApplicationTestData(app.Services);
        var call = await data.CallAsync("kunming-base-2022", "km.city", "KX", title: "中断测试批次");
        var id = await data.StartAsync(call, "盘龙众创空间");
        await data.CompleteAsync(id);
        var auditRowsBefore = await data.WithAsync((_, db) => db.Set<AuditEntry>().CountAsync());

        app.Crash.Armed = true;
        var cut = await Assert.ThrowsAsync<DbUpdateException>(() => data.SubmitAsync(id));
        Assert.IsType<SimulatedCrashException>(cut.InnerException);
        Assert.Equal(1, app.Crash.Fired);

        var (status, receipt, state, snapshot, reserved, notices, audit) = await data.WithAsync(async (_, db) => (
            await db.Set<Application>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync(),
            await db.Set<Application>().Where(a => a.Id == id).Select(a => a.ReceiptNumber).SingleAsync(),
            await db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id).Select(v => v.State).SingleAsync(),
            await db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id).Select(v => v.SnapshotJson).SingleAsync(),
            await db.Set<ReceiptReservation>().Where(r => r.CallId == call).Select(r => new { r.Sequence, r.ApplicationId }).ToListAsync(),
            await db.Set<Notice>().CountAsync(n => n.Ref == $"application-receipt:{id}:1"),
            await db.Set<AuditEntry>().CountAsync()));
        Assert.Equal(ApplicationStatus.Draft, status);
        Assert.Null(receipt);
        Assert.Equal(VersionState.Draft, state);
        Assert.Null(snapshot);
        // The number drawn before the cut stays reserved for this draft: no other application is given it.
        Assert.Equal(1, Assert.Single(reserved).Sequence);
        Assert.Equal(id, reserved[0].ApplicationId);
        Assert.Equal(0, notices);
        Assert.Equal(auditRowsBefore, audit);

        // After the restart another application submitted first takes the next number; the same draft then submits
        // normally and gets the number the cut-off submission had drawn.
        var other = await data.StartAsync(call, "昆明五华创新创业园");
        await data.CompleteAsync(other);
        var first = await data.SubmitAsync(other);
        Assert.True(first.Result.Ok, string.Join(" ", first.Result.Errors.SelectMany(e => e.Value)));
        Assert.Equal("KX-2026-0002", first.ReceiptNumber);
        var again = await data.SubmitAsync(id);
        Assert.True(again.Result.Ok, string.Join(" ", again.Result.Errors.SelectMany(e => e.Value)));
        Assert.Equal("KX-2026-0001", again.ReceiptNumber);
        Assert.Equal(2, await data.WithAsync((_, db) => db.Set<Call>().Where(c => c.Id == call).Select(c => c.ReceiptsIssued).SingleAsync()));
    }
}
