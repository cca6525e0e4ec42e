using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Policies;

public sealed record ComparisonItem(string Text, string Citation, string? Note);

public sealed record ComparisonRow(string Concept, string Label, IReadOnlyList<IReadOnlyList<ComparisonItem>> Cells);

public sealed record ComparisonGroup(string Title, IReadOnlyList<ComparisonRow> Rows);

/// <summary>All programmes side by side, condition by condition, rows grouped by a common concept.</summary>
public static class PolicyComparison
{
    private static readonly (string Concept, string Group, string Label)[] Concepts =
    [
        ("carrierType", "主体资格与运营", "可申报的载体类型（第三条）"),
        ("location", "主体资格与运营", "载体所在地"),
        ("registration", "主体资格与运营", "运营单位注册地"),
        ("duration:baseFoundedOn", "主体资格与运营", "基地成立时间"),
        ("duration:operatorSince", "主体资格与运营", "申报主体运营（管理本基地）时间"),
        ("duration:operatorFoundedOn", "主体资格与运营", "运营单位（法人）成立时间"),
        ("lookback", "主体资格与运营", "处罚回溯期"),
        ("residentSmallMicroCount", "入驻企业", "入驻小微企业数（不论注册地）"),
        ("residentSmallMicroByRegistration", "入驻企业", "入驻本市（注册在本市）的小微企业数"),
        ("residentTotalCount", "入驻企业", "入驻企业总数"),
        ("smallMicroEmployeeCount", "入驻企业", "入驻小微企业从业人员"),
        ("ratio:leadingIndustryResidentCount/residentTotalCount", "入驻企业", "主导产业（全部）企业占入驻企业比例"),
        ("ratio:topTwoLeadingIndustryResidentCount/residentTotalCount", "入驻企业", "两个主导产业的企业集聚度"),
        ("leadingIndustryCount", "入驻企业", "主导产业个数"),
        ("growth:residentSmallMicroSeries", "入驻企业", "入驻小微企业数增长"),
        ("growth:employeeSeries", "入驻企业", "入驻小微企业从业人数增长"),
        ("growth:innovationOutputSeries", "入驻企业", "创新成果增长"),
        ("enterprisesServedAnnual", "入驻企业", "年服务中小企业数"),
        ("growth:enterprisesServedSeries", "入驻企业", "服务企业数增长"),
        ("fullTimeServiceStaffCount", "服务队伍", "专职服务人员"),
        ("serviceStaffTotalCount", "服务队伍", "从事服务的人员（专职和兼职）"),
        ("ratio:fullTimeStaffBachelorOrIntermediateCount/fullTimeServiceStaffCount", "服务队伍", "专职人员中本科或中级职称的比例"),
        ("ratio:serviceStaffJuniorCollegeOrIntermediateCount/serviceStaffTotalCount", "服务队伍", "服务人员中大专或中级职称的比例"),
        ("serviceStaffBachelorOrIntermediateCount", "服务队伍", "服务人员中本科或中级职称的人数"),
        ("mentorCount", "服务队伍", "创业导师"),
        ("partnerAgencyCount", "服务队伍", "合作的外部专业服务机构"),
        ("ratio:freeOrLowFeeServiceVolume/totalServiceVolume", "服务质量", "公益性或低收费服务占比（服务对象不限）"),
        ("ratio:freeOrLowFeeVolumeToSmallMicro/totalServiceVolume", "服务质量", "为小微企业提供的公益性或低收费服务占比"),
        ("ratio:freeOrLowFeeVolumeToResidentSmallMicro/totalServiceVolume", "服务质量", "为入驻小微企业提供的公益性或低收费服务占比"),
        ("residentSmallMicroSatisfactionPercent", "服务质量", "入驻小微企业满意度"),
        ("userSatisfactionPercent", "服务质量", "用户满意度"),
        ("buildingArea", "场地与资产", "建筑面积"),
        ("publicServiceArea", "场地与资产", "公共服务空间面积"),
        ("siteArea", "场地与资产", "场地面积"),
        ("totalAssets", "场地与资产", "资产总额"),
        ("kOfN", "服务功能", "服务功能（K 项中选）"),
    ];

    public static IReadOnlyList<ComparisonGroup> Build(IReadOnlyList<PolicyVersion> policies)
    {
        var cells = new Dictionary<string, List<ComparisonItem>[]>(StringComparer.Ordinal);
        for (var i = 0; i < policies.Count; i++)
        {
            foreach (var (condition, note) in Flatten(policies[i].Conditions, null))
            {
                if (ItemOf(condition, note) is not { } item)
                {
                    continue;
                }

                var concept = ConceptOf(condition);
                if (!cells.TryGetValue(concept, out var row))
                {
                    row = Enumerable.Range(0, policies.Count).Select(_ => new List<ComparisonItem>()).ToArray();
                    cells[concept] = row;
                }

                row[i].Add(item);
            }
        }

        var known = Concepts.Select(c => c.Concept).ToHashSet(StringComparer.Ordinal);
        var ordered = Concepts.Where(c => cells.ContainsKey(c.Concept))
            .Concat(cells.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal)
                .Select(k => (Concept: k, Group: k.StartsWith("attestation:", StringComparison.Ordinal) ? "承诺与证明" : "其他", Label: LabelOf(k))));
        return ordered.GroupBy(c => c.Group)
            .Select(g => new ComparisonGroup(g.Key, g.Select(c => new ComparisonRow(c.Concept, c.Label, cells[c.Concept])).ToList()))
            .ToList();
    }

    /// <summary>Qualitative review items of each programme (citations), shown below the table.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ReviewItems(IReadOnlyList<PolicyVersion> policies) =>
        policies.Select(p => (IReadOnlyList<string>)p.AllConditions().OfType<ReviewCondition>().Select(r => $"{r.Citation} {r.Requirement}").ToList()).ToList();

    private static IEnumerable<(Condition Condition, string? Note)> Flatten(IEnumerable<Condition> conditions, string? note)
    {
        foreach (var c in conditions)
        {
            if (c is AlternativesCondition a)
            {
                foreach (var b in a.Branches)
                {
                    foreach (var inner in Flatten(b.Conditions, "择一情形：" + b.Label))
                    {
                        yield return inner;
                    }
                }
            }
            else
            {
                yield return (c, note);
            }
        }
    }

    private static string ConceptOf(Condition c) => c switch
    {
        ThresholdCondition t => t.Fact,
        CarrierTypeCondition => "carrierType",
        RegistrationCondition { Fact: "locationDivisionCode" } => "location",
        RatioCondition r => $"ratio:{r.Numerator}/{r.Denominator}",
        DurationCondition d => $"duration:{d.Fact}",
        GrowthCondition g => $"growth:{g.Fact}",
        RegistrationCondition => "registration",
        LookbackCondition => "lookback",
        AttestationCondition a => $"attestation:{a.Attestation}",
        KOfNCondition => "kOfN",
        _ => "other:" + c.Id,
    };

    private static ComparisonItem? ItemOf(Condition c, string? note)
    {
        if (c is ReviewCondition)
        {
            return null;
        }

        var row = PolicyText.Row(c);
        var text = c switch
        {
            KOfNCondition k => $"{k.QualifierWord} {k.K} 项（共 {k.Functions.Count} 项）：" + string.Join("；",
                row.Group!.Functions.Select(f => $"{f.Label} {string.Join("、", f.Volumes)}")),
            RatioCondition r => PolicyText.Phrase(r.Bound),
            AttestationCondition => "须承诺并提供证明",
            _ => row.Required ?? c.Requirement,
        };
        return new ComparisonItem(text, c.Citation, note);
    }

    private static string LabelOf(string concept)
    {
        var colon = concept.IndexOf(':', StringComparison.Ordinal);
        var key = colon < 0 ? concept : concept[(colon + 1)..];
        return concept.StartsWith("attestation:", StringComparison.Ordinal)
            ? FactCatalogue.LabelOf(FactCatalogue.AttestationKey(key))
            : FactCatalogue.LabelOf(key);
    }
}
