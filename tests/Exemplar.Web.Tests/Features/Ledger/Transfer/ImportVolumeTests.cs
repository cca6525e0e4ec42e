using System.Diagnostics;
using System.Text;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;
using static Exemplar.Web.Tests.Features.Ledger.Transfer.ImportTestKit;

namespace Exemplar.Web.Tests.Features.Ledger.Transfer;

/// <summary>Imports at volume through the streaming COPY path, and an import cancelled half-way.</summary>
public sealed class ImportVolumeTests(ExemplarFactory app, ITestOutputHelper output) : IClassFixture<ExemplarFactory>
{
    /// <summary>Row i: 信息服务, one-to-one, 甲 by code, 2 persons, a day of 2025 — so 1 家次 and 2 人次 per row.</summary>
    private static byte[] LedgerFile(int rows)
    {
        var sb = new StringBuilder(rows * 90);
        sb.Append(string.Join(",", LedgerHeader)).Append("\r\n");
        var start = new DateOnly(2025, 1, 1);
        for (var i = 0; i < rows; i++)
            sb.Append("信息服务,").Append(start.AddDays(i % 365).ToString("yyyy-MM-dd")).Append(",基地服务大厅,一对一服务,,").Append(JiaCode)
              .Append(",,2,公益免费,,政策咨询,解答第").Append(i).Append("个问题,满意\r\n");
        return Utf8Bom(sb.ToString());
    }

    [Fact]
    public async Task A_100000_row_csv_imports_in_one_transaction()
    {
        var (client, url, carrierId) = await NewCarrierAsync(app, "导入容量园");
        await UploadAsync(client, url, "enterprises", "企业.csv", Utf8Bom(CsvText(EnterpriseHeader, EnterpriseRows)));
        var file = LedgerFile(100_000);
        var clock = Stopwatch.StartNew();
        var job = await UploadAsync(client, url, "ledger", "十万行.csv", file);
        clock.Stop();
        output.WriteLine($"100,000 rows ({file.Length / 1024.0 / 1024.0:0.0} MB) imported over HTTP in {clock.Elapsed.TotalSeconds:0.00} s = {100_000 / clock.Elapsed.TotalSeconds:0} rows/s");
        Assert.Contains("已导入台账记录 100000 条", job.Outcome());

        using var scope = app.Services.CreateScope();
        var volumes = await scope.ServiceProvider.GetRequiredService<LedgerMetricsQuery>().VolumesAsync(carrierId, 2025, CancellationToken.None);
        var info = volumes.Single(v => v.Function == ServiceFunction.InformationService);
        Assert.Equal((100_000, 1, 0, 200_000, 100_000), (info.EnterpriseVisits, info.EnterprisesServed, info.Events, info.PersonTimes, info.FreeOrLowFeeVisits));
        var jobId = Guid.Parse(job.Url.Split('/')[^1]);
        Assert.Equal(1, await app.DbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.EntityId == jobId.ToString())));
    }

    [Fact]
    public async Task Cancelling_half_way_leaves_no_rows_while_progress_was_visible_outside_the_transaction()
    {
        var (client, url, carrierId) = await NewCarrierAsync(app, "导入中断园");
        await UploadAsync(client, url, "enterprises", "企业.csv", Utf8Bom(CsvText(EnterpriseHeader, EnterpriseRows)));
        var file = LedgerFile(30_000);
        var jobId = Guid.CreateVersion7();
        using var cts = new CancellationTokenSource();
        long progressSeen = -1, entriesSeen = -1;
        var stream = new TripwireStream(new MemoryStream(file), file.Length * 3 / 4, () =>
        {
            // Another connection, as the progress page would: the job's progress is there, the rows are not.
            using var conn = new NpgsqlConnection(app.ConnectionString);
            conn.Open();
            using var progress = new NpgsqlCommand($"SELECT processed_rows FROM import_jobs WHERE id = '{jobId}'", conn);
            progressSeen = (long)progress.ExecuteScalar()!;
            using var entries = new NpgsqlCommand($"SELECT count(*) FROM ledger_entries WHERE carrier_id = '{carrierId}'", conn);
            entriesSeen = (long)entries.ExecuteScalar()!;
            cts.Cancel();
        });
        using (var scope = app.Services.CreateScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<ImportHandler>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                handler.HandleAsync(new ImportCommand(carrierId, jobId, "ledger", "三万行.csv", file.Length, stream), cts.Token));
        }
        Assert.InRange(progressSeen, LedgerImport.ProgressCheckEvery, 30_000);
        Assert.Equal(0, entriesSeen);
        Assert.Equal(0, await app.DbAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.CarrierId == carrierId)));
        var job = await app.DbAsync(db => db.Set<ImportJob>().SingleAsync(j => j.Id == jobId));
        Assert.Equal(ImportStatus.Cancelled, job.Status);
        Assert.Equal(0, job.ImportedRows);
        Assert.Equal(0, await app.DbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.EntityId == jobId.ToString())));
        var page = await client.GetDocumentAsync($"{url}/Import/{jobId}");
        Assert.Contains("已中断，未导入", page.Outcome());
    }

    /// <summary>Runs an action once, when reading passes a byte offset.</summary>
    private sealed class TripwireStream(Stream inner, long at, Action trip) : Stream
    {
        private long _read;
        private bool _tripped;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, Math.Min(count, 8192)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Count(await inner.ReadAsync(buffer[..Math.Min(buffer.Length, 8192)], ct));

        private int Count(int n)
        {
            _read += n;
            if (!_tripped && _read >= at) { _tripped = true; trip(); }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
