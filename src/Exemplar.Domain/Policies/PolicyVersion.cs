namespace Exemplar.Domain.Policies;

public enum CarrierKind
{
    Base,
    Platform,
}

public sealed record SupersededDocument(string DocumentNumber, string? Title, string? Citation);

/// <summary>A rule with the article that sets it and the words of the text.</summary>
public sealed record CitedText(string Citation, string Text);

/// <summary>The full set of rules of one programme version, loaded from <c>policies/&lt;id&gt;.json</c>.</summary>
public sealed record PolicyVersion
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Title { get; init; }
    public required string Issuer { get; init; }
    public required string DocumentNumber { get; init; }
    public required CarrierKind Kind { get; init; }
    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    public string? EffectiveNote { get; init; }
    /// <summary>What the text says about bases designated under the text it replaces (北京办法第十八条).</summary>
    public CitedText? Transitional { get; init; }
    public IReadOnlyList<SupersededDocument> Supersedes { get; init; } = [];
    public required DateRoundingRule DateRounding { get; init; }
    public required string DateRoundingBasis { get; init; }
    /// <summary>Who may apply (第三条): carrier types and region. Also evaluated as the first two conditions.</summary>
    public required ApplicantRules Applicants { get; init; }
    /// <summary>What the applicant signs (昆明附件1 承诺书; 北京第六条第（二）项 诚信守法).</summary>
    public IReadOnlyList<Undertaking> Undertakings { get; init; } = [];
    public required IReadOnlyList<Condition> Conditions { get; init; }
    public required IReadOnlyList<Material> Materials { get; init; }
    public required ProcedureRules Procedure { get; init; }
    public required ManagementRules Management { get; init; }
    /// <summary>File name the policy was loaded from.</summary>
    public required string Source { get; init; }
    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string ContentHash { get; init; }

    /// <summary>
    /// Null when the text states no date (Beijing) and no administrator has set one.
    /// </summary>
    public bool? IsInForceOn(DateOnly date)
    {
        if (EffectiveFrom is null)
        {
            return null;
        }

        return date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);
    }

    /// <summary>For programmes whose date an administrator sets (施行日期未在文本中载明).</summary>
    public PolicyVersion WithEffectiveFrom(DateOnly date) => this with { EffectiveFrom = date };

    public IEnumerable<Condition> AllConditions() => Flatten(Conditions);

    private static IEnumerable<Condition> Flatten(IEnumerable<Condition> conditions)
    {
        foreach (var c in conditions)
        {
            yield return c;
            if (c is AlternativesCondition a)
            {
                foreach (var inner in Flatten(a.Branches.SelectMany(b => b.Conditions)))
                {
                    yield return inner;
                }
            }
        }
    }
}

/// <summary>A material the applicant submits (申报材料), with the text's words.</summary>
public sealed record Material(string Citation, string Text, FormReference? Form = null);

/// <summary>A form the text prescribes: 《…推荐表》（附件1）.</summary>
public sealed record FormReference(string Name, string? Annex, string Citation);

// ---- who may apply ---------------------------------------------------------------------------------------------

/// <summary>A carrier type the text admits, with the words that name it.</summary>
public sealed record CarrierTypeEntry(string Type, string Label, string Quote);

/// <summary>Where the carrier must be (第三条 本市范围内; for the others, the region whose authorities recommend).</summary>
public sealed record RegionRule(IReadOnlyList<string> DivisionPrefixes, string PlaceName, string Citation, string Quote);

public sealed record ApplicantRules(
    string Citation,
    string Quote,
    IReadOnlyList<CarrierTypeEntry> CarrierTypes,
    /// <summary>The list ends in 等 (北京第三条 “等载体”): an unlisted type is for the designating authority to judge.</summary>
    bool OpenEnded,
    RegionRule Region)
{
    public bool Admits(string carrierType) => CarrierTypes.Any(t => t.Type == carrierType);
}

/// <summary>One undertaking the applicant signs; <see cref="Subjects"/> whom it is about, <see cref="SignedBy"/> who signs.</summary>
public sealed record Undertaking(string Id, string Citation, string Text, IReadOnlyList<string> Subjects, IReadOnlyList<string> SignedBy)
{
    public const string Unit = "unit";
    public const string LegalRepresentative = "legalRepresentative";
}

// ---- procedure -------------------------------------------------------------------------------------------------

/// <summary>Where the application goes first: to the recommending authority or straight to the designating one.</summary>
public sealed record ApplicationRule(string SubmitTo, string Citation, string Quote, FormReference? Form)
{
    public const string RecommendingAuthority = "recommendingAuthority";
    public const string DesignatingAuthority = "designatingAuthority";
}

/// <summary>
/// One kind of authority that may recommend at a level, the officer roles that act for it (role names of the web
/// application: CountyOfficer, PrefectureOfficer, ZoneOfficer), and where the data infers it (<see cref="Basis"/>).
/// </summary>
public sealed record RecommendingAuthority(string Kind, string Label, IReadOnlyList<string> Roles, string? Basis);

/// <summary>The recommending level's satisfaction sampling (昆明第十条: 不低于10% of resident small/micro enterprises).</summary>
public sealed record SatisfactionSamplingRule(decimal MinimumPercent, string QualifierWord, string Population, string PopulationLabel, string Citation, string Quote);

/// <summary>What the recommending level assesses (测评): 运营情况、服务业绩、满意度.</summary>
public sealed record AssessmentRule(IReadOnlyList<string> Items, string Citation, string Quote);

public sealed record RecommendationLevel(
    int Order,
    IReadOnlyList<RecommendingAuthority> Authorities,
    string Citation,
    string Quote,
    CitedText? InitialReview,
    /// <summary>The recommending level audits on site (聊城第十二条 现场审核).</summary>
    CitedText? OnSiteAudit,
    AssessmentRule? Assessment,
    SatisfactionSamplingRule? SatisfactionSampling,
    /// <summary>The form the level fills (推荐表 per carrier, 推荐汇总表 for all it recommends).</summary>
    FormReference? Form,
    string? FormScope)
{
    public const string PerCarrier = "perCarrier";
    public const string Summary = "summary";

    public IEnumerable<string> Roles => Authorities.SelectMany(a => a.Roles).Distinct();
}

/// <summary>The recommending levels in order (county → city is one level before the designating authority); none for Beijing.</summary>
public sealed record RecommendationRules(bool Required, string Citation, string Quote, IReadOnlyList<RecommendationLevel> Levels);

/// <summary>Expert review by the designating authority: <c>required</c>, or <c>perCall</c> where the text leaves it open.</summary>
public sealed record ExpertReviewRule(string Mode, string Citation, string Quote)
{
    public const string Required = "required";
    public const string PerCall = "perCall";
}

/// <summary>Site inspection by the designating authority: yes / no / ifNeeded / unspecified, and what it follows.</summary>
public sealed record SiteInspectionRule(string Mode, string? After, string? Citation, string? Quote);

public sealed record PublicNoticeRule(int? WorkingDays, string? QualifierWord, string Citation, string? Quote)
{
    /// <summary>不少于 N 个工作日: the authority may set a longer notice (at least N).</summary>
    public bool AuthorityMayExtend => QualifierWord is "不少于" or "以上";
}

public sealed record ProcedureRules(
    ApplicationRule Application,
    RecommendationRules Recommendation,
    ExpertReviewRule ExpertReview,
    SiteInspectionRule SiteInspection,
    PublicNoticeRule PublicNotice,
    CitedText? ObjectionHandling,
    CitedText? CollectiveDecision,
    CitedText? Plaque,
    CitedText? Frequency);

// ---- management ------------------------------------------------------------------------------------------------

/// <summary>Validity in years, or none (北京: 动态管理, no fixed validity) — <see cref="Note"/> says so.</summary>
public sealed record DesignationValidity(int? Years, string? Citation, string? Quote, string? Note);

/// <summary>Day null means the last day of the month (月底). <see cref="Wording"/> is the text's words.</summary>
public sealed record MonthDayDeadline(int Month, int? Day, string Wording, string SubmitTo, string Citation, IReadOnlyList<string> Items)
{
    /// <summary>The revocation ground a missed deadline may lead to (聊城第十八条第（三）项 不按要求报送工作总结); proposed, never applied by itself.</summary>
    public string? GroundIfMissed { get; init; }

    public DateOnly In(int year) => new(year, Month, Day ?? DateTime.DaysInMonth(year, Month));
}

/// <summary>
/// The local authorities' periodic checks of the bases (台账建立、服务质量、服务收费情况以及服务满意度) and the annual report they
/// file: <see cref="Roles"/> are the officer roles that act for <see cref="By"/> (西藏: PrefectureOfficer; 聊城、昆明: county and
/// zone), <see cref="Basis"/> says why where the text names fewer.
/// </summary>
public sealed record LocalCheckRule(string By, IReadOnlyList<string> Items, string Citation, string Quote, IReadOnlyList<string> Roles, string? Basis = null);

/// <summary>An authority a filing goes to or through.</summary>
public sealed record AuthorityReference(string Kind, string Label);

/// <summary>What the designating authority does with a change (北京第十七条: 变更或撤销，并向社会公示).</summary>
public sealed record ChangeOutcome(IReadOnlyList<string> Actions, string DecidedBy, bool Published, string Citation, string Quote);

public sealed record ChangeFilingRule(
    /// <summary>The changes the text calls major (重大变更事项), in its words.</summary>
    IReadOnlyList<string> MajorChanges,
    /// <summary>The list ends in 等.</summary>
    bool OpenEnded,
    int WorkingDays,
    /// <summary><c>completion</c> (变更完成后) or <c>occurrence</c> (发生变更后).</summary>
    string CountsFrom,
    IReadOnlyList<AuthorityReference> FileTo,
    /// <summary>The authority the filing passes through (聊城: 通过所属辖区的中小企业主管部门).</summary>
    AuthorityReference? Via,
    ChangeOutcome? Outcome,
    string Citation,
    string Quote)
{
    public const string Completion = "completion";
    public const string Occurrence = "occurrence";

    public string EventWording => CountsFrom == Occurrence ? "发生变更" : "变更完成";
}

/// <summary>
/// What follows from a ground: revocation (撤销/取消称号) or, where the authority decides case by case, change or
/// revocation (北京第十七条 视情况作出变更或撤销的处理决定); plaque recall, publication.
/// </summary>
public sealed record RevocationConsequence(string Action, bool PlaqueRecall, bool Published, string Quote)
{
    public const string Revoke = "revoke";
    public const string ChangeOrRevoke = "changeOrRevoke";
}

public sealed record RevocationGround(string Id, string Citation, string Text, RevocationConsequence? Consequence);

/// <summary>No new application for <see cref="Years"/> years after a revocation on one of <see cref="Grounds"/> (ids).</summary>
public sealed record ReapplicationBan(int Years, IReadOnlyList<string> Grounds, string Citation, string Quote);

/// <summary>
/// Applying again while a designation is valid: <c>forbidden</c> (聊城 不得重复申报), <c>expiryYearOnly</c> (昆明 期满当年可再次申报)
/// or <c>unspecified</c>.
/// </summary>
public sealed record ReapplicationRule(string WhileValid, string? Citation, string? Quote)
{
    public const string Forbidden = "forbidden";
    public const string ExpiryYearOnly = "expiryYearOnly";
    public const string Unspecified = "unspecified";
}

/// <summary>Re-review in the expiry year (聊城第十六条); <see cref="GroundIfMissed"/> names the ground when none is filed or it fails.</summary>
public sealed record ReReviewRequirement(bool InExpiryYear, string? GroundIfMissed, string Citation, string Quote);

/// <summary>An evaluation grade and what follows: <c>revoke</c>, <c>keepWithoutFunding</c>, <c>fundingByTier</c>.</summary>
public sealed record EvaluationOutcome(string Grade, string Action, string? Ground, string? Note, string Citation, string Quote)
{
    public const string Revoke = "revoke";
    public const string KeepWithoutFunding = "keepWithoutFunding";
    public const string FundingByTier = "fundingByTier";
}

public sealed record EvaluationRule(
    string Name,
    /// <summary><c>annual</c> or <c>irregular</c> (不定期).</summary>
    string Frequency,
    string OrganisedBy,
    string Citation,
    string Quote,
    bool StarRating,
    /// <summary>Not taking part counts as this grade (北京第十三条 视同为绩效评价结果不合格).</summary>
    string? NonParticipationGrade,
    CitedText? NonParticipation,
    IReadOnlyList<EvaluationOutcome> Outcomes);

/// <summary>Data the base reports periodically (北京第十六条 按期报送运营管理、服务企业、活动组织等相关数据及信息).</summary>
public sealed record PeriodicReportingRule(string To, IReadOnlyList<string> Items, string Frequency, string Citation, string Quote);

public sealed record ManagementRules(
    DesignationValidity Validity,
    MonthDayDeadline? AnnualSummaryDue,
    MonthDayDeadline? LocalAnnualReportDue,
    LocalCheckRule? LocalChecks,
    ChangeFilingRule? ChangeFiling,
    IReadOnlyList<RevocationGround> RevocationGrounds,
    IReadOnlyList<ReapplicationBan> ReapplicationBans,
    ReapplicationRule Reapplication,
    ReReviewRequirement? ReReview,
    EvaluationRule? Evaluation,
    IReadOnlyList<PeriodicReportingRule> PeriodicReporting,
    CitedText? PriorityRecommendation)
{
    public RevocationGround? Ground(string id) => RevocationGrounds.FirstOrDefault(g => g.Id == id);

    /// <summary>The ban that follows a revocation on <paramref name="groundId"/>, if any (北京: 第十五条 grounds only).</summary>
    public ReapplicationBan? BanAfter(string groundId) => ReapplicationBans.FirstOrDefault(b => b.Grounds.Contains(groundId));
}
