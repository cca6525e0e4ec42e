using System.IO.Compression;
using System.Text;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// 申报材料包: one submitted version as a zip an auditor can check offline — the frozen package exactly as hashed
/// (<c>package.json</c>), every material under its slot, the 申请报告 as Word generated from the frozen report data (for
/// a programme with a Word layout), a manifest with all hashes, and <c>SHA256SUMS</c> for
/// <c>sha256sum -c</c>. The same version always gives the same bytes.
/// </summary>
public sealed class Dossier(ExemplarDbContext db, FileStore files, ReportDocuments reports)
{
    private static readonly DateTimeOffset Stamp = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<byte[]?> BuildAsync(Guid applicationId, int versionNumber, CancellationToken ct)
    {
        var v = await db.Set<ApplicationVersion>().AsNoTracking()
            .FirstOrDefaultAsync(x => x.ApplicationId == applicationId && x.Number == versionNumber && x.State == VersionState.Submitted, ct);
        if (v?.SnapshotJson is null) return null;
        var package = ApplicationJson.Read<PackageHead>(v.SnapshotJson);
        var materials = await db.Set<ApplicationMaterial>().AsNoTracking().Where(m => m.VersionId == v.Id).ToListAsync(ct);
        using var ms = new MemoryStream();
        var sums = new StringBuilder();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] content)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = Stamp;
                using var s = entry.Open();
                s.Write(content);
                sums.Append(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))).Append("  ").Append(name).Append('\n');
            }
            Add("package.json", Encoding.UTF8.GetBytes(v.SnapshotJson));
            var manifest = new List<object>();
            var index = 0;
            foreach (var m in package.Materials)
            {
                var stored = materials.FirstOrDefault(x => x.Sha256 == m.Sha256 && x.SlotId == m.SlotId);
                var content = stored is null ? null : await files.ContentAsync(stored.FileId, ct);
                if (content is null) continue;
                var name = $"materials/{++index:D2}-{FileNames.Clean(m.FileName)}";
                Add(name, content);
                manifest.Add(new { file = name, item = m.Item, citation = m.Citation, sha256 = m.Sha256, size = m.Size });
            }
            var word = reports.Submitted(v);
            string? wordName = null;
            if (word is not null) Add(wordName = "report/" + word.FileName, word.Bytes);
            Add("manifest.json", Encoding.UTF8.GetBytes(ApplicationJson.Write(new
            {
                schema = "exemplar.dossier.v1",
                receiptNumber = package.Submission.ReceiptNumber,
                applicationId = applicationId,
                version = versionNumber,
                submittedAt = package.Submission.SubmittedAt,
                packageSha256 = v.PackageHash,
                lockedReportSha256 = package.Submission.LockedReportHash,
                materials = manifest,
                report = wordName is null ? null : new { file = wordName, sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(word!.Bytes)) },
            })));
            Add("README.txt", Encoding.UTF8.GetBytes(
                "本压缩包为申报提交版本的完整材料包，可离线核验：\n" +
                "1. 在本目录执行 sha256sum -c SHA256SUMS，全部显示“确定/OK”即文件未被改动；\n" +
                "2. package.json 的 SHA-256 应与回执和 manifest.json 中的 packageSha256 一致；\n" +
                "3. package.json 中 materials 列出的每个文件哈希应与 materials/ 下对应文件一致" +
                (wordName is null ? "。\n" : "；\n4. " + wordName + " 由 package.json 中锁定的申报数据生成，与提交前下载、盖章的Word版逐字节相同。\n")));
            var sumsEntry = zip.CreateEntry("SHA256SUMS", CompressionLevel.Optimal);
            sumsEntry.LastWriteTime = Stamp;
            using var sumsStream = sumsEntry.Open();
            sumsStream.Write(Encoding.UTF8.GetBytes(sums.ToString()));
        }
        return ms.ToArray();
    }

    private sealed record PackageHead
    {
        public List<PackageMaterial> Materials { get; init; } = [];
        public PackageSubmission Submission { get; init; } = new(Guid.Empty, 0, "", "", default, "");
    }
}
