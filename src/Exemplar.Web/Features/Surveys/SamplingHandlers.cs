using System.Security.Cryptography;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Surveys;

/// <summary>
/// 满意度随机抽查 (昆明办法第十条: 对入驻基地的小微企业按不低于10%的比例进行满意度随机抽查). The population is the
/// carrier's current resident small/micro enterprises; the size is the share rounded up (at least 1).
/// </summary>
/// <summary>
/// A base and year with a sample already need <paramref name="ConfirmRedraw"/> and a <paramref name="RedrawReason"/>
/// (drawing again until the sample suits someone would defeat the random draw), recorded with the new sample.
/// </summary>
public sealed record DrawSampleCommand(Guid CarrierId, int Year, decimal SharePercent, string DrawnBy, bool ConfirmRedraw = false, string? RedrawReason = null, Guid? ApplicationId = null);

public sealed class DrawSampleHandler(ExemplarDbContext db, TimeProvider clock)
{
    public const decimal DefaultSharePercent = 10m;
    public const int MaxReason = 500;
    public const string RedrawField = "RedrawReason";

    public async Task<SaveResult> HandleAsync(DrawSampleCommand c, CancellationToken ct)
    {
        var (sample, problems) = await DrawAsync(c, ct);
        if (sample is null) return problems!.Result();
        db.Actor.Operation = "满意度抽查.抽取";
        return await Problems.SaveAsync(db, sample.Id, ct);
    }

    /// <summary>
    /// Draws and adds the sample to the unit of work without saving, so a caller can save it with its own record in one
    /// transaction (the recommendation binds the sample to its worksheet); null sample = refused, with the problems.
    /// </summary>
    public async Task<(SurveySample? Sample, Problems? Problems)> DrawAsync(DrawSampleCommand c, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var p = new Problems();
        if (c.Year < 2000 || c.Year > today.Year) p.Add("Year", $"抽查年度应在2000年至{today.Year}年之间。");
        if (c.SharePercent is <= 0 or > 100) p.Add("SharePercent", "抽查比例应大于0%且不超过100%。");
        else if (decimal.Round(c.SharePercent, 2) != c.SharePercent) p.Add("SharePercent", "抽查比例最多保留两位小数。");
        if (p.Any) return (null, p);

        // A recommendation's sample is one per application (昆明第十条); a routine check one per base and year.
        var earlier = c.ApplicationId is { } applicationId
            ? await db.Set<SurveySample>().CountAsync(s => s.ApplicationId == applicationId, ct)
            : await db.Set<SurveySample>().CountAsync(s => s.CarrierId == c.CarrierId && s.Year == c.Year, ct);
        var reason = string.IsNullOrWhiteSpace(c.RedrawReason) ? null : c.RedrawReason.Trim();
        if (earlier > 0)
        {
            if (!c.ConfirmRedraw || reason is null)
                p.Add(RedrawField, c.ApplicationId is not null ? $"本申报已有 {earlier} 次抽查。再次抽取须勾选确认并填写原因（将随样本记录）。" : $"本基地{c.Year}年度已有 {earlier} 次抽查。再次抽取须勾选确认并填写原因（将随样本记录）；若只是要继续记录答复，请打开已有的抽查。");
            else if (reason.Length > MaxReason) p.Add(RedrawField, $"再次抽取的原因不能超过{MaxReason}个字。");
            if (p.Any) return (null, p);
        }
        else reason = null;

        var population = await Population(db, c.CarrierId, today).ToListAsync(ct);
        if (population.Count == 0)
        {
            p.Add("", "本基地目前没有入驻的小型、微型企业，无法抽查。");
            return (null, p);
        }
        var ordered = Canonical(population);
        var seed = NewSeed();
        var sample = new SurveySample
        {
            CarrierId = c.CarrierId, Year = c.Year, SharePercent = c.SharePercent, Seed = seed,
            PopulationCount = ordered.Count, PopulationDate = today, PopulationIds = ordered,
            MemberIds = [.. SurveySampler.Draw(ordered, c.SharePercent, (ulong)seed)],
            DrawnBy = c.DrawnBy, DrawnAt = clock.GetUtcNow(), RedrawReason = reason, ApplicationId = c.ApplicationId,
        };
        db.Add(sample);
        return (sample, null);
    }

    /// <summary>Resident small/micro enterprises on <paramref name="date"/> (the exit date is the last resident day).</summary>
    public static IQueryable<Guid> Population(ExemplarDbContext db, Guid carrierId, DateOnly date) =>
        db.Set<ResidentEnterprise>().AsNoTracking()
            .Where(e => e.CarrierId == carrierId && e.EntryDate <= date && (e.ExitDate == null || e.ExitDate >= date)
                        && (e.SizeClass == SizeClass.Small || e.SizeClass == SizeClass.Micro))
            .Select(e => e.Id);

    /// <summary>The sampler's canonical order (by the id's 32 hex digits, ordinal), recorded with the sample.</summary>
    public static List<Guid> Canonical(IEnumerable<Guid> ids) => ids.Distinct().OrderBy(g => g.ToString("N"), StringComparer.Ordinal).ToList();

    /// <summary>A 63-bit seed from the OS generator (positive, so it reads the same as a bigint and as an unsigned number).</summary>
    public static long NewSeed()
    {
        Span<byte> b = stackalloc byte[8];
        RandomNumberGenerator.Fill(b);
        return BitConverter.ToInt64(b) & long.MaxValue;
    }

    /// <summary>Recomputes the draw from the recorded seed, share and population; equal to the members when nothing was altered.</summary>
    public static IReadOnlyList<Guid> Reproduce(SurveySample s) => SurveySampler.Draw(s.PopulationIds, s.SharePercent, (ulong)s.Seed);
}

public sealed record SampleAnswerInput(Guid EnterpriseId, bool? Satisfied, SampleContactMethod? ContactMethod, string? Comment);

/// <param name="Version">The sample's version the form was rendered from (see <see cref="FormVersion"/>).</param>
public sealed record RecordSampleAnswersCommand(Guid CarrierId, Guid SampleId, uint Version, IReadOnlyList<SampleAnswerInput> Answers, string RecordedBy);

public sealed record CompleteSampleCommand(Guid CarrierId, Guid SampleId, uint Version, bool Confirmed, string CompletedBy);

/// <summary>
/// The officer's record of each sampled enterprise's answer (kept apart from the operator's survey). A row with no
/// judgement clears an earlier one. Once the sample is completed nothing can change.
/// </summary>
public sealed class RecordSampleAnswersHandler(ExemplarDbContext db, TimeProvider clock)
{
    public const int MaxComment = 1000;

    public async Task<SaveResult> HandleAsync(RecordSampleAnswersCommand c, CancellationToken ct)
    {
        var p = new Problems();
        var sample = await db.Set<SurveySample>().FirstOrDefaultAsync(s => s.Id == c.SampleId && s.CarrierId == c.CarrierId, ct);
        if (sample is null) { p.Add("", Problems.ConcurrencyMessage); return p.Result(); }
        if (sample.CompletedAt is not null) { p.Add("", "该抽查已完成，答复不能再修改。"); return p.Result(); }
        var members = sample.MemberIds.ToHashSet();
        foreach (var a in c.Answers)
        {
            if (!members.Contains(a.EnterpriseId)) { p.Add("", "提交的企业不在本次抽查样本中。"); break; }
            if (a.Satisfied is not null && a.ContactMethod is null) p.Add("ContactMethod", "请为已记录评价的企业选择联系方式。");
            if (a.ContactMethod == SampleContactMethod.Unreachable)
            {
                // 无法联系: no judgement, and the reason is what lets it count as handled for a recommendation.
                if (a.Satisfied is not null) p.Add("Satisfied", "标为“无法联系”的企业不能同时记录满意或不满意。");
                if (string.IsNullOrWhiteSpace(a.Comment)) p.Add("Comment", "标为“无法联系”的企业须在备注中写明无法联系的原因（如电话停机、已搬离）。");
            }
            if (a.ContactMethod is { } m && !Enum.IsDefined(m)) p.Add("ContactMethod", "联系方式无效。");
            p.MaxLength("Comment", a.Comment, MaxComment, "备注");
        }
        if (p.Any) return p.Result();

        var existing = await db.Set<SurveySampleAnswer>().Where(x => x.SampleId == sample.Id).ToDictionaryAsync(x => x.EnterpriseId, ct);
        var now = clock.GetUtcNow();
        foreach (var a in c.Answers)
        {
            var row = existing.GetValueOrDefault(a.EnterpriseId);
            var comment = string.IsNullOrWhiteSpace(a.Comment) ? null : a.Comment.Trim();
            var unreachable = a.ContactMethod == SampleContactMethod.Unreachable;
            if (a.Satisfied is null && !unreachable)
            {
                if (row is not null) db.Remove(row);
                continue;
            }
            var satisfied = !unreachable && a.Satisfied == true;
            if (row is null)
            {
                row = new SurveySampleAnswer { SampleId = sample.Id, EnterpriseId = a.EnterpriseId, RecordedBy = c.RecordedBy };
                db.Add(row);
            }
            else if (row.Satisfied == satisfied && row.ContactMethod == a.ContactMethod && row.Comment == comment)
            {
                continue;
            }
            row.Satisfied = satisfied;
            row.ContactMethod = a.ContactMethod!.Value;
            row.Comment = comment;
            row.RecordedBy = c.RecordedBy;
            row.RecordedAt = now;
        }
        // The whole answer sheet is one form: a sheet rendered before another officer's save is refused, not merged blank over it.
        FormVersion.Guard(db, sample, c.Version);
        db.Actor.Operation = "满意度抽查.记录答复";
        return await Problems.SaveAsync(db, sample.Id, ct);
    }

    public async Task<SaveResult> CompleteAsync(CompleteSampleCommand c, CancellationToken ct)
    {
        var p = new Problems();
        var sample = await db.Set<SurveySample>().FirstOrDefaultAsync(s => s.Id == c.SampleId && s.CarrierId == c.CarrierId, ct);
        if (sample is null) { p.Add("", Problems.ConcurrencyMessage); return p.Result(); }
        if (sample.CompletedAt is not null) { p.Add("", "该抽查已完成。"); return p.Result(); }
        if (!c.Confirmed) p.Add("Confirm", "请勾选确认：完成后答复将不能修改，申报单位将看到抽查结果。");
        if (!await db.Set<SurveySampleAnswer>().AnyAsync(a => a.SampleId == sample.Id, ct)) p.Add("", "请至少记录一家被抽查企业的答复后再完成抽查。");
        if (p.Any) return p.Result();
        db.Entry(sample).Property(x => x.Version).OriginalValue = c.Version;
        sample.CompletedAt = clock.GetUtcNow();
        sample.CompletedBy = c.CompletedBy;
        db.Actor.Operation = "满意度抽查.完成";
        return await Problems.SaveAsync(db, sample.Id, ct);
    }
}
