using System.Text.Json.Nodes;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

/// <summary>The loader refuses a workflow section that cannot mean what the workflow needs, naming the JSON path in Chinese.</summary>
public class PolicyRulesLoaderTests
{
    private static JsonObject File(string id) =>
        JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(PolicyFiles.Directory, id + ".json")))!.AsObject();

    private static IReadOnlyList<PolicyLoadError> ErrorsAfter(string id, Action<JsonObject> mutate)
    {
        var json = File(id);
        mutate(json);
        return PolicyLoader.TryLoad(json.ToJsonString(), "bad.json").Errors;
    }

    private static void AssertError(IReadOnlyList<PolicyLoadError> errors, string path, string words)
    {
        Assert.True(errors.Any(e => e.Path == path && e.Message.Contains(words, StringComparison.Ordinal)),
            $"expected {path} “{words}”, got: " + string.Join(" | ", errors.Select(e => $"{e.Path} {e.Message}")));
    }

    [Fact]
    public void An_unknown_carrier_type_and_a_platform_type_in_a_base_programme_are_refused()
    {
        var errors = ErrorsAfter("kunming-base-2022", j =>
        {
            j["applicants"]!["carrierTypes"]![0]!["type"] = "coworking";
            j["applicants"]!["carrierTypes"]![1]!["type"] = "researchInstitute";
        });
        AssertError(errors, "$.applicants.carrierTypes[0].type", "未知载体类型");
        AssertError(errors, "$.applicants.carrierTypes[1].type", "与本政策类别不符");
    }

    [Fact]
    public void A_condition_may_not_take_an_id_the_loader_derives_from_article_3()
    {
        AssertError(ErrorsAfter("kunming-base-2022", j => j["conditions"]![0]!["id"] = "applicant-type"), "$.conditions[0].id", "重复");
    }

    [Fact]
    public void A_recommendation_level_with_the_wrong_role_an_unknown_role_or_no_form_scope_is_refused()
    {
        var errors = ErrorsAfter("kunming-base-2022", j =>
        {
            var level = j["procedure"]!["recommendation"]!["levels"]![0]!;
            level["authorities"]![0]!["roles"] = new JsonArray("ZoneOfficer");
            level["authorities"]![1]!["roles"] = new JsonArray("ZoneOfficer", "Mayor");
            level.AsObject().Remove("formScope");
            level["satisfactionSampling"]!["minimumPercent"] = 110;
        });
        var level = "$.procedure.recommendation.levels[0]";
        AssertError(errors, $"{level}.authorities[0].roles", "CountyOfficer");
        AssertError(errors, $"{level}.authorities[1].roles", "未知的办理角色");
        AssertError(errors, $"{level}.formScope", "formScope");
        AssertError(errors, $"{level}.satisfactionSampling.minimumPercent", "0 至 100");
    }

    [Fact]
    public void Recommendation_and_application_must_agree()
    {
        var errors = ErrorsAfter("beijing-base", j => j["procedure"]!["application"]!["submitTo"] = "recommendingAuthority");
        AssertError(errors, "$.procedure.application.submitTo", "无推荐环节");
        errors = ErrorsAfter("kunming-base-2022", j => j["procedure"]!["recommendation"]!["levels"] = new JsonArray());
        AssertError(errors, "$.procedure.recommendation.levels", "至少列出一级");
    }

    [Fact]
    public void Expert_review_site_inspection_and_notice_are_checked()
    {
        var errors = ErrorsAfter("kunming-base-2022", j =>
        {
            j["procedure"]!["expertReview"]!["mode"] = "sometimes";
            j["procedure"]!["siteInspection"]!["mode"] = "always";
            j["procedure"]!["publicNotice"]!["qualifier"] = "以上";
        });
        AssertError(errors, "$.procedure.expertReview.mode", "perCall");
        AssertError(errors, "$.procedure.siteInspection.mode", "ifNeeded");
        AssertError(errors, "$.procedure.publicNotice.qualifier", "未出现在引文");
    }

    [Fact]
    public void A_ban_or_an_outcome_naming_a_ground_that_does_not_exist_is_refused()
    {
        var errors = ErrorsAfter("beijing-base", j =>
        {
            j["management"]!["reapplicationBans"]![0]!["grounds"]![0] = "fraud";
            j["management"]!["evaluation"]!["outcomes"]![0]!["ground"] = "failed";
            j["management"]!["evaluation"]!["nonParticipationGrade"] = "差";
        });
        AssertError(errors, "$.management.reapplicationBans[0].grounds", "不存在的撤销情形“fraud”");
        AssertError(errors, "$.management.evaluation.outcomes[0].ground", "不存在的撤销情形“failed”");
        AssertError(errors, "$.management.evaluation.nonParticipationGrade", "不是 outcomes 中的评价等次");
    }

    [Fact]
    public void Validity_reapplication_and_change_filing_are_checked()
    {
        var errors = ErrorsAfter("beijing-base", j =>
        {
            j["management"]!["validity"]!.AsObject().Remove("note");
            j["management"]!["reapplication"]!["whileValid"] = "forbidden";
            j["management"]!["changeFiling"]!["countsFrom"] = "approval";
            j["management"]!["changeFiling"]!["workingDays"] = 0;
        });
        AssertError(errors, "$.management.validity.note", "未规定有效期");
        AssertError(errors, "$.management.reapplication.whileValid", "没有有效期");
        AssertError(errors, "$.management.changeFiling.countsFrom", "occurrence");
        AssertError(errors, "$.management.changeFiling.workingDays", "1 至 90");
    }

    [Fact]
    public void A_count_by_registration_needs_the_region_it_counts()
    {
        var errors = ErrorsAfter("beijing-base", j =>
        {
            var branch = j["conditions"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "residents-and-concentration")!["branches"]![0]!["conditions"]![0]!;
            branch.AsObject().Remove("registeredIn");
        });
        Assert.Contains(errors, e => e.Path.EndsWith(".registeredIn", StringComparison.Ordinal) && e.Message.Contains("按注册地统计", StringComparison.Ordinal));
    }

    [Fact]
    public void A_retired_fact_names_its_replacements()
    {
        var errors = ErrorsAfter("kunming-base-2022", j => j["conditions"]![2]!["fact"] = "operatingSince");
        AssertError(errors, "$.conditions[2].fact", "baseFoundedOn");
    }

    [Fact]
    public void Undertakings_name_who_signs()
    {
        AssertError(ErrorsAfter("kunming-base-2022", j => j["undertakings"]![0]!["signedBy"] = new JsonArray("chairman")),
            "$.undertakings[0].signedBy", "legalRepresentative");
    }
}
