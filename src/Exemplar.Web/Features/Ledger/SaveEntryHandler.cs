using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Files;

namespace Exemplar.Web.Features.Ledger;

public sealed record UploadedFile(string FileName, byte[] Content);

public sealed record SaveEntryCommand(
    Guid CarrierId, Guid? Id, uint Version, ServiceFunction Function, DateOnly? Date, string Place, ServiceForm Form, EventTopic Topic,
    IReadOnlyList<Guid> ResidentIds, string OtherNames, int PersonCount, FeeClass Fee, Guid? PartnerAgencyId,
    string? RequestText, string? OutcomeText, string? Feedback, IReadOnlyList<UploadedFile> Attachments);

public sealed class SaveEntryHandler(ExemplarDbContext db, IOptions<LedgerOptions> options, UploadInspector inspector, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SaveEntryCommand c, CancellationToken ct)
    {
        var p = new Problems();
        if (!Enum.IsDefined(c.Function)) p.Add("Function", "请选择服务功能。");
        if (c.Date is null) p.Add("Date", "请填写服务日期。");
        else
        {
            var established = await db.Set<Carrier>().Where(x => x.Id == c.CarrierId).Select(x => (DateOnly?)x.EstablishedOn).FirstOrDefaultAsync(ct);
            p.Check("Date", RecordLimits.ServiceDate.Check(c.Date.Value, ChinaTime.Today(clock), established, "基地成立日期"));
        }
        p.Required("Place", c.Place, "服务地点");
        p.Check("Place", RecordLimits.Place.Check(c.Place));
        if (!Enum.IsDefined(c.Form)) p.Add("Form", "请选择服务形式。");
        if (!Enum.IsDefined(c.Topic)) p.Add("Topic", "请选择活动类别。");
        if (!Enum.IsDefined(c.Fee)) p.Add("Fee", "请选择收费类别。");
        p.Check("PersonCount", RecordLimits.PersonCount.Check(c.PersonCount));
        p.Check("RequestText", RecordLimits.RequestText.Check(c.RequestText));
        p.Check("OutcomeText", RecordLimits.OutcomeText.Check(c.OutcomeText));
        p.Check("Feedback", RecordLimits.Feedback.Check(c.Feedback));
        var others = SaveCarrierHandler.SplitList(c.OtherNames.Replace('\n', '、').Replace('\r', '、'));
        p.Check("OtherNames", RecordLimits.OtherNames.Check(others.Count));
        foreach (var problem in others.Select(RecordLimits.OtherName.Check).OfType<string>().Distinct()) p.Add("OtherNames", problem);
        var residentIds = c.ResidentIds.Distinct().ToList();
        var known = await db.Set<ResidentEnterprise>().Where(e => e.CarrierId == c.CarrierId && residentIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        if (known.Count != residentIds.Count) p.Add("ResidentIds", "所选入驻企业不属于本基地。");
        if (residentIds.Count + others.Count == 0 && c.Form == ServiceForm.OneToOne) p.Add("ResidentIds", "一对一服务请至少选择或填写一家企业。");
        if (c.PartnerAgencyId is { } pa && !await db.Set<PartnerAgency>().AnyAsync(x => x.Id == pa && x.CarrierId == c.CarrierId, ct))
            p.Add("PartnerAgencyId", "所选合作机构不属于本基地。");
        // Every upload path goes through the shared inspector: type from the content (PDF, PNG, JPEG), active PDFs
        // refused, the name cleaned of bidi and control characters and given the extension of what the file is.
        var files = new List<(InspectedFile File, byte[] Content)>();
        foreach (var f in c.Attachments)
        {
            if (f.Content.Length > options.Value.MaxAttachmentBytes)
            { p.Add("Attachments", $"附件“{EvidenceFiles.SafeName(f.FileName)}”超过 {options.Value.MaxAttachmentBytes / 1024 / 1024} MB 的上限。"); continue; }
            var verdict = inspector.Inspect(f.FileName, f.Content, UploadKinds.Evidence, "附件");
            if (verdict.File is null) { p.Add("Attachments", verdict.Refusal!); continue; }
            files.Add((verdict.File, f.Content));
        }
        if (p.Any) return p.Result();

        var e = await CarrierRecord.EditOrAddAsync(db, c.Id, c.Version,
            db.Set<LedgerEntry>().Where(x => x.CarrierId == c.CarrierId), () => new LedgerEntry { CarrierId = c.CarrierId }, "台账", ct);
        e.Function = c.Function; e.Date = c.Date!.Value; e.Place = c.Place.Trim(); e.Form = c.Form; e.Topic = c.Topic;
        e.ResidentIds = residentIds; e.OtherNames = others; e.PersonCount = c.PersonCount; e.Fee = c.Fee; e.PartnerAgencyId = c.PartnerAgencyId;
        e.RequestText = Blank(c.RequestText); e.OutcomeText = Blank(c.OutcomeText); e.Feedback = Blank(c.Feedback);
        foreach (var (f, content) in files)
        {
            var a = new LedgerAttachment
            {
                EntryId = e.Id, FileName = f.Name, ContentType = f.ContentType, Size = f.Size, Sha256 = f.Sha256, UploadedAt = clock.GetUtcNow(),
            };
            db.Add(a);
            db.Add(new LedgerAttachmentContent { AttachmentId = a.Id, Content = content });
        }
        return await Problems.SaveAsync(db, e.Id, ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
