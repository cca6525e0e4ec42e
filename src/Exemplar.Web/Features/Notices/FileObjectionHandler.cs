using System.Text.RegularExpressions;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

public sealed record EvidenceUpload(string? FileName, byte[] Content);

public sealed record FileObjectionCommand(Guid NoticeId, Guid? EntryId, FilerKind? FilerKind, string? FilerName, string? FilerContact,
    string? Content, IReadOnlyList<EvidenceUpload> Evidence);

/// <summary>
/// 提出异议 during the notice, by anyone: in a real name with a contact, or in an organisation's name with a contact,
/// with the content and evidence files (inspected by content). Anonymous or late objections are refused with the reason.
/// The authority is told in the product; the filer gets the reference (<see cref="Objection.Reference"/>).
/// </summary>
public sealed partial class FileObjectionHandler(ExemplarDbContext db, UploadInspector inspector, FileStore store, Messenger messenger, TimeProvider clock)
{
    /// <summary>Names that say the filer will not be named (匿名异议不予受理).</summary>
    private static readonly string[] AnonymousNames = ["匿名", "无名", "佚名", "某某", "群众", "知情人", "举报人", "一市民", "热心市民", "网友", "不愿透露"];

    public async Task<SaveResult> HandleAsync(FileObjectionCommand c, CancellationToken ct)
    {
        var notice = await db.Set<PublicNotice>().AsNoTracking().Include(n => n.Entries).FirstOrDefaultAsync(n => n.Id == c.NoticeId, ct);
        if (notice is null) return SaveResult.NotFound;
        var p = new Problems();
        var today = ChinaTime.Today(clock);
        if (notice.HasEndedBy(today) || notice.Status != NoticeStatus.Published)
        {
            p.Add("", $"公示期已于{ChinaTime.Format(notice.EndsOn)}结束，逾期提出的异议不予受理。");
            return p.Result();
        }
        var entry = notice.Entries.FirstOrDefault(e => e.Id == c.EntryId && !e.Removed);
        if (entry is null) p.Add("EntryId", "请选择异议针对的公示对象。");
        var name = c.FilerName?.Trim();
        var contact = c.FilerContact?.Trim();
        if (c.FilerKind is not { } kind || !Enum.IsDefined(kind))
            p.Add("FilerKind", "请选择以个人真实姓名还是以单位名义提出异议（匿名异议不予受理）。");
        else if (string.IsNullOrEmpty(name))
            p.Add("FilerName", kind == FilerKind.Person ? "请填写真实姓名：匿名异议不予受理。" : "请填写单位名称：匿名异议不予受理。");
        else if (AnonymousNames.Any(a => name.Contains(a, StringComparison.Ordinal)))
            p.Add("FilerName", "异议须以个人真实姓名或单位名义提出，匿名异议不予受理。");
        else if (kind == FilerKind.Person && (name.Length < 2 || name.Length > 30))
            p.Add("FilerName", "真实姓名应为2至30个字。");
        else p.MaxLength("FilerName", name, NoticeLimits.FilerName, "单位名称");
        if (string.IsNullOrEmpty(contact)) p.Add("FilerContact", "请填写联系电话或电子邮箱：没有联系方式的异议无法核实和答复，不予受理。");
        else if (!IsContact(contact)) p.Add("FilerContact", "联系方式应为手机号码、固定电话（如 0871-63123456）或电子邮箱。");
        var content = c.Content?.Trim();
        if (string.IsNullOrEmpty(content) || content.Length < 10) p.Add("Content", "请写明异议的具体事实和理由（不少于10个字）。");
        else p.MaxLength("Content", content, NoticeLimits.Content, "异议内容");
        var files = c.Evidence.Where(f => f.Content.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (files.Count > NoticeLimits.EvidenceFiles) p.Add("Evidence", $"证明材料最多上传{NoticeLimits.EvidenceFiles}个文件。");
        if (files.Sum(f => (long)f.Content.Length) > NoticeLimits.EvidenceBytes) p.Add("Evidence", $"证明材料合计不能超过{NoticeLimits.EvidenceBytes / 1024 / 1024} MB。");
        var inspected = new List<(InspectedFile File, byte[] Content)>();
        foreach (var f in files)
        {
            var verdict = inspector.Inspect(f.FileName, f.Content, UploadKinds.Evidence, "证明材料");
            if (verdict.Accepted) inspected.Add((verdict.File!, f.Content));
            else p.Add("Evidence", verdict.Refusal!);
        }
        if (p.Any) return p.Result();

        var objection = new Objection
        {
            NoticeId = notice.Id, EntryId = entry!.Id, Reference = ObjectionReference.New(today.Year), FilerKind = c.FilerKind!.Value,
            FilerName = name!, FilerContact = contact!, Content = content!, FiledAt = clock.GetUtcNow(),
        };
        foreach (var (file, bytes) in inspected)
        {
            var stored = store.Add(file, bytes, "公示异议证明材料", null);
            objection.Evidence.Add(new ObjectionEvidence { FileId = stored.Id, FileName = stored.FileName, Sha256 = stored.Sha256, Size = stored.Size });
        }
        db.Add(objection);
        var officers = await db.Set<UserAccount>().AsNoTracking()
            .Where(u => u.Role == Role.DesignatingOfficer && u.JurisdictionCode == notice.JurisdictionCode && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        messenger.Queue($"objection:{objection.Id}", $"收到公示异议：{entry.CarrierName}",
            $"“{notice.Title}”公示期间收到一件针对“{entry.CarrierName}”的异议，请登记并组织调查核实。", new NoticeRecipients(officers, [], []));
        db.Actor.Operation = "公示.提出异议";
        return await Problems.SaveAsync(db, objection.Id, ct);
    }

    public static bool IsContact(string s) => Mobile().IsMatch(s) || Landline().IsMatch(s) || Email().IsMatch(s);

    public static bool IsMobile(string s) => Mobile().IsMatch(s);

    public static bool IsEmail(string s) => Email().IsMatch(s);

    [GeneratedRegex(@"^1[3-9]\d{9}$")] private static partial Regex Mobile();
    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")] private static partial Regex Landline();
    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")] private static partial Regex Email();
}
