using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Exemplar.Cli;
using Exemplar.Domain.Policies;
using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Policies;

public sealed class PolicyApiTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static string Root => TestDatabase.RepositoryRoot();

    private static string ExamplePath => Path.Combine(Root, "policies", "examples", "kunming-profile.example.json");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string WithPolicy(string profileJson, string policyId)
    {
        var node = JsonNode.Parse(profileJson)!.AsObject();
        node["policyId"] = policyId;
        return node.ToJsonString();
    }

    [Fact]
    public async Task Evaluate_returns_the_engines_states_for_the_example_profile()
    {
        var json = await File.ReadAllTextAsync(ExamplePath);
        var response = await app.Client().PostAsync("/api/v1/eligibility/evaluate", Json(WithPolicy(json, "kunming-base-2022")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var result = Assert.Single(body["results"]!.AsArray())!;

        var policyPath = Path.Combine(Root, "policies", "kunming-base-2022.json");
        var policy = PolicyLoader.Load(await File.ReadAllTextAsync(policyPath), "kunming-base-2022.json");
        var engine = EligibilityEvaluator.Evaluate(policy, ProfileJson.Parse(json));
        Assert.Equal("kunming-base-2022", (string?)result["policyId"]);
        Assert.Equal(policy.Version, (string?)result["policyVersion"]);
        Assert.Equal(policy.ContentHash, (string?)result["policyHash"]);
        Assert.Equal(engine.Verdict.ToString(), (string?)result["verdict"]);
        var apiStates = result["conditions"]!.AsArray().ToDictionary(c => (string)c!["conditionId"]!, c => (string)c!["state"]!);
        Assert.Equal(engine.Conditions.ToDictionary(c => c.ConditionId, c => c.State.ToString()), apiStates);

        // From the seed: 第六条第（三）项 不少于40家, the profile has 37.
        var residents = result["conditions"]!.AsArray().Single(c => (string)c!["conditionId"]! == "resident-count")!;
        Assert.Equal("NotMet", (string?)residents["state"]);
        Assert.Equal("未达标", (string?)residents["stateText"]);
        Assert.Equal("第六条第（三）项", (string?)residents["citation"]);
        Assert.Equal("还差 3 家", (string?)residents["shortfall"]);
        Assert.Equal("ledger", (string?)residents["source"]);
    }

    [Fact]
    public async Task Evaluate_without_policy_id_covers_every_programme()
    {
        var response = await app.Client().PostAsync("/api/v1/eligibility/evaluate", Json(await File.ReadAllTextAsync(ExamplePath)));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(
            ["beijing-base", "kunming-base-2022", "liaocheng-base-2021", "xizang-base-2017", "xizang-platform-2022"],
            body["results"]!.AsArray().Select(r => (string)r!["policyId"]!).ToArray());
    }

    [Theory]
    [InlineData("{\"referenceDate\": \"2026-03-31\", \"facts\": {\"smallMicroEmployeeCount\": \"很多\"}}", "$.facts.smallMicroEmployeeCount", "应为数字")]
    [InlineData("{\"facts\": {}}", "$.referenceDate", "缺少基准日期")]
    [InlineData("{\"referenceDate\": \"2026-03-31\", \"facts\": {\"unknownFact\": 1}}", "$.facts.unknownFact", "未知事实项")]
    [InlineData("{\"referenceDate\": \"2026-03-31\", \"policyId\": \"nope\"}", "$.policyId", "没有标识为")]
    [InlineData("{\"referenceDate\": ", "$", "不是有效的 JSON")]
    public async Task Bad_input_is_a_400_problem_in_chinese_with_the_path(string body, string path, string message)
    {
        var response = await app.Client().PostAsync("/api/v1/eligibility/evaluate", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(path, (string?)problem["path"]);
        Assert.Contains(message, (string?)problem["detail"]);
        Assert.Equal(400, (int?)problem["status"]);
    }

    [Fact]
    public async Task Catalogue_and_one_programme_as_json()
    {
        var client = app.Client();
        var list = JsonNode.Parse(await client.GetStringAsync("/api/v1/policies"))!.AsArray();
        Assert.Equal(5, list.Count);
        var liaocheng = list.Single(p => (string)p!["id"]! == "liaocheng-base-2021")!;
        Assert.Equal("2021-12-04", (string?)liaocheng["effectiveFrom"]);
        Assert.Equal("2026-12-03", (string?)liaocheng["effectiveTo"]);
        Assert.Equal("InForce", (string?)liaocheng["status"]);
        Assert.Equal("DateNotSet", (string?)list.Single(p => (string)p!["id"]! == "beijing-base")!["status"]);

        var kunming = JsonNode.Parse(await client.GetStringAsync("/api/v1/policies/kunming-base-2022"))!;
        var residents = kunming["conditions"]!.AsArray().Single(c => (string)c!["id"]! == "resident-count")!;
        Assert.Equal("第六条第（三）项", (string?)residents["citation"]);
        Assert.Equal("入驻小微企业数 不少于 40 家", (string?)residents["required"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/policies/nope")).StatusCode);
    }

    [Fact]
    public async Task Command_line_prints_the_same_json_as_the_api()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = EvaluateCommand.Run(["evaluate", ExamplePath, "--policy", "kunming-base-2022", "--policies", Path.Combine(Root, "policies")], stdout, stderr);
        Assert.Equal(EvaluateCommand.Evaluated, code);
        Assert.Equal("", stderr.ToString());

        var api = await app.Client().PostAsync("/api/v1/eligibility/evaluate", Json(WithPolicy(await File.ReadAllTextAsync(ExamplePath), "kunming-base-2022")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await api.Content.ReadAsStringAsync()), JsonNode.Parse(stdout.ToString())));
    }

    [Fact]
    public void Command_line_refuses_bad_input_with_exit_code_2_and_a_chinese_message()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"bad-profile-{Guid.NewGuid():N}.json");
        File.WriteAllText(bad, "{\"referenceDate\": \"2026-03-31\", \"facts\": {\"smallMicroEmployeeCount\": -1}}");
        try
        {
            var stderr = new StringWriter();
            var code = EvaluateCommand.Run(["evaluate", bad, "--policies", Path.Combine(Root, "policies")], new StringWriter(), stderr);
            Assert.Equal(EvaluateCommand.BadInput, code);
            Assert.Contains("$.facts.smallMicroEmployeeCount", stderr.ToString());
            Assert.Contains("应在 0 至 1000000 人之间，您填写了 -1", stderr.ToString());

            stderr = new StringWriter();
            Assert.Equal(2, EvaluateCommand.Run(["evaluate", ExamplePath, "--policy", "nope", "--policies", Path.Combine(Root, "policies")], new StringWriter(), stderr));
            Assert.Contains("没有标识为“nope”的政策", stderr.ToString());
            Assert.Equal(2, EvaluateCommand.Run(["evaluate"], new StringWriter(), new StringWriter()));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task Preview_counts_profiles_a_stricter_draft_would_exclude()
    {
        // Draft: 第六条第（三）项 raised from 40 to 41 家. The Kunming base case profile sits exactly at 40.
        var current = await File.ReadAllTextAsync(Path.Combine(Root, "policies", "kunming-base-2022.json"));
        var draft = JsonNode.Parse(current)!;
        var residents = draft["conditions"]!.AsArray().Single(c => (string)c!["id"]! == "resident-count")!;
        residents["value"] = 41;
        residents["quote"] = "基地入驻小微企业不少于41家";
        draft["version"] = "2022.1-draft";

        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostAsync("/api/v1/policies/kunming-base-2022/preview", Json(draft.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True((int)preview["newlyExcluded"]! >= 1);
        Assert.Equal(0, (int)preview["newlyQualified"]!);
        Assert.True((int)preview["profiles"]! > 10);
        Assert.True((int)preview["changesByCondition"]!["resident-count"]! >= 1);

        var designating = await app.SignedInAsync("km.city");
        Assert.Equal(HttpStatusCode.OK, (await designating.PostAsync("/api/v1/policies/kunming-base-2022/preview", Json(draft.ToJsonString()))).StatusCode);
        var applicant = await app.SignedInAsync("km.applicant");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync("/api/v1/policies/kunming-base-2022/preview", Json(draft.ToJsonString()))).StatusCode);
    }

    [Fact]
    public async Task Preview_of_a_broken_draft_is_a_400_with_the_path()
    {
        var current = await File.ReadAllTextAsync(Path.Combine(Root, "policies", "kunming-base-2022.json"));
        var draft = JsonNode.Parse(current)!;
        draft["conditions"]!.AsArray().Single(c => (string)c!["id"]! == "resident-count")!["qualifier"] = "大约";
        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostAsync("/api/v1/policies/kunming-base-2022/preview", Json(draft.ToJsonString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("$.conditions[", (string?)problem["path"]);
        Assert.Contains("草案", (string?)problem["title"]);
    }
}
