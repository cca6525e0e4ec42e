using System.Globalization;

namespace Exemplar.Domain.Policies;

/// <summary>
/// Evaluates a profile against policies and explains every condition. Missing facts give
/// <see cref="ResultState.MissingData"/>, qualitative items <see cref="ResultState.PendingReview"/>.
/// </summary>
public sealed class EligibilityEvaluator
{
    private readonly IReadOnlyList<PolicyVersion> policies;

    public EligibilityEvaluator(IEnumerable<PolicyVersion> policies) => this.policies = policies.ToList();

    public IReadOnlyList<PolicyVersion> Policies => policies;

    /// <summary>One profile against every programme: where it would qualify and what it lacks elsewhere.</summary>
    public IReadOnlyList<PolicyEvaluation> EvaluateAll(Profile profile) => policies.Select(p => Evaluate(p, profile)).ToList();

    public static PolicyEvaluation Evaluate(PolicyVersion policy, Profile profile)
    {
        var context = new Context(policy, profile);
        var results = policy.Conditions.Select(c => EvaluateCondition(c, context)).ToList();
        var inForce = policy.IsInForceOn(profile.ReferenceDate);
        var note = inForce switch
        {
            null => "文本未载明施行日期，由管理员设定",
            true => $"{Date(profile.ReferenceDate)}在施行期内",
            false => policy.EffectiveFrom > profile.ReferenceDate
                ? $"{Date(profile.ReferenceDate)}尚未施行（{Date(policy.EffectiveFrom!.Value)}起施行）"
                : $"{Date(profile.ReferenceDate)}已失效（有效期至{Date(policy.EffectiveTo!.Value)}）",
        };
        return new PolicyEvaluation(policy.Id, policy.Version, policy.ContentHash, policy.Title, profile.ReferenceDate, inForce, note, VerdictOf(results), results);
    }

    public static Verdict VerdictOf(IReadOnlyList<ConditionResult> results)
    {
        var quantitative = results.Where(r => r.IsQuantitative).Select(r => r.State).ToList();
        if (quantitative.Contains(ResultState.NotMet))
        {
            return Verdict.DoesNotMeet;
        }

        if (quantitative.Contains(ResultState.MissingData))
        {
            return Verdict.MissingData;
        }

        return quantitative.Contains(ResultState.PendingReview) ? Verdict.PendingReview : Verdict.MeetsAllQuantitative;
    }

    private sealed record Context(PolicyVersion Policy, Profile Profile);

    private static ConditionResult EvaluateCondition(Condition condition, Context ctx)
    {
        var result = condition switch
        {
            ThresholdCondition t => Threshold(t, ctx),
            RatioCondition r => Ratio(r, ctx),
            DurationCondition d => Duration(d, ctx),
            GrowthCondition g => Growth(g, ctx),
            RegistrationCondition r => Registration(r, ctx),
            CarrierTypeCondition t => CarrierType(t, ctx),
            LookbackCondition l => Lookback(l, ctx),
            AttestationCondition a => AttestationResult(a, ctx),
            ReviewCondition r => Base(r, ResultState.PendingReview) with { Note = "定性事项，由评审专家按要点判断" },
            AlternativesCondition a => Alternatives(a, ctx),
            KOfNCondition k => KOfN(k, ctx),
            _ => throw new NotSupportedException(condition.GetType().Name),
        };
        return result with { Checklist = condition.Checklist.Count > 0 ? condition.Checklist : result.Checklist, IsQuantitative = condition.IsQuantitative };
    }

    private static ConditionResult Base(Condition c, ResultState state) =>
        new() { ConditionId = c.Id, Citation = c.Citation, Requirement = c.Requirement, State = state };

    private static ConditionResult Missing(Condition c, string required, params string[] facts) =>
        Base(c, ResultState.MissingData) with
        {
            Required = required,
            MissingFacts = facts,
            Shortfall = "需填报：" + string.Join("、", facts.Select(FactCatalogue.LabelOf)),
        };

    public static string Describe(Bound b) =>
        $"{b.Hedge}{Qualifier.Symbol(b.Comparison)} {Number(b.Value)}{b.Unit}（{b.QualifierWord}）";

    private static ConditionResult Threshold(ThresholdCondition t, Context ctx)
    {
        var required = Describe(t.Bound);
        var fact = ctx.Profile.Get(t.Fact);
        if (t.RegisteredIn is { } region)
        {
            return RegisteredCount(t, region, fact, required);
        }

        if (fact?.AsNumber is not { } actual)
        {
            return Missing(t, required, t.Fact);
        }

        return Compare(Base(t, ResultState.Met), t.Bound, actual, fact.Source, required);
    }

    /// <summary>
    /// The enterprises of a <see cref="FactType.DivisionCounts"/> fact registered in the region: the sum of the entries
    /// under one of its prefixes. An entry coarser than a prefix (given per province, asked per city) cannot be split,
    /// so the count is missing data, never a guess.
    /// </summary>
    private static ConditionResult RegisteredCount(ThresholdCondition t, RegionFilter region, Fact? fact, string required)
    {
        required = $"注册在{region.PlaceName}的 {required}";
        if (fact?.AsDivisionCounts is not { } counts)
        {
            return Missing(t, required, t.Fact) with { Shortfall = $"需填报：{FactCatalogue.LabelOf(t.Fact)}（其中注册在{region.PlaceName}的家数）" };
        }

        var coarse = counts.Where(c => region.DivisionPrefixes.Any(p => p.Length > c.Division.Length && p.StartsWith(c.Division, StringComparison.Ordinal))).ToList();
        if (coarse.Count > 0)
        {
            return Missing(t, required, t.Fact) with { Shortfall = $"按“{string.Join("、", coarse.Select(c => c.Division))}”统计的家数无法区分是否注册在{region.PlaceName}，需按更细的区划代码填报" };
        }

        var inside = counts.Where(c => region.DivisionPrefixes.Any(p => c.Division.StartsWith(p, StringComparison.Ordinal))).Sum(c => c.Count);
        var total = counts.Sum(c => c.Count);
        var result = Compare(Base(t, ResultState.Met), t.Bound, inside, fact.Source, required);
        return result with
        {
            Actual = total == inside
                ? $"{Number(inside)}{t.Bound.Unit}"
                : $"{Number(inside)}{t.Bound.Unit}（另有注册在{region.PlaceName}以外的 {Number(total - inside)}{t.Bound.Unit}，不计入）",
        };
    }

    private static ConditionResult CarrierType(CarrierTypeCondition t, Context ctx)
    {
        var required = string.Join("、", t.Types.Select(x => x.Label)) + (t.OpenEnded ? "等载体" : string.Empty);
        var fact = ctx.Profile.Get("carrierType");
        if (fact?.AsText is not { Length: > 0 } type)
        {
            return Missing(t, required, "carrierType");
        }

        var label = CarrierTypes.LabelOf(type);
        if (t.Types.Any(x => x.Type == type))
        {
            return Base(t, ResultState.Met) with { Required = required, Actual = label, Source = fact.Source };
        }

        if (CarrierTypes.Find(type) is { } definition && definition.Kind != ctx.Policy.Kind)
        {
            return Base(t, ResultState.NotMet) with
            {
                Required = required, Actual = label, Source = fact.Source,
                Shortfall = $"{label}是{(definition.Kind == CarrierKind.Platform ? "示范平台" : "示范基地")}类的申报主体，不能申报{(ctx.Policy.Kind == CarrierKind.Platform ? "示范平台" : "示范基地")}",
            };
        }

        return t.OpenEnded
            ? Base(t, ResultState.PendingReview) with { Required = required, Actual = label, Source = fact.Source, Note = "原文所列载体后有“等”字，未列明的载体类型由认定机关判断是否可以申报" }
            : Base(t, ResultState.NotMet) with { Required = required, Actual = label, Source = fact.Source, Shortfall = $"{label}不在{t.Citation}所列可申报的载体之内" };
    }

    private static ConditionResult Compare(ConditionResult r, Bound bound, decimal actual, string source, string required)
    {
        var ok = Qualifier.Holds(bound.Comparison, actual, bound.Value);
        var result = r with { Required = required, Actual = Number(actual) + bound.Unit, Source = source, State = ok ? ResultState.Met : ResultState.NotMet };
        if (ok)
        {
            return result;
        }

        var unit = bound.Unit == "%" ? " 个百分点" : " " + bound.Unit;
        var shortfall = bound.Comparison switch
        {
            Comparison.AtLeast => $"还差 {Number(bound.Value - actual)}{unit}",
            Comparison.GreaterThan => $"需超过 {Number(bound.Value)}{bound.Unit}，还差 {Number(bound.Value - actual)}{unit}以上",
            Comparison.AtMost => $"超出 {Number(actual - bound.Value)}{unit}",
            _ => $"需少于 {Number(bound.Value)}{bound.Unit}",
        };
        return result with { Shortfall = shortfall.Replace("  ", " ", StringComparison.Ordinal) };
    }

    private static ConditionResult Ratio(RatioCondition r, Context ctx)
    {
        var required = $"{FactCatalogue.LabelOf(r.Numerator)}占{FactCatalogue.LabelOf(r.Denominator)} {Describe(r.Bound)}";
        var num = ctx.Profile.Get(r.Numerator);
        var den = ctx.Profile.Get(r.Denominator);
        var missing = new List<string>();
        if (num?.AsNumber is null)
        {
            missing.Add(r.Numerator);
        }

        if (den?.AsNumber is null)
        {
            missing.Add(r.Denominator);
        }

        if (missing.Count > 0)
        {
            return Missing(r, required, [.. missing]);
        }

        if (den!.AsNumber == 0)
        {
            return Base(r, ResultState.MissingData) with
            {
                Required = required,
                MissingFacts = [r.Denominator],
                Shortfall = $"{FactCatalogue.LabelOf(r.Denominator)}为 0，无法计算比例",
            };
        }

        var percent = Math.Round(num!.AsNumber!.Value * 100m / den.AsNumber!.Value, 2, MidpointRounding.ToZero);
        var source = num.Source == den.Source ? num.Source : $"{num.Source}/{den.Source}";
        var result = Compare(Base(r, ResultState.Met), r.Bound, percent, source, required);
        return result with { Actual = $"{Number(percent)}%（{Number(num.AsNumber.Value)}/{Number(den.AsNumber.Value)}）" };
    }

    private static ConditionResult Duration(DurationCondition d, Context ctx)
    {
        var years = (int)d.Bound.Value;
        var required = $"至 {Date(ctx.Profile.ReferenceDate)} 满 {years} 年（{d.Bound.QualifierWord}）";
        var fact = ctx.Profile.Get(d.Fact);
        if (fact?.AsDate is not { } since)
        {
            return Missing(d, required, d.Fact);
        }

        var reached = DateArithmetic.AddYears(since, years, ctx.Policy.DateRounding);
        var reference = ctx.Profile.ReferenceDate;
        var ok = d.Bound.Comparison switch
        {
            Comparison.AtLeast => reference >= reached,
            Comparison.GreaterThan => reference > reached,
            Comparison.LessThan => reference < reached,
            _ => reference <= reached,
        };
        var r = Base(d, ok ? ResultState.Met : ResultState.NotMet) with
        {
            Required = required,
            Actual = $"自 {Date(since)} 起，{Date(reached)} 满 {years} 年",
            Source = fact.Source,
        };
        if (!ok && d.Bound.Comparison is Comparison.AtLeast or Comparison.GreaterThan)
        {
            var days = reached.DayNumber - reference.DayNumber + (d.Bound.Comparison == Comparison.GreaterThan ? 1 : 0);
            r = r with { Shortfall = $"还差 {days} 天" };
        }

        return r;
    }

    private static ConditionResult Growth(GrowthCondition g, Context ctx)
    {
        var required = $"最近一年比上年增长 {Describe(g.Bound)}";
        var fact = ctx.Profile.Get(g.Fact);
        var series = fact?.AsSeries;
        if (series is null || series.Count < 2 || series[^1].Year - series[^2].Year != 1)
        {
            return Missing(g, required, g.Fact) with { Shortfall = $"需填报：{FactCatalogue.LabelOf(g.Fact)}（至少连续两个年度）" };
        }

        var (previous, latest) = (series[^2], series[^1]);
        if (previous.Value == 0)
        {
            return Base(g, ResultState.MissingData) with
            {
                Required = required,
                MissingFacts = [g.Fact],
                Shortfall = $"{previous.Year} 年数值为 0，无法计算增长率",
            };
        }

        var growth = Math.Round((latest.Value - previous.Value) * 100m / previous.Value, 2, MidpointRounding.ToZero);
        var result = Compare(Base(g, ResultState.Met), g.Bound, growth, fact!.Source, required);
        return result with { Actual = $"{latest.Year} 年 {Number(latest.Value)}，{previous.Year} 年 {Number(previous.Value)}，增长 {Number(growth)}%" };
    }

    private static ConditionResult Registration(RegistrationCondition r, Context ctx)
    {
        var place = r.Fact == "locationDivisionCode" ? "所在地" : "注册地";
        var required = $"{place}在{r.PlaceName}（行政区划代码以 {string.Join("/", r.DivisionPrefixes)} 开头）";
        var fact = ctx.Profile.Get(r.Fact);
        if (fact?.AsText is not { Length: > 0 } code)
        {
            return Missing(r, required, r.Fact);
        }

        var ok = r.DivisionPrefixes.Any(p => code.StartsWith(p, StringComparison.Ordinal));
        return Base(r, ok ? ResultState.Met : ResultState.NotMet) with
        {
            Required = required,
            Actual = code,
            Source = fact.Source,
            Shortfall = ok ? null : $"{place}不在{r.PlaceName}",
        };
    }

    private static ConditionResult Lookback(LookbackCondition l, Context ctx)
    {
        var kinds = string.Join("、", l.DisqualifyingKinds.Select(PenaltyKindLabel));
        if (ctx.Profile.ApplicationDeadline is not { } deadline)
        {
            return Base(l, ResultState.MissingData) with
            {
                Required = $"申请受理截止日期前 {l.Years} 年内无{kinds}",
                MissingFacts = ["applicationDeadline"],
                Shortfall = "需填写申报截止日期（处罚回溯期从该日往前计）",
            };
        }

        var start = DateArithmetic.AddYears(deadline, -l.Years, ctx.Policy.DateRounding);
        var required = $"{Date(start)}至{Date(deadline)}期间无{kinds}";
        var fact = ctx.Profile.Get(l.Fact);
        if (fact?.AsPenalties is not { } penalties)
        {
            return Missing(l, required, l.Fact);
        }

        // Both ends count: "两年内" includes the day two years before the deadline and the deadline itself.
        var hits = penalties.Where(p => l.DisqualifyingKinds.Contains(p.Kind) && p.Date >= start && p.Date <= deadline).ToList();
        return Base(l, hits.Count == 0 ? ResultState.Met : ResultState.NotMet) with
        {
            Required = required,
            Actual = hits.Count == 0
                ? $"期间无相关处罚（共申报 {penalties.Count} 条处罚记录）"
                : string.Join("；", hits.Select(h => $"{Date(h.Date)} {(h.Subject == Penalty.LegalRepresentative ? "法定代表人" : "运营单位")}受{PenaltyKindLabel(h.Kind)}")),
            Source = fact.Source,
            Shortfall = hits.Count == 0 ? null : $"期内有 {hits.Count} 项{kinds}，最早可在 {Date(DateArithmetic.AddYears(hits.Max(h => h.Date), l.Years, ctx.Policy.DateRounding).AddDays(1))} 之后截止的批次申请",
        };
    }

    public static string PenaltyKindLabel(string kind) => kind switch
    {
        "criminal" => "刑事处罚",
        "seriousAdministrative" => "严重行政处罚",
        "administrative" => "一般行政处罚",
        "seriousDishonesty" => "严重失信行为",
        _ => kind,
    };

    private static ConditionResult AttestationResult(AttestationCondition a, Context ctx)
    {
        var key = FactCatalogue.AttestationKey(a.Attestation);
        var required = a.EvidenceRequired ? "承诺并提供证明材料" : "承诺";
        var fact = ctx.Profile.Get(key);
        if (fact?.AsAttestation is not { } att)
        {
            return Missing(a, required, key);
        }

        if (!att.Value)
        {
            return Base(a, ResultState.NotMet) with { Required = required, Actual = "否", Source = fact.Source, Shortfall = $"不具备：{FactCatalogue.LabelOf(key)}" };
        }

        if (a.EvidenceRequired && att.Evidence.Count == 0)
        {
            return Base(a, ResultState.MissingData) with
            {
                Required = required,
                Actual = "已承诺，未附证明材料",
                Source = fact.Source,
                MissingFacts = [key],
                Shortfall = "需上传证明材料",
            };
        }

        return Base(a, ResultState.Met) with { Required = required, Actual = "是（证明：" + string.Join("、", att.Evidence) + "）", Source = fact.Source };
    }

    private static ConditionResult Alternatives(AlternativesCondition a, Context ctx)
    {
        var children = new List<ConditionResult>();
        var states = new List<ResultState>();
        foreach (var branch in a.Branches)
        {
            var applicability = Applicability(branch.AppliesWhen, ctx.Profile);
            var inner = branch.Conditions.Select(c => EvaluateCondition(c, ctx)).ToList();
            if (applicability == ResultState.NotApplicable)
            {
                inner = inner.Select(i => i with { State = ResultState.NotApplicable, Shortfall = null, MissingFacts = [], Note = "本情形不适用于该载体" }).ToList();
            }
            var state = applicability switch
            {
                ResultState.NotApplicable => ResultState.NotApplicable,
                _ => Combine(inner.Select(i => i.State).Append(applicability)),
            };
            states.Add(state);
            children.Add(new ConditionResult
            {
                ConditionId = $"{a.Id}/{branch.Id}",
                Citation = a.Citation,
                Requirement = branch.Label,
                State = state,
                Children = inner,
                MissingFacts = applicability == ResultState.MissingData ? [branch.AppliesWhen!.Fact] : [],
                Note = branch.AppliesWhen is null ? null : $"适用于{FactCatalogue.LabelOf(branch.AppliesWhen.Fact)}为“{FactCatalogue.ValueText(branch.AppliesWhen.Fact, branch.AppliesWhen.EqualsValue)}”的情形",
            });
        }

        var overall = states.Contains(ResultState.Met) ? ResultState.Met
            : states.Contains(ResultState.PendingReview) ? ResultState.PendingReview
            : states.Contains(ResultState.MissingData) ? ResultState.MissingData
            : states.All(s => s == ResultState.NotApplicable) ? ResultState.MissingData
            : ResultState.NotMet;
        var chosen = children.FirstOrDefault(c => c.State == overall) ?? children[0];
        return Base(a, overall) with
        {
            Children = children,
            Required = string.Join(" 或 ", a.Branches.Select(b => b.Label)),
            Actual = overall == ResultState.Met ? $"满足：{chosen.Requirement}" : null,
            Shortfall = overall == ResultState.NotMet
                ? string.Join("；", children.Where(c => c.State == ResultState.NotMet).SelectMany(c => c.Children).Where(c => c.Shortfall is not null).Select(c => $"{c.Requirement}：{c.Shortfall}"))
                : null,
            MissingFacts = overall == ResultState.MissingData ? children.SelectMany(c => c.MissingFacts.Concat(c.Children.SelectMany(x => x.MissingFacts))).Distinct().ToList() : [],
        };
    }

    private static ResultState Applicability(AppliesWhen? when, Profile profile)
    {
        if (when is null)
        {
            return ResultState.Met;
        }

        var fact = profile.Get(when.Fact);
        if (fact is null)
        {
            return ResultState.MissingData;
        }

        var text = fact.Value switch
        {
            bool b => b ? "true" : "false",
            _ => fact.Value.ToString(),
        };
        return text == when.EqualsValue ? ResultState.Met : ResultState.NotApplicable;
    }

    /// <summary>All must hold: NotMet dominates, then missing data, then review.</summary>
    private static ResultState Combine(IEnumerable<ResultState> states)
    {
        var list = states.Where(s => s != ResultState.NotApplicable).ToList();
        return list.Contains(ResultState.NotMet) ? ResultState.NotMet
            : list.Contains(ResultState.MissingData) ? ResultState.MissingData
            : list.Contains(ResultState.PendingReview) ? ResultState.PendingReview
            : ResultState.Met;
    }

    private static ConditionResult KOfN(KOfNCondition k, Context ctx)
    {
        var functions = new List<FunctionResult>();
        foreach (var f in k.Functions)
        {
            var measures = new List<ConditionResult>();
            ResultState state;
            decimal? attainment = null;
            if (f.Measures.Count == 0)
            {
                var key = FactCatalogue.FunctionKey(f.Function, "offered");
                var offered = ctx.Profile.Get(key);
                state = offered?.AsBoolean switch
                {
                    true => ResultState.PendingReview,
                    false => ResultState.NotMet,
                    _ => ResultState.MissingData,
                };
                measures.Add(new ConditionResult
                {
                    ConditionId = $"{k.Id}/{f.Function}",
                    Citation = f.Citation,
                    Requirement = $"提供{f.Label}（无数量要求，由评审专家判断服务能力）",
                    State = state,
                    Actual = offered?.AsBoolean switch { true => "提供", false => "未提供", _ => null },
                    Source = offered?.Source,
                    MissingFacts = state == ResultState.MissingData ? [key] : [],
                    Shortfall = state == ResultState.MissingData ? $"需填报：{FactCatalogue.LabelOf(key)}" : null,
                    Checklist = f.Checklist,
                    IsQuantitative = false,
                });
                attainment = state == ResultState.NotMet ? 0 : null;
            }
            else
            {
                var fractions = new List<decimal>();
                foreach (var m in f.Measures)
                {
                    var key = FactCatalogue.FunctionKey(f.Function, m.Measure);
                    var label = FactCatalogue.LabelOf(key);
                    var stub = new ThresholdCondition
                    {
                        Id = $"{k.Id}/{f.Function}/{m.Measure}",
                        Citation = f.Citation,
                        Article = k.Article,
                        Requirement = $"{label} {Describe(m.Bound)}",
                        Fact = key,
                        Bound = m.Bound,
                    };
                    var r = Threshold(stub, ctx);
                    measures.Add(r);
                    if (ctx.Profile.Get(key)?.AsNumber is { } actual && m.Bound.Value > 0)
                    {
                        fractions.Add(Math.Min(1m, actual / m.Bound.Value));
                    }
                }

                state = Combine(measures.Select(m => m.State));

                attainment = fractions.Count == f.Measures.Count ? fractions.Average() : null;
            }

            functions.Add(new FunctionResult(f.Function, f.Label, f.Citation, state, measures, attainment, f.Checklist));
        }

        var met = functions.Where(f => f.State == ResultState.Met).ToList();
        var undecided = functions.Where(f => f.State is ResultState.MissingData or ResultState.PendingReview).ToList();
        var failed = functions.Where(f => f.State == ResultState.NotMet).ToList();
        ResultState overall;
        if (met.Count >= k.K)
        {
            overall = ResultState.Met;
        }
        else if (met.Count + undecided.Count < k.K)
        {
            overall = ResultState.NotMet;
        }
        else
        {
            // Enough undecided functions could still reach K: review if review alone could settle it.
            var pending = undecided.Count(f => f.State == ResultState.PendingReview);
            overall = met.Count + pending >= k.K ? ResultState.PendingReview : ResultState.MissingData;
        }

        var closest = overall == ResultState.Met
            ? []
            : failed.OrderByDescending(f => f.Attainment ?? 0)
                .Take(Math.Max(1, k.K - met.Count))
                .Select(f => $"{f.Label}：" + string.Join("，", f.Measures.Where(m => m.Shortfall is not null).Select(m => m.Shortfall)))
                .ToList();
        return Base(k, overall) with
        {
            Required = $"{k.QualifierWord} {k.K} 项（共 {k.Functions.Count} 项）",
            Actual = $"达到 {met.Count} 项" + (undecided.Count > 0 ? $"，待定 {undecided.Count} 项" : string.Empty),
            Shortfall = overall == ResultState.NotMet ? $"还差 {k.K - met.Count} 项服务功能" : overall == ResultState.MissingData ? "需补充服务功能数据" : null,
            MissingFacts = overall == ResultState.MissingData ? undecided.SelectMany(f => f.Measures.SelectMany(m => m.MissingFacts)).ToList() : [],
            Group = new KOfNSummary(
                k.K,
                k.Functions.Count,
                met.Select(f => f.Label).ToList(),
                undecided.Select(f => f.Label).ToList(),
                failed.Select(f => f.Label).ToList(),
                closest,
                functions),
        };
    }

    private static string Number(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
