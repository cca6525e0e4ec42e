using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// Resident-enterprise import: an enterprise whose 统一社会信用代码 the base already has is updated, a new one
/// is added, and each row's year figures are added or replaced. Enterprises are few (a base has tens or
/// hundreds), so they are saved through the change tracker in one SaveChanges — one transaction, and one
/// audit row per changed enterprise and year with before/after values (an update overwrites, so the old
/// values matter), plus one summary row for the import. Enterprises missing from the file are left alone.
/// </summary>
internal sealed class EnterpriseImport(ImportContext x)
{
    public const string Operation = "入驻企业.批量导入";

    public async Task RunAsync(CancellationToken ct)
    {
        var db = x.Db;
        var parser = new ImportEnterpriseRows(x.Map, Infrastructure.ChinaTime.Today(x.Clock));
        var parsed = new List<EnterpriseRowValues>();
        long dataRows = 0;
        var cells = new List<string>();
        while (await x.Source.TryReadAsync(cells, ct))
        {
            if (ColumnMap.IsBlank(cells)) continue;
            if (++dataRows > x.Options.MaxEnterpriseImportRows)
                throw new ImportRefusedException($"入驻企业名录一次最多导入 {x.Options.MaxEnterpriseImportRows} 行，未导入任何内容。请拆分后分别导入。");
            x.NoteFormulas();
            if (dataRows % LedgerImport.ProgressCheckEvery == 0) await x.Progress.ReportAsync(dataRows, x.Upload.BytesRead, ct);
            if (parser.Read(x.Source.Row, cells, x.Issues) is { } v) parsed.Add(v);
        }
        if (dataRows == 0) throw new ImportRefusedException("文件中只有列名，没有数据行，未导入任何内容。");
        x.Job.ProcessedRows = dataRows;
        x.Job.TotalRows = dataRows;
        if (x.Issues.HasErrors)
        {
            ImportHandler.Complete(x.Job, ImportStatus.Rejected,
                $"共 {dataRows} 行，其中有错误 {x.Issues.Errors} 处，未导入任何内容。请按下表修改后重新上传整个文件。", x.Issues, x.Upload, x.Clock.GetUtcNow());
            await ImportJobWriter.FinishAsync(await x.Progress.ConnectionAsync(ct), null, x.Job, ct);
            return;
        }

        var existing = await db.Set<ResidentEnterprise>().Include(e => e.Years).Where(e => e.CarrierId == x.Carrier.Id).ToDictionaryAsync(e => e.Uscc, ct);
        int added = 0, years = 0;
        foreach (var group in parsed.GroupBy(v => v.Uscc))
        {
            var v = group.First();
            if (!existing.TryGetValue(v.Uscc, out var e))
            {
                e = new ResidentEnterprise { CarrierId = x.Carrier.Id, Name = v.Name, Uscc = v.Uscc };
                db.Add(e);
                added++;
            }
            e.Name = v.Name; e.EntryDate = v.EntryDate; e.ExitDate = v.ExitDate; e.Industry = v.Industry; e.InLeadingIndustry = v.InLeadingIndustry;
            e.SizeClass = v.Size; e.ContactName = v.ContactName; e.ContactPhone = v.ContactPhone;
            foreach (var y in group.Select(r => r.Year).OfType<EnterpriseYearValues>())
            {
                var fig = e.Years.FirstOrDefault(f => f.Year == y.Year);
                if (fig is null) { fig = new ResidentYearFigure { EnterpriseId = e.Id, Year = y.Year }; e.Years.Add(fig); }
                fig.Employees = y.Employees; fig.RevenueWan = y.RevenueWan; fig.PatentsApplied = y.PatentsApplied; fig.PatentsHeld = y.PatentsHeld;
                fig.HighTechRecognitions = y.HighTech; fig.TechSmeRecognitions = y.TechSme; fig.OtherOutcomes = y.Other;
                years++;
            }
        }
        db.ChangeTracker.DetectChanges();
        var updated = existing.Values.Count(e =>
            db.Entry(e).State == EntityState.Modified || e.Years.Any(f => db.Entry(f).State is EntityState.Added or EntityState.Modified));
        var enterprises = added + existing.Count(kv => parsed.Any(p => p.Uscc == kv.Key));

        var summary = $"共 {dataRows} 行，涉及入驻企业 {enterprises} 家：新增 {added} 家，更新 {updated} 家，其余无变化；年度数据 {years} 条。";
        x.Job.ImportedRows = dataRows;
        x.Job.Sha256 = x.Upload.Sha256();
        ImportHandler.Complete(x.Job, ImportStatus.Succeeded, summary, x.Issues, x.Upload, x.Clock.GetUtcNow());
        db.Actor.Operation = Operation;
        db.Add(new AuditEntry
        {
            OccurredAt = x.Clock.GetUtcNow(), ActorId = db.Actor.UserId, ActorName = db.Actor.Name, Operation = Operation, Action = "Added",
            EntityType = nameof(ImportJob), EntityId = x.Job.Id.ToString(), JurisdictionCode = x.Carrier.JurisdictionCode,
            After = x.AuditAfter(summary), IpAddress = db.Actor.IpAddress,
        });
        // The job's outcome is saved in the same transaction as the enterprises.
        var job = new ImportJob { Id = x.Job.Id, Kind = x.Job.Kind, FileName = x.Job.FileName, Status = ImportStatus.Running, StartedBy = x.Job.StartedBy };
        db.Attach(job);
        db.Entry(job).CurrentValues.SetValues(x.Job);
        await db.SaveChangesAsync(ct);
    }
}
