using System.Security.Claims;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

public sealed record ReturnApplicationCommand(Guid ApplicationId, ClaimsPrincipal Officer, uint Version, string? Reason,
    IReadOnlyDictionary<string, string?> Items, DateOnly? CorrectionDeadline);

/// <summary>
/// 退回补正 by the recommending level: a reason per returned item (material slot or section), a correction deadline no
/// later than the call's recommendation deadline. Version n+1 starts as a copy of version n — same data, same files —
/// with only the returned items editable; the applicant is notified (in the product and by mail/SMS) and the notice's
/// delivery is recorded, because the correction period runs from it.
/// </summary>
public sealed class ReturnApplicationHandler(ExemplarDbContext db, ApplicationLoader loader, JurisdictionTreeCache trees, Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(ReturnApplicationCommand c, CancellationToken ct)
    {
        var f = await loader.LoadAsync(c.ApplicationId, tracked: true, ct);
        if (f is null) return SaveResult.NotFound;
        var access = ApplicationAccess.For(c.Officer, f.Application, f.Call.JurisdictionCode, f.Policy, await trees.GetAsync(ct));
        if (!access.CanSeeContent) return SaveResult.NotFound;
        var p = new Problems();
        var goesStraight = RecommendingLevels.GoesStraightToDesignating(f.Policy);
        if (!(access.IsRecommender || (goesStraight && access.IsDesignating)))
            p.Add("", "只有负责推荐（初审）的主管部门可以退回补正。");
        var a = f.Application;
        if (a.Status != ApplicationStatus.Submitted || f.Current.State != VersionState.Submitted) p.Add("", "只有已提交、尚未处理的申报可以退回补正。");
        var today = ChinaTime.Today(clock);
        p.Required("Reason", c.Reason, "退回理由");
        p.MaxLength("Reason", c.Reason, 1000, "退回理由");
        var valid = f.Call.Slots.Select(s => s.Id.ToString()).Concat(ReturnItems.Sections.Select(s => s.Key)).ToHashSet();
        var items = c.Items.Where(i => !string.IsNullOrWhiteSpace(i.Value)).ToDictionary(i => i.Key, i => i.Value!.Trim());
        if (items.Count == 0) p.Add("Items", "请至少选择一项需要补正的材料或内容，并写明原因。");
        if (items.Keys.Any(k => !valid.Contains(k))) p.Add("Items", "所选补正项不属于本批次。");
        if (items.Values.Any(v => v.Length > 300)) p.Add("Items", "每项补正原因不能超过300个字。");
        if (c.CorrectionDeadline is not { } deadline) p.Add("CorrectionDeadline", "请填写补正截止日期。");
        else if (deadline < today) p.Add("CorrectionDeadline", "补正截止日期不能早于今天。");
        else if (deadline > f.Call.RecommendationDeadline)
            p.Add("CorrectionDeadline", $"补正截止日期不能晚于本批次的推荐截止日期（{ChinaTime.Format(f.Call.RecommendationDeadline)}）。");
        if (p.Any) return p.Result();

        var officer = c.Officer.FindFirstValue(ClaimTypes.Name) ?? "?";
        var now = clock.GetUtcNow();
        db.Entry(a).Property(x => x.Version).OriginalValue = c.Version;
        var previous = f.Current;
        var ret = new ApplicationReturn
        {
            ApplicationId = a.Id, FromVersion = previous.Number, Reason = c.Reason!.Trim(), ItemsJson = ReturnItems.Write(items),
            CorrectionDeadline = c.CorrectionDeadline!.Value, ReturnedBy = c.Officer.UserId()!.Value, ReturnedByName = officer, ReturnedAt = now,
        };
        db.Add(ret);
        var reportReopened = items.Keys.Any(k => k is ReturnItems.Details or ReturnItems.Profile or ReturnItems.Narratives);
        var declarationReopened = f.Call.Slots.FirstOrDefault(s => s.IsDeclaration) is { } ds && items.ContainsKey(ds.Id.ToString());
        var next = new ApplicationVersion
        {
            ApplicationId = a.Id, Number = previous.Number + 1, ProfileYear = previous.ProfileYear, DetailsJson = previous.DetailsJson,
            HandEnteredJson = previous.HandEnteredJson, NarrativesJson = previous.NarrativesJson, EditableItems = [.. items.Keys],
            LockedJson = reportReopened ? null : previous.LockedJson, LockedHash = reportReopened ? null : previous.LockedHash,
            LockedAt = reportReopened ? null : previous.LockedAt,
            DeclarationAcceptedBy = declarationReopened ? null : previous.DeclarationAcceptedBy,
            DeclarationAcceptedByName = declarationReopened ? null : previous.DeclarationAcceptedByName,
            DeclarationAcceptedAt = declarationReopened ? null : previous.DeclarationAcceptedAt,
        };
        db.Add(next);
        foreach (var m in await db.Set<ApplicationMaterial>().AsNoTracking().Where(m => m.VersionId == previous.Id).ToListAsync(ct))
            db.Add(new ApplicationMaterial { VersionId = next.Id, SlotId = m.SlotId, FileId = m.FileId, FileName = m.FileName, Sha256 = m.Sha256, Size = m.Size, UploadedAt = m.UploadedAt });
        a.Status = ApplicationStatus.Returned;
        a.CurrentVersion = next.Number;

        var slotTexts = f.Call.Slots.ToDictionary(s => s.Id, s => s.Text);
        var details = ApplicationJson.Read<ApplicantDetails>(previous.DetailsJson);
        var users = await db.Set<UserAccount>().AsNoTracking().Where(u => u.OrganizationId == a.OrganizationId && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        messenger.Queue($"application-return:{ret.Id}", $"退回补正通知：{a.ReceiptNumber}",
            $"“{f.Carrier.Name}”的申报（{a.ReceiptNumber}）被退回补正。理由：{ret.Reason}。需补正：" +
            string.Join("；", items.Select(i => $"{ReturnItems.Label(i.Key, slotTexts)}（{i.Value}）")) +
            $"。请于{ChinaTime.Format(ret.CorrectionDeadline)}前（含当日）修改后重新提交。",
            new NoticeRecipients(users, [details.ContactEmail], [details.ContactMobile]));
        db.Actor.Operation = "申报.退回补正";
        return await Problems.SaveAsync(db, a.Id, ct);
    }
}
