using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calls;

public sealed record AddCallAttachmentCommand(Guid CallId, Guid UserId, string? Title, string? FileName, byte[] Content);

/// <summary>Attaches a file (the notice as issued, a form to fill) to a draft call, after inspection by content.</summary>
public sealed class AddCallAttachmentHandler(ExemplarDbContext db, UploadInspector inspector, FileStore store)
{
    public const int MaxAttachments = 10;

    public async Task<SaveResult> HandleAsync(AddCallAttachmentCommand c, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == c.CallId, ct);
        if (call is null) return SaveResult.NotFound;
        var p = new Problems();
        if (call.Status != CallStatus.Draft) p.Add("", "已发布的申报批次不能再添加附件。");
        p.MaxLength("AttachmentTitle", c.Title, 200, "附件名称");
        if (await db.Set<CallAttachment>().CountAsync(a => a.CallId == c.CallId, ct) >= MaxAttachments) p.Add("Attachment", $"每个申报批次最多{MaxAttachments}个附件。");
        var verdict = inspector.Inspect(c.FileName, c.Content, UploadKinds.Documents, "附件");
        if (!verdict.Accepted) p.Add("Attachment", verdict.Refusal!);
        if (p.Any) return p.Result();
        var stored = store.Add(verdict.File!, c.Content, "申报通知附件", c.UserId);
        var title = string.IsNullOrWhiteSpace(c.Title) ? Path.GetFileNameWithoutExtension(stored.FileName) : c.Title.Trim();
        db.Add(new CallAttachment { CallId = c.CallId, FileId = stored.Id, Title = title });
        db.Actor.Operation = "申报批次.添加附件";
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(stored.Id);
    }
}
