using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calls;

/// <param name="Kind">申报, or 复核 where the programme's text has designated bases re-reviewed in their expiry year (聊城第十六条).</param>
public sealed record CreateCallCommand(string? ProgrammeId, int Year, string JurisdictionCode, Guid UserId, ApplicationKind Kind = ApplicationKind.New);

/// <summary>
/// Opens a draft call for a programme of the officer's own region (the region is read from the policy's issuer), if the
/// programme may open a call today (<see cref="ProgrammeCallGate"/>), pinning the programme's current text. A 复核 call is open
/// only where the text provides re-review, and is not held back by the text's lapse: the bases it designated are re-reviewed
/// under the version that designated them.
/// </summary>
public sealed class CreateCallHandler(ExemplarDbContext db, PolicySnapshots snapshots, PolicyCatalogue catalogue, ProgrammeCallGate gate,
    JurisdictionTreeCache trees, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(CreateCallCommand c, CancellationToken ct)
    {
        var p = new Problems();
        var today = ChinaTime.Today(clock);
        var entry = await catalogue.FindAsync(c.ProgrammeId, ct);
        var tree = await trees.GetAsync(ct);
        if (entry is null) p.Add("ProgrammeId", "请选择项目（管理办法）。");
        else if (ProgrammePolicies.RegionOf(entry.Policy, tree) != c.JurisdictionCode)
            p.Add("ProgrammeId", $"《{entry.Policy.Title}》不由本机关认定，不能在此开设申报批次。");
        else if (c.Kind == ApplicationKind.ReReview)
        {
            if (entry.Policy.Management.ReReview is not { InExpiryYear: true })
                p.Add("Kind", $"《{entry.Policy.Title}》未规定期满复核，只能开设申报批次。");
        }
        else if (gate.Check(entry.Id, today) is { AcceptsNewCall: false } refused)
            p.Add("ProgrammeId", refused.Reason);
        if (c.Year < today.Year - 1 || c.Year > today.Year + 1) p.Add("Year", $"年度应在{today.Year - 1}至{today.Year + 1}之间。");
        if (p.Any) return p.Result();

        var pinned = await snapshots.PinAsync(entry!.Id, ct);
        var policy = pinned!.Value.Policy;
        var deadline = today.AddMonths(1);
        var previous = await db.Set<Call>().AsNoTracking().Where(x => x.ProgrammeId == policy.Id).OrderByDescending(x => x.CreatedAt).FirstOrDefaultAsync(ct);
        var call = new Call
        {
            ProgrammeId = policy.Id, PolicyHash = policy.ContentHash, PolicyVersion = policy.Version, PolicyTitle = policy.Title,
            Year = c.Year, Kind = c.Kind, Title = CallDefaults.Title(policy, c.Year, c.Kind), Body = "", OpensOn = today, ApplicationDeadline = deadline,
            RecommendationDeadline = deadline.AddDays(30), ReferenceDate = deadline, Contact = previous?.Contact ?? "",
            ReceiptPrefix = previous?.ReceiptPrefix ?? "SB", JurisdictionCode = c.JurisdictionCode, CreatedBy = c.UserId, CreatedAt = clock.GetUtcNow(),
            Slots = CallDefaults.Slots(policy),
        };
        db.Add(call);
        db.Actor.Operation = "申报批次.新建";
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(call.Id);
    }
}

public sealed record SlotInput(Guid? Id, string? Text, bool Required, bool Generated, bool IsDeclaration, bool Remove);

public sealed record SaveCallCommand(Guid CallId, uint Version, string? Title, string? DocumentNumber, string? Body, DateOnly? OpensOn,
    DateOnly? ApplicationDeadline, DateOnly? RecommendationDeadline, DateOnly? ReferenceDate, string? Contact, string? ReceiptPrefix,
    IReadOnlyList<SlotInput> Slots, string? NewSlotText);

/// <summary>Edits a draft call: text, dates (checked together), receipt prefix and the materials list.</summary>
public sealed class SaveCallHandler(ExemplarDbContext db)
{
    public async Task<SaveResult> HandleAsync(SaveCallCommand c, CancellationToken ct)
    {
        var call = await db.Set<Call>().Include(x => x.Slots).FirstOrDefaultAsync(x => x.Id == c.CallId, ct);
        if (call is null) return SaveResult.NotFound;
        var p = new Problems();
        if (call.Status != CallStatus.Draft) p.Add("", "已发布的申报批次不能再修改；如需延期，请使用“延期”。");
        p.Required("Title", c.Title, "通知标题");
        p.MaxLength("Title", c.Title, CallLimits.Title, "通知标题");
        p.MaxLength("DocumentNumber", c.DocumentNumber, CallLimits.DocumentNumber, "发文字号");
        p.Required("Body", c.Body, "通知正文");
        p.MaxLength("Body", c.Body, CallLimits.Body, "通知正文");
        p.Required("Contact", c.Contact, "联系方式");
        p.MaxLength("Contact", c.Contact, CallLimits.Contact, "联系方式");
        var prefix = (c.ReceiptPrefix ?? "").Trim().ToUpperInvariant();
        if (!ReceiptNumber.IsValidPrefix(prefix)) p.Add("ReceiptPrefix", "受理编号前缀应为2至6个大写英文字母，例如 KM。");
        else if (await db.Set<Call>().Where(x => x.Id != call.Id && x.Year == call.Year && x.ReceiptPrefix == prefix).Select(x => x.Title).FirstOrDefaultAsync(ct) is { } other)
            p.Add("ReceiptPrefix", $"前缀 {prefix} 已用于{call.Year}年度的“{other}”，请换一个前缀，以免受理编号重复。");
        if (c.OpensOn is null) p.Add("OpensOn", "请填写开始受理日期。");
        if (c.ApplicationDeadline is null) p.Add("ApplicationDeadline", "请填写申报截止日期。");
        if (c.RecommendationDeadline is null) p.Add("RecommendationDeadline", "请填写推荐截止日期。");
        if (c.OpensOn is { } o && c.ApplicationDeadline is { } d && c.RecommendationDeadline is { } r)
            foreach (var (field, message) in new CallSchedule(o, d, r, c.ReferenceDate ?? d).Problems(call.Year)) p.Add(field, message);
        var kept = c.Slots.Where(s => !s.Remove).ToList();
        foreach (var (s, i) in kept.Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(s.Text)) p.Add($"Slots[{i}].Text", $"第{i + 1}项材料的名称不能为空；不需要的材料请勾选“删除”。");
            else if (s.Text.Length > CallLimits.SlotText) p.Add($"Slots[{i}].Text", $"第{i + 1}项材料的名称不能超过{CallLimits.SlotText}个字。");
            if (s.Id is { } id && call.Slots.All(x => x.Id != id)) p.Add("Slots", "材料清单已变化，请刷新页面后再修改。");
        }
        if (!string.IsNullOrWhiteSpace(c.NewSlotText) && c.NewSlotText.Length > CallLimits.SlotText)
            p.Add("NewSlotText", $"新增材料的名称不能超过{CallLimits.SlotText}个字。");
        var count = kept.Count + (string.IsNullOrWhiteSpace(c.NewSlotText) ? 0 : 1);
        if (count == 0) p.Add("Slots", "材料清单至少应有一项。");
        if (count > CallLimits.MaxSlots) p.Add("Slots", $"材料清单不能超过{CallLimits.MaxSlots}项。");
        if (kept.Count(s => s.IsDeclaration) > 1) p.Add("Slots", "只能有一项材料是真实性声明（承诺书）。");
        if (!kept.Any(s => s.IsDeclaration)) p.Add("Slots", "材料清单应包含对申报材料真实性的声明（承诺书）。");
        if (p.Any) return p.Result();

        db.Entry(call).Property(x => x.Version).OriginalValue = c.Version;
        call.Title = c.Title!.Trim();
        call.DocumentNumber = string.IsNullOrWhiteSpace(c.DocumentNumber) ? null : c.DocumentNumber.Trim();
        call.Body = c.Body!.Trim();
        call.OpensOn = c.OpensOn!.Value;
        call.ApplicationDeadline = c.ApplicationDeadline!.Value;
        call.RecommendationDeadline = c.RecommendationDeadline!.Value;
        call.ReferenceDate = c.ReferenceDate ?? c.ApplicationDeadline!.Value;
        call.Contact = c.Contact!.Trim();
        call.ReceiptPrefix = prefix;
        var order = 0;
        foreach (var s in c.Slots)
        {
            var slot = s.Id is { } id ? call.Slots.FirstOrDefault(x => x.Id == id) : null;
            if (slot is null) continue;
            if (s.Remove) { db.Remove(slot); continue; }
            slot.Text = s.Text!.Trim(); slot.Required = s.Required; slot.Generated = s.Generated; slot.IsDeclaration = s.IsDeclaration; slot.Order = ++order;
        }
        if (!string.IsNullOrWhiteSpace(c.NewSlotText))
            db.Add(new CallMaterialSlot { CallId = call.Id, Order = ++order, Text = c.NewSlotText.Trim(), Required = true });
        db.Actor.Operation = "申报批次.修改";
        return await Problems.SaveAsync(db, call.Id, ct);
    }
}
