using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Surveys;

/// <summary>
/// One sample: its seed, share and population snapshot, the sampled enterprises with their contacts, the officer's
/// answers (editable until completed), the reproduce check (?reproduce=true recomputes the draw from the record)
/// and the sample's satisfaction next to the operator-reported one. Officers in scope and administrators only.
/// </summary>
[CarrierScope(OfficersPost = true)]
public sealed class SamplingDetailModel(ExemplarDbContext db, RecordSampleAnswersHandler handler, LedgerMetricsQuery metrics,
    Infrastructure.Security.PersonalDataReads reads) : CarrierPageModel, IFormPage
{
    /// <summary>The sampled enterprise whose contact phone is shown in full (the read is logged); the others are masked.</summary>
    [BindProperty(SupportsGet = true)] [Display(Name = "显示电话")] public Guid? Show { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "样本编号")] public Guid SampleId { get; set; }
    [BindProperty(SupportsGet = true)] [Display(Name = "复现")] public bool Reproduce { get; set; }
    [BindProperty] [Display(Name = "答复")] public List<AnswerRow> Rows { get; set; } = [];
    [BindProperty] [Display(Name = "版本")] public uint Version { get; set; }
    [BindProperty] [Display(Name = "确认")] public bool Confirm { get; set; }

    public sealed class AnswerRow
    {
        public Guid EnterpriseId { get; set; }
        public bool? Satisfied { get; set; }
        public SampleContactMethod? ContactMethod { get; set; }
        public string? Comment { get; set; }
    }

    public sealed record Member(Guid Id, string Name, string? Contact, string? Phone, SizeClass Size, SurveySampleAnswer? Answer);

    public SurveySample Sample { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Population { get; private set; } = [];
    public SatisfactionRate SampleRate { get; private set; } = new(0, 0);
    public SatisfactionRate OperatorRate { get; private set; } = new(0, 0);
    public IReadOnlyList<Guid>? Reproduced { get; private set; }
    public bool Identical => Reproduced is not null && Reproduced.SequenceEqual(Sample.MemberIds);
    public bool CanEdit => Access.IsOfficerInScope && Sample.CompletedAt is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Operators never open a sample (they see completed samples' aggregates on the list page).
        if (!Access.IsOfficerInScope && Access.CanWrite) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        if (Reproduce) Reproduced = DrawSampleHandler.Reproduce(Sample);
        if (Show is { } shown)
        {
            if (Members.Any(m => m.Id == shown)) await reads.LogAsync(nameof(ResidentEnterprise), shown.ToString(), "抽查企业联系电话", Carrier.JurisdictionCode, ct);
            else Show = null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var answers = Rows.Select(r => new SampleAnswerInput(r.EnterpriseId, r.Satisfied, r.ContactMethod, r.Comment)).ToList();
        var result = await handler.HandleAsync(new RecordSampleAnswersCommand(Carrier.Id, SampleId, Version, answers, Officer), ct);
        // Lost to another officer's save: show the answers as they are now (the posted sheet was stale), with the message.
        if (!result.Ok && result.Errors.TryGetValue("", out var general) && general.Contains(Problems.ConcurrencyMessage)) Rows = [];
        return await AfterAsync(result, "已保存抽查答复。", ct);
    }

    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken ct)
    {
        var result = await handler.CompleteAsync(new CompleteSampleCommand(Carrier.Id, SampleId, Version, Confirm, Officer), ct);
        return await AfterAsync(result, "抽查已完成，答复已锁定。", ct);
    }

    private string Officer => User.FindFirstValue(ClaimTypes.Name) ?? "?";

    private async Task<IActionResult> AfterAsync(SaveResult result, string flash, CancellationToken ct)
    {
        if (result.Ok)
        {
            TempData["Flash"] = flash;
            return Redirect($"{BaseUrl}/Sampling/{SampleId}");
        }
        AddErrors(result.Errors);
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    public Task LoadFormAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var sample = await db.Set<SurveySample>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == SampleId && s.CarrierId == Carrier.Id, ct);
        if (sample is null) return false;
        Sample = sample;
        var ids = sample.PopulationIds;
        var enterprises = await db.Set<ResidentEnterprise>().AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.ContactName, e.ContactPhone, e.SizeClass }).ToDictionaryAsync(e => e.Id, ct);
        var answers = await db.Set<SurveySampleAnswer>().AsNoTracking().Where(a => a.SampleId == sample.Id).ToDictionaryAsync(a => a.EnterpriseId, ct);
        string NameOf(Guid id) => enterprises.TryGetValue(id, out var e) ? e.Name : "（已删除企业）";
        Members = sample.MemberIds.Select(id => enterprises.TryGetValue(id, out var e)
            ? new Member(id, e.Name, e.ContactName, e.ContactPhone, e.SizeClass, answers.GetValueOrDefault(id))
            : new Member(id, "（已删除企业）", null, null, SizeClass.Other, answers.GetValueOrDefault(id))).ToList();
        Population = ids.Select(id => (id, NameOf(id))).ToList();
        SampleRate = LedgerMetrics.Satisfaction(answers.Values.Where(a => a.Reached).Select(a => new SatisfactionAnswer(a.EnterpriseId, null, a.Satisfied)));
        OperatorRate = LedgerMetrics.Satisfaction(await metrics.SatisfactionAsync(Carrier.Id, sample.Year, ct));
        // A sheet re-shown with the officer's own input keeps the version it was rendered from.
        if (Rows.Count == 0) Version = sample.Version;
        if (Rows.Count == 0)
            Rows = Members.Select(m => new AnswerRow { EnterpriseId = m.Id, Satisfied = m.Answer?.Satisfied, ContactMethod = m.Answer?.ContactMethod, Comment = m.Answer?.Comment }).ToList();
        return true;
    }

    /// <summary>Officer lists show phones masked until one is opened (PIPL).</summary>
    public string PhoneOf(Member m) => Show == m.Id ? m.Phone ?? "—" : Infrastructure.Security.PersonalData.MaskPhone(m.Phone);

    public static string Label(SampleContactMethod m) => m switch
    {
        SampleContactMethod.Phone => "电话", SampleContactMethod.Visit => "实地走访", SampleContactMethod.Online => "线上（微信、邮件等）", SampleContactMethod.Other => "其他", SampleContactMethod.Unreachable => "无法联系（备注写明原因）", _ => "",
    };
}
