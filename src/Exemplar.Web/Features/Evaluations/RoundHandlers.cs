using System.Security.Claims;
using Exemplar.Domain.Designations;
using Exemplar.Domain.Evaluation;
using Exemplar.Domain.Review;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Evaluations;

public sealed record OpenRoundCommand(ClaimsPrincipal User, string? ProgrammeId, int? Year);

/// <summary>
/// Opens a round for one of the authority's programmes that has an evaluation in its policy data, for a year (last,
/// this or next). An annual evaluation (西藏第十九条, 北京第十三条) has one round a year; an irregular one (昆明第十八条 不定期)
/// may have several. The round covers the programme's designations valid today in the authority's region.
/// </summary>
public sealed class OpenRoundHandler(ExemplarDbContext db, DesignationScope scope, JurisdictionTreeCache trees, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(OpenRoundCommand c, CancellationToken ct)
    {
        var p = new Problems();
        var programmes = await scope.ProgrammesAsync(c.User, ct);
        var today = ChinaTime.Today(clock);
        var programme = programmes.FirstOrDefault(x => x.Policy.Id == c.ProgrammeId && c.User.JurisdictionCode() == x.Region);
        if (string.IsNullOrWhiteSpace(c.ProgrammeId)) p.Add("ProgrammeId", "请选择称号（认定办法）。");
        else if (programme.Policy is null) p.Add("ProgrammeId", "只能为本机关认定的称号开展测评。");
        else if (programme.Policy.Management.Evaluation is null) p.Add("ProgrammeId", "该认定办法没有规定测评（绩效评价），不能开展。");
        if (c.Year is null) p.Add("Year", "请填写年度。");
        else if (c.Year < today.Year - 1 || c.Year > today.Year + 1) p.Add("Year", $"年度应在{today.Year - 1}至{today.Year + 1}年之间。");
        if (p.Any) return p.Result();
        var rule = programme.Policy!.Management.Evaluation!;
        if (rule.Frequency == "annual" && await db.Set<EvaluationRound>().AnyAsync(r => r.ProgrammeId == programme.Policy.Id && r.Year == c.Year && r.JurisdictionCode == programme.Region, ct))
            return Fail("Year", $"{c.Year}年度的{rule.Name}已经开展（{rule.Citation}：每年一次）。");

        var region = (await trees.GetAsync(ct)).SubtreeCodes(programme.Region).ToList();
        var designations = await (from d in db.Set<Designation>()
                                  join x in db.Set<Carrier>() on d.CarrierId equals x.Id
                                  where d.ProgrammeId == programme.Policy.Id && region.Contains(x.JurisdictionCode)
                                  select d).AsNoTracking().ToListAsync(ct);
        var valid = designations.Where(d => DesignationStatuses.Stands(DesignationStatuses.On(today, d.ValidUntil, d.RevokedOn, d.ReReviewApplicationId is not null))).ToList();
        if (valid.Count == 0) return Fail("ProgrammeId", "本地区目前没有有效的示范基地，无需开展测评。");
        var round = new EvaluationRound
        {
            ProgrammeId = programme.Policy.Id, PolicyVersion = programme.Policy.Version, JurisdictionCode = programme.Region, Year = c.Year!.Value,
            Name = $"{c.Year}年度{rule.Name}", ScoringDeadline = today.AddDays(30), CreatedAt = clock.GetUtcNow(), CreatedByName = db.Actor.Name,
            PanelSize = 3, ReserveCount = 1,
        };
        db.Add(round);
        foreach (var d in valid) db.Add(new EvaluationSubject { RoundId = round.Id, DesignationId = d.Id });
        db.Actor.Operation = "测评.开设";
        return await Problems.SaveAsync(db, round.Id, ct);
    }

    private static SaveResult Fail(string field, string message)
    {
        var p = new Problems();
        p.Add(field, message);
        return p.Result();
    }
}

/// <summary>One rubric line as entered (blank lines are skipped).</summary>
public sealed record RoundRubricLine(string? Label, decimal? MaxScore, decimal? Weight);

/// <summary>One funding tier as entered (blank lines are skipped).</summary>
public sealed record TierLine(string? Name, decimal? MinScore, decimal? AmountWan);

public sealed record SaveRoundSettingsCommand(Guid RoundId, uint Version, int? PanelSize, int? ReserveCount, bool ExcludeSameCounty, DateOnly? ScoringDeadline,
    IReadOnlyList<RoundRubricLine> Rubric, IReadOnlyDictionary<string, decimal?> Cutoffs, IReadOnlyList<decimal?> Stars, IReadOnlyList<TierLine> Tiers,
    IReadOnlyCollection<Guid> NonParticipants);

/// <summary>
/// The round's settings while it is being prepared: the panel, the scoring deadline, the rubric (items, full marks and
/// weights), the cut-off of each grade, the star scale (where the programme rates stars), the funding tiers (where a grade
/// funds by tier) and which bases do not take part (only where the policy says what that counts as). All or nothing.
/// </summary>
public sealed class SaveRoundSettingsHandler(ExemplarDbContext db, RoundLoader loader, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SaveRoundSettingsCommand c, CancellationToken ct)
    {
        var file = await loader.LoadAsync(c.RoundId, tracked: true, ct);
        if (file is null) return SaveResult.NotFound;
        var round = file.Round;
        var p = new Problems();
        if (round.Stage != EvaluationStage.Preparing)
        {
            p.Add("", "评分已经开始，评分细则、分数线、星级标准和资金奖励档次已经固定，不能修改。");
            return p.Result();
        }
        var today = ChinaTime.Today(clock);
        if (c.PanelSize is null or < 1 or > PanelDraw.MaxPanelSize) p.Add("PanelSize", $"每个基地的评审专家人数应为1至{PanelDraw.MaxPanelSize}人。");
        if (c.ReserveCount is null or < 0 or > PanelDraw.MaxReserves) p.Add("ReserveCount", $"备选专家人数应为0至{PanelDraw.MaxReserves}人。");
        if (c.ScoringDeadline is null) p.Add("ScoringDeadline", "请填写评分截止日期。");
        else if (c.ScoringDeadline < today || c.ScoringDeadline > today.AddDays(180))
            p.Add("ScoringDeadline", $"评分截止日期应在{ChinaTime.Format(today)}至{ChinaTime.Format(today.AddDays(180))}之间。");

        var rubric = new List<RubricItem>();
        var lines = c.Rubric.Where(l => !string.IsNullOrWhiteSpace(l.Label) || l.MaxScore is not null || l.Weight is not null).ToList();
        if (lines.Count == 0) p.Add("Rubric", "评分细则：请至少填写一个评分项。");
        if (lines.Count > EvaluationLimits.MaxRubricItems) p.Add("Rubric", $"评分细则最多{EvaluationLimits.MaxRubricItems}项。");
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var label = l.Label?.Trim() ?? "";
            if (label.Length == 0) { p.Add("Rubric", $"评分细则第{i + 1}项：请填写评分项名称。"); continue; }
            if (label.Length > 100) p.Add("Rubric", $"评分细则第{i + 1}项：名称不能超过100个字。");
            if (l.MaxScore is null || l.Weight is null) { p.Add("Rubric", $"“{label}”：请填写满分和权重。"); continue; }
            foreach (var m in RubricScoring.CheckItem(label, RubricItemKind.Added, l.MaxScore.Value, l.Weight.Value)) p.Add("Rubric", m);
            rubric.Add(new RubricItem($"item-{i + 1}", label, RubricItemKind.Added, l.MaxScore.Value, l.Weight.Value));
        }
        if (rubric.Select(r => r.Label).Distinct().Count() != rubric.Count) p.Add("Rubric", "评分项名称不能重复。");

        var cutoffs = c.Cutoffs.Where(x => x.Value is not null).Select(x => new Cutoff(x.Key, x.Value!.Value)).ToList();
        foreach (var m in EvaluationGrades.CheckCutoffs(file.Ladder, cutoffs)) p.Add("Cutoffs", m);

        var stars = new List<StarStep>();
        if (file.Rule.StarRating)
        {
            var given = c.Stars.ToList();
            while (given.Count > 0 && given[^1] is null) given.RemoveAt(given.Count - 1);
            stars = given.Select((s, i) => new StarStep(i + 1, s ?? -1)).ToList();
            foreach (var m in EvaluationGrades.CheckStars(stars)) p.Add("Stars", m);
        }

        var tiers = new List<FundingTier>();
        if (file.FundedGrade is { } funded)
        {
            var tierLines = c.Tiers.Where(t => !string.IsNullOrWhiteSpace(t.Name) || t.MinScore is not null || t.AmountWan is not null).ToList();
            tiers = tierLines.Select(t => new FundingTier(t.Name?.Trim() ?? "", t.MinScore ?? -1, t.AmountWan ?? 0)).ToList();
            foreach (var m in EvaluationGrades.CheckTiers(tiers, funded.Grade, cutoffs.FirstOrDefault(x => x.Grade == funded.Grade)?.MinScore)) p.Add("Tiers", m);
        }

        var subjects = await db.Set<EvaluationSubject>().Where(s => s.RoundId == round.Id).ToListAsync(ct);
        if (c.NonParticipants.Count > 0 && file.Rule.NonParticipationGrade is null)
            p.Add("NonParticipants", "本办法没有规定未参加测评的后果，不能标记未参加。");
        if (c.NonParticipants.Any(id => subjects.All(s => s.Id != id))) p.Add("NonParticipants", "未参加的基地不在本次测评范围内。");
        if (p.Any) return p.Result();

        db.Entry(round).Property(x => x.Version).OriginalValue = c.Version;
        round.PanelSize = c.PanelSize!.Value;
        round.ReserveCount = c.ReserveCount!.Value;
        round.ExcludeSameCounty = c.ExcludeSameCounty;
        round.ScoringDeadline = c.ScoringDeadline!.Value;
        round.RubricJson = ApplicationJson.Write(rubric);
        round.CutoffsJson = ApplicationJson.Write(file.Ladder.Skip(1).Select(s => cutoffs.First(x => x.Grade == s.Grade)).ToList());
        round.StarScaleJson = ApplicationJson.Write(stars);
        round.TiersJson = ApplicationJson.Write(tiers);
        foreach (var s in subjects) s.Participates = !c.NonParticipants.Contains(s.Id);
        db.Actor.Operation = "测评.保存设置";
        return await Problems.SaveAsync(db, round.Id, ct);
    }
}
