using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exemplar.Domain.Policies;

/// <summary>The JSON shape of an evaluation, shared by the web API and the command line.</summary>
public sealed record EvaluationReportDto(string? ProfileName, string ReferenceDate, string? ApplicationDeadline, IReadOnlyList<PolicyEvaluationDto> Results);

public sealed record PolicyEvaluationDto(
    string PolicyId,
    string PolicyVersion,
    string PolicyHash,
    string PolicyTitle,
    string ReferenceDate,
    bool? InForce,
    string InForceNote,
    Verdict Verdict,
    string VerdictText,
    IReadOnlyList<ConditionResultDto> Conditions);

public sealed record ConditionResultDto(
    string ConditionId,
    string Citation,
    string Requirement,
    string? Required,
    string? Actual,
    ResultState State,
    string StateText,
    string? Shortfall,
    string? Source,
    bool Quantitative,
    IReadOnlyList<string> MissingFacts,
    IReadOnlyList<string> Checklist,
    string? Note,
    IReadOnlyList<ConditionResultDto>? Children,
    KOfNGroupDto? Group);

public sealed record KOfNGroupDto(
    int K,
    int N,
    IReadOnlyList<string> Counting,
    IReadOnlyList<string> Undecided,
    IReadOnlyList<string> Failed,
    IReadOnlyList<string> Closest,
    IReadOnlyList<FunctionResultDto> Functions);

public sealed record FunctionResultDto(
    string Function,
    string Label,
    string Citation,
    ResultState State,
    string StateText,
    decimal? Attainment,
    IReadOnlyList<ConditionResultDto> Measures,
    IReadOnlyList<string> Checklist);

/// <summary>
/// Maps evaluations to the DTOs above and serialises them with one set of options, so the API and the
/// command line print the same JSON for the same profile.
/// </summary>
public static class EvaluationJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The words the self-check uses for each state.</summary>
    public static string StateText(ResultState state) => state switch
    {
        ResultState.Met => "达标",
        ResultState.NotMet => "未达标",
        ResultState.MissingData => "缺少数据",
        ResultState.PendingReview => "待专家评审",
        ResultState.NotApplicable => "不适用",
        _ => state.ToString(),
    };

    public static EvaluationReportDto Report(Profile profile, IEnumerable<PolicyEvaluation> evaluations) =>
        new(profile.Name, Iso(profile.ReferenceDate), profile.ApplicationDeadline is { } d ? Iso(d) : null, evaluations.Select(ToDto).ToList());

    public static string Serialize(EvaluationReportDto report) => JsonSerializer.Serialize(report, Options);

    public static PolicyEvaluationDto ToDto(PolicyEvaluation e) => new(
        e.PolicyId, e.PolicyVersion, e.PolicyHash, e.PolicyTitle, Iso(e.ReferenceDate), e.InForce, e.InForceNote,
        e.Verdict, e.Verdict.ToChinese(), e.Conditions.Select(ToDto).ToList());

    public static ConditionResultDto ToDto(ConditionResult r) => new(
        r.ConditionId, r.Citation, r.Requirement, r.Required, r.Actual, r.State, StateText(r.State), r.Shortfall, r.Source,
        r.IsQuantitative, r.MissingFacts, r.Checklist, r.Note,
        r.Children.Count > 0 ? r.Children.Select(ToDto).ToList() : null,
        r.Group is { } g ? ToDto(g) : null);

    private static KOfNGroupDto ToDto(KOfNSummary g) => new(
        g.K, g.N, g.Counting, g.Undecided, g.Failed, g.Closest,
        g.Functions.Select(f => new FunctionResultDto(f.Function, f.Label, f.Citation, f.State, StateText(f.State), f.Attainment, f.Measures.Select(ToDto).ToList(), f.Checklist)).ToList());

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
