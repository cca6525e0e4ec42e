using System.Diagnostics;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Bench.Ledger;

/// <summary>
/// (a) A 1,000,000-row ledger CSV through the product's import path (<see cref="ImportHandler"/>: decoding,
/// tokenising, checking every row, binary COPY into staging, INSERT into ledger_entries, audit) against
/// <c>psql \copy</c> of the same rows (exported from the table in its own CSV form) into the same table.
/// </summary>
public static class ImportBench
{
    private const string Columns =
        "id, carrier_id, function, date, place, form, topic, resident_ids, other_names, person_count, fee, partner_agency_id, request_text, outcome_text, feedback, import_job_id";

    public static async Task<int> RunAsync(int rows)
    {
        var sw = Stopwatch.StartNew();
        var db = await BenchDatabase.OpenAsync("exemplar_bench_import", fresh: true);
        Console.WriteLine($"database migrated and seeded by the product: {sw.Elapsed.TotalSeconds:F1} s");
        await using var app = BenchDatabase.BuildApp(db.ConnectionString);

        Guid carrierId;
        List<LedgerCsvGenerator.Resident> residents;
        List<string> partners;
        using (var scope = app.Services.CreateScope())
        {
            var ctx = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            carrierId = await ctx.Set<Carrier>().Where(c => c.Name == "昆明五华创新创业园").Select(c => c.Id).SingleAsync();
            residents = (await ctx.Set<ResidentEnterprise>().Where(r => r.CarrierId == carrierId).OrderBy(r => r.Uscc).ToListAsync())
                .Select(r => new LedgerCsvGenerator.Resident(r.Name, r.Uscc, r.EntryDate, r.ExitDate)).ToList();
            partners = await ctx.Set<PartnerAgency>().Where(p => p.CarrierId == carrierId).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync();
        }

        var dir = Path.Combine(Path.GetTempPath(), "exemplar-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "ledger.csv");
            sw.Restart();
            var bytes = LedgerCsvGenerator.Write(file, rows, residents, partners, seed: 20261121);
            Console.WriteLine($"generated {rows:N0} rows, {bytes / 1024.0 / 1024.0:F1} MB (seed 20261121) in {sw.Elapsed.TotalSeconds:F1} s");
            var warm = Path.Combine(dir, "warm.csv");
            LedgerCsvGenerator.Write(warm, 20_000, residents, partners, seed: 1);

            var warmJob = await ImportAsync(app, carrierId, warm); // JIT and caches warm
            // Parse and check only (no database): how much of the product's time is its own work.
            var parseRate = await ParseOnlyAsync(file, residents, partners, rows);
            await db.ExecuteAsync($"DELETE FROM ledger_entries WHERE import_job_id = '{warmJob.Id}'");
            await db.ExecuteAsync("VACUUM ANALYZE ledger_entries");

            sw.Restart();
            var job = await ImportAsync(app, carrierId, file);
            var productSeconds = sw.Elapsed.TotalSeconds;
            if (job.Status != ImportStatus.Succeeded || job.ImportedRows != rows)
            {
                Console.WriteLine($"product import did not succeed: {job.Status}, {job.ImportedRows} rows; {job.Errors}");
                return 1;
            }
            var productRate = rows / productSeconds;
            Console.WriteLine($"product import (ImportHandler, validated)   {productRate,12:N0} rows/s  ({rows:N0} rows in {productSeconds:F2} s; warnings {job.WarningCount:N0})");

            // The same rows in the table's own CSV form, then back in with psql \copy.
            var table = Path.Combine(dir, "table.csv");
            await PsqlAsync(db, $"\\copy (SELECT {Columns} FROM ledger_entries WHERE import_job_id = '{job.Id}') TO '{table}' WITH (FORMAT csv)");
            await db.ExecuteAsync($"DELETE FROM ledger_entries WHERE import_job_id = '{job.Id}'");
            await db.ExecuteAsync("VACUUM ANALYZE ledger_entries");
            sw.Restart();
            await PsqlAsync(db, $"\\copy ledger_entries ({Columns}) FROM '{table}' WITH (FORMAT csv)");
            var psqlSeconds = sw.Elapsed.TotalSeconds;
            var copied = (long)(await db.ScalarAsync($"SELECT count(*) FROM ledger_entries WHERE import_job_id = '{job.Id}'"))!;
            var psqlRate = copied / psqlSeconds;
            Console.WriteLine($"psql \\copy (same rows, same table, no checks) {psqlRate,12:N0} rows/s  ({copied:N0} rows in {psqlSeconds:F2} s)");
            Console.WriteLine($"parse and check only (no database)          {parseRate,12:N0} rows/s");
            Console.WriteLine($"ratio product / psql \\copy: {productRate / psqlRate:F3}");
            return copied == rows ? 0 : 1;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<ImportJob> ImportAsync(Microsoft.AspNetCore.Builder.WebApplication app, Guid carrierId, string file)
    {
        using var scope = app.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<ImportHandler>();
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await handler.HandleAsync(new ImportCommand(carrierId, Guid.CreateVersion7(), "ledger", Path.GetFileName(file), stream.Length, stream), CancellationToken.None);
    }

    private static async Task<double> ParseOnlyAsync(string file, List<LedgerCsvGenerator.Resident> residents, List<string> partners, int rows)
    {
        var sw = Stopwatch.StartNew();
        await using var stream = File.OpenRead(file);
        await using var upload = new UploadStream(stream, long.MaxValue);
        await using var source = await ImportSource.OpenAsync(upload, "ledger.csv", new LedgerOptions(), null, CancellationToken.None);
        var issues = new ImportIssues();
        var cells = new List<string>();
        await source.TryReadAsync(cells, CancellationToken.None);
        var map = ImportLayout.Ledger.Map(cells, issues);
        var check = new ImportLedgerRows(map,
            residents.Select((r, i) => new ImportResident(new Guid(i, 0, 0, new byte[8]), r.Name, r.Uscc, r.Entry, r.Exit)),
            partners.Select((p, i) => new ImportPartner(new Guid(0, (short)i, 0, new byte[8]), p)), DateOnly.FromDateTime(DateTime.Today));
        long ok = 0;
        while (await source.TryReadAsync(cells, CancellationToken.None))
            if (check.Read(source.Row, cells, issues) is not null) ok++;
        if (ok != rows || issues.HasErrors) throw new InvalidOperationException($"parse-only: {ok} good rows, {issues.Errors} errors");
        return rows / sw.Elapsed.TotalSeconds;
    }

    public static async Task PsqlAsync(BenchDatabase db, string command)
    {
        var s = db.Server;
        var psi = new ProcessStartInfo("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", s.Host!, "-p", s.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", s.Username!, "-d", s.Database!, "-c", command])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        psi.Environment["PGPASSWORD"] = s.Password;
        using var p = Process.Start(psi)!;
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException("psql failed: " + err);
    }
}
