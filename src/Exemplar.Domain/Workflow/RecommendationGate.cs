using Exemplar.Domain.Ledger;

namespace Exemplar.Domain.Workflow;

/// <summary>What a recommending officer's worksheet holds when it is signed (the facts the gate judges).</summary>
/// <param name="SamplingPercent">The programme's minimum share (昆明第十条: 不低于10%), null where it asks for no sampling.</param>
/// <param name="SamplePopulation">Resident small/micro enterprises when the sample was drawn; null = no sample drawn.</param>
/// <param name="Unanswered">Sampled enterprises with neither an answer nor a recorded reason why they could not be reached.</param>
public sealed record RecommendationFacts(
    bool? Recommend, string? Opinion, bool AllMaterialsComplete,
    decimal? SamplingPercent, int? SamplePopulation, int SampleSize, int Unanswered,
    bool AuditRequired, DateOnly? AuditDate, string? AuditInspectors, string? AuditFindings, int AuditPhotos,
    DateOnly SubmittedOn, DateOnly Today);

/// <summary>
/// When a recommendation may be signed. The satisfaction sample must be drawn after submission, be at least the share
/// the programme names (不低于 includes the figure: 39 residents × 10% = 3.9 → 4), and every sampled enterprise must have an
/// answer recorded (or, where it cannot be reached, the reason); an on-site audit (聊城第十二条) needs a date between submission and today, inspectors, findings and at least one photo (evidence, inspected by content).
/// </summary>
public static class RecommendationGate
{
    public const int MaxOpinion = 2000;

    public static int MinimumSample(int population, decimal percent) => SurveySampler.SizeFor(population, percent);

    public static IReadOnlyList<(string Field, string Message)> Problems(RecommendationFacts f)
    {
        var p = new List<(string, string)>();
        if (f.Recommend is null) p.Add(("Recommend", "请选择“推荐”或“不予推荐”。"));
        if (string.IsNullOrWhiteSpace(f.Opinion)) p.Add(("Opinion", "请填写推荐意见。"));
        else if (f.Opinion.Trim().Length > MaxOpinion) p.Add(("Opinion", $"推荐意见不能超过{MaxOpinion}个字。"));
        if (f.Recommend == true && !f.AllMaterialsComplete)
            p.Add(("Materials", "有材料标为不完整：请先退回补正，材料完整后才能推荐。"));
        if (f.SamplingPercent is { } percent)
        {
            if (f.SamplePopulation is not { } population)
                p.Add(("Sample", $"尚未进行满意度随机抽查：须按不低于{percent:0.##}%的比例抽取入驻小微企业并记录答复后才能签署。"));
            else
            {
                var minimum = MinimumSample(population, percent);
                if (f.SampleSize < minimum)
                    p.Add(("Sample", $"抽查样本 {f.SampleSize} 家少于 {population} 家入驻小微企业的{percent:0.##}%（至少 {minimum} 家）。"));
                if (f.Unanswered > 0)
                    p.Add(("Sample", $"还有 {f.Unanswered} 家被抽查企业未记录答复（无法联系的须记录原因）。"));
            }
        }
        if (f.AuditRequired)
        {
            if (f.AuditDate is not { } d) p.Add(("AuditDate", "请填写现场审核日期。"));
            else if (d > f.Today) p.Add(("AuditDate", "现场审核日期不能晚于今天。"));
            else if (d < f.SubmittedOn) p.Add(("AuditDate", "现场审核日期不能早于申报提交日期。"));
            if (string.IsNullOrWhiteSpace(f.AuditInspectors)) p.Add(("AuditInspectors", "请填写现场审核人员。"));
            if (string.IsNullOrWhiteSpace(f.AuditFindings)) p.Add(("AuditFindings", "请填写现场审核情况。"));
            if (f.AuditPhotos == 0) p.Add(("AuditPhotos", "请上传至少一张现场审核照片作为佐证。"));
        }
        return p;
    }
}
