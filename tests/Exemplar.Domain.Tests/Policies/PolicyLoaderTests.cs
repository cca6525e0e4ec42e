using System.Text.Json.Nodes;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

public class PolicyLoaderTests
{
    [Fact]
    public void Every_file_in_policies_loads_without_errors()
    {
        var paths = PolicyFiles.PolicyPaths().ToList();
        Assert.Equal(5, paths.Count);
        foreach (var path in paths)
        {
            var result = PolicyLoader.TryLoad(File.ReadAllText(path), Path.GetFileName(path));
            Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
            Assert.Equal(Path.GetFileNameWithoutExtension(path), result.Policy!.Id);
        }
    }

    [Fact]
    public void The_five_programmes_have_the_kinds_dates_and_k_of_n_of_the_texts()
    {
        var kinds = PolicyFiles.All.ToDictionary(p => p.Id, p => p.Kind);
        Assert.Equal(CarrierKind.Platform, kinds["xizang-platform-2022"]);
        Assert.Equal(4, kinds.Values.Count(k => k == CarrierKind.Base));
        Assert.Equal(new DateOnly(2021, 12, 4), PolicyFiles.Get("liaocheng-base-2021").EffectiveFrom);
        Assert.Equal(new DateOnly(2026, 12, 3), PolicyFiles.Get("liaocheng-base-2021").EffectiveTo);
        Assert.Null(PolicyFiles.Get("beijing-base").EffectiveFrom);
        Assert.Equal("京经信委发〔2019〕52号", PolicyFiles.Get("beijing-base").Supersedes.Single().DocumentNumber);
        Assert.Equal("昆工信通〔2018〕125号", PolicyFiles.Get("kunming-base-2022").Supersedes.Single().DocumentNumber);
        var k = PolicyFiles.All.ToDictionary(p => p.Id, p => p.Conditions.OfType<KOfNCondition>().Single());
        Assert.Equal((4, 8), (k["xizang-base-2017"].K, k["xizang-base-2017"].Functions.Count));
        Assert.Equal((4, 8), (k["liaocheng-base-2021"].K, k["liaocheng-base-2021"].Functions.Count));
        Assert.Equal((4, 8), (k["kunming-base-2022"].K, k["kunming-base-2022"].Functions.Count));
        Assert.Equal((3, 8), (k["beijing-base"].K, k["beijing-base"].Functions.Count));
        Assert.Equal((1, 5), (k["xizang-platform-2022"].K, k["xizang-platform-2022"].Functions.Count));
    }

    [Fact]
    public void Procedures_and_management_rules_follow_the_texts()
    {
        Assert.Equal(15, PolicyFiles.Get("xizang-base-2017").Procedure.PublicNotice.WorkingDays);
        Assert.Equal(7, PolicyFiles.Get("xizang-platform-2022").Procedure.PublicNotice.WorkingDays);
        var kunming = PolicyFiles.Get("kunming-base-2022");
        Assert.Equal((10, "不少于"), (kunming.Procedure.PublicNotice.WorkingDays, kunming.Procedure.PublicNotice.QualifierWord));
        Assert.True(kunming.Procedure.PublicNotice.AuthorityMayExtend);
        Assert.False(PolicyFiles.Get("xizang-base-2017").Procedure.PublicNotice.AuthorityMayExtend);
        Assert.Equal("第十四条", kunming.Procedure.CollectiveDecision!.Citation);
        Assert.Contains("颁发牌匾", kunming.Procedure.Plaque!.Text, StringComparison.Ordinal);
        Assert.Null(PolicyFiles.Get("liaocheng-base-2021").Procedure.PublicNotice.WorkingDays);
        var liaocheng = PolicyFiles.Get("liaocheng-base-2021").Management;
        Assert.Equal((5, 10, 1, 10), (liaocheng.Validity.Years, liaocheng.ChangeFiling!.WorkingDays, liaocheng.AnnualSummaryDue!.Month, liaocheng.AnnualSummaryDue.Day));
        Assert.Equal(new DateOnly(2027, 1, 20), liaocheng.LocalAnnualReportDue!.In(2027));
        Assert.Equal(ReapplicationRule.Forbidden, liaocheng.Reapplication.WhileValid);
        Assert.True(liaocheng.ReReview!.InExpiryYear);
        Assert.Equal(new DateOnly(2028, 2, 29), kunming.Management.LocalAnnualReportDue!.In(2028));
        var beijing = PolicyFiles.Get("beijing-base").Management;
        Assert.Equal((2, 30), (beijing.ReapplicationBans.Single().Years, beijing.ChangeFiling!.WorkingDays));
        Assert.Equal(3, PolicyFiles.Get("xizang-base-2017").Management.Validity.Years);
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_file_and_changes_with_it()
    {
        var path = PolicyFiles.PolicyPaths().First();
        var text = File.ReadAllText(path);
        var policy = PolicyLoader.Load(text, "a.json");
        Assert.Matches("^[0-9a-f]{64}$", policy.ContentHash);
        Assert.Equal(policy.ContentHash, PolicyLoader.Load(text, "b.json").ContentHash);
        Assert.NotEqual(policy.ContentHash, PolicyLoader.Load(text + "\n", "a.json").ContentHash);
    }

    private static JsonObject Kunming() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(PolicyFiles.Directory, "kunming-base-2022.json")))!.AsObject();

    private static IReadOnlyList<PolicyLoadError> ErrorsAfter(Action<JsonObject> mutate)
    {
        var json = Kunming();
        mutate(json);
        return PolicyLoader.TryLoad(json.ToJsonString(), "bad.json").Errors;
    }

    [Fact]
    public void A_syntax_error_names_the_file_and_line()
    {
        var error = Assert.Single(PolicyLoader.TryLoad("{\n \"id\": \"x\",,\n}", "broken.json").Errors);
        Assert.Equal("broken.json", error.Source);
        Assert.Contains("第 2 行", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_qualifier_is_reported_with_its_path()
    {
        var errors = ErrorsAfter(j => j["conditions"]![5]!["qualifier"] = "大约");
        var error = Assert.Single(errors);
        Assert.Equal(("bad.json", "$.conditions[5].qualifier"), (error.Source, error.Path));
        Assert.Contains("大约", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_qualifier_that_is_not_in_the_quote_is_reported()
    {
        var error = Assert.Single(ErrorsAfter(j => j["conditions"]![5]!["qualifier"] = "以上"));
        Assert.Equal("$.conditions[5].qualifier", error.Path);
    }

    [Fact]
    public void An_unknown_fact_a_missing_field_and_a_bad_date_are_each_reported()
    {
        var errors = ErrorsAfter(j =>
        {
            j["conditions"]![6]!["fact"] = "staffCount";
            j.Remove("issuer");
            j["effectiveFrom"] = "2022-13-01";
        });
        Assert.Contains(errors, e => e.Path == "$.conditions[6].fact" && e.Message.Contains("staffCount", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.issuer");
        Assert.Contains(errors, e => e.Path == "$.effectiveFrom");
        Assert.All(errors, e => Assert.Equal("bad.json", e.Source));
    }

    [Fact]
    public void K_larger_than_the_number_of_functions_is_reported()
    {
        var errors = ErrorsAfter(j => j["conditions"]![23]!["k"] = 9);
        Assert.Contains(errors, e => e.Path == "$.conditions[23].k");
    }

    [Fact]
    public void An_unknown_function_measure_and_duplicate_ids_are_reported()
    {
        var errors = ErrorsAfter(j =>
        {
            j["conditions"]![23]!["functions"]![0]!["measures"]![0]!["measure"] = "visits";
            j["conditions"]![1]!["id"] = "recommended";
        });
        Assert.Contains(errors, e => e.Path == "$.conditions[23].functions[0].measures[0].measure");
        Assert.Contains(errors, e => e.Path == "$.conditions[1].id");
    }

    [Fact]
    public void A_review_item_without_checklist_and_an_unknown_type_are_reported()
    {
        var errors = ErrorsAfter(j =>
        {
            j["conditions"]![4]!.AsObject().Remove("checklist");
            j["conditions"]![5]!["type"] = "minimum";
        });
        Assert.Contains(errors, e => e.Path == "$.conditions[4].checklist");
        Assert.Contains(errors, e => e.Path == "$.conditions[5].type");
    }

    [Fact]
    public void Load_throws_with_every_error_listed()
    {
        var json = Kunming();
        json.Remove("kind");
        json.Remove("title");
        var ex = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(json.ToJsonString(), "bad.json"));
        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("bad.json $.kind", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_policy_ids_across_files_are_refused()
    {
        var text = Kunming().ToJsonString();
        var ex = Assert.Throws<PolicyLoadException>(() => PolicyLoader.LoadAll([("a.json", text), ("b.json", text)]));
        Assert.Equal(("b.json", "$.id"), (ex.Errors[0].Source, ex.Errors[0].Path));
    }
}
