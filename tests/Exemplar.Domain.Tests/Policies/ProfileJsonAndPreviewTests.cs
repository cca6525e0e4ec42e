using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

public class ProfileJsonAndPreviewTests
{
    [Fact]
    public void A_profile_reads_values_sources_functions_series_penalties_and_attestations()
    {
        var profile = ProfileJson.Parse("""
            { "referenceDate": "2026-03-31", "applicationDeadline": "2026-04-30",
              "facts": {
                "baseFoundedOn": "2019-05-01",
                "residentSmallMicroCount": { "value": 52, "source": "ledger" },
                "employeeSeries": [ { "year": 2025, "value": 110 }, { "year": 2024, "value": 100 } ],
                "penalties": [],
                "functions": { "informationService": { "enterpriseVisits": 90, "events": 5 } },
                "attestations": { "independentLegalPerson": { "value": true, "evidence": ["营业执照.pdf"] } } } }
            """);
        Assert.Equal(new DateOnly(2026, 4, 30), profile.ApplicationDeadline);
        Assert.Equal(("form", new DateOnly(2019, 5, 1)), (profile.Get("baseFoundedOn")!.Source, profile.Get("baseFoundedOn")!.AsDate!.Value));
        Assert.Equal((52m, "ledger"), (profile.Get("residentSmallMicroCount")!.AsNumber!.Value, profile.Get("residentSmallMicroCount")!.Source));
        Assert.Equal(2024, profile.Get("employeeSeries")!.AsSeries![0].Year);
        Assert.Empty(profile.Get("penalties")!.AsPenalties!);
        Assert.Equal(90m, profile.Get("functions.informationService.enterpriseVisits")!.AsNumber);
        Assert.Equal(["营业执照.pdf"], profile.Get("attestations.independentLegalPerson")!.AsAttestation!.Evidence);
    }

    [Theory]
    [InlineData("""{ "facts": {} }""", "$.referenceDate")]
    [InlineData("""{ "referenceDate": "2026-02-30" }""", "$.referenceDate")]
    [InlineData("""{ "referenceDate": "2026-03-31", "facts": { "residentCount": 3 } }""", "$.facts.residentCount")]
    [InlineData("""{ "referenceDate": "2026-03-31", "facts": { "smallMicroEmployeeCount": "many" } }""", "$.facts.smallMicroEmployeeCount")]
    [InlineData("""{ "referenceDate": "2026-03-31", "facts": { "smallMicroEmployeeCount": -1 } }""", "$.facts.smallMicroEmployeeCount")]
    [InlineData("""{ "referenceDate": "2026-03-31", "facts": { "functions": { "training": { "hours": 3 } } } }""", "$.facts.functions.training.hours")]
    public void A_bad_profile_names_the_path(string json, string path)
    {
        var ex = Assert.Throws<ProfileFormatException>(() => ProfileJson.Parse(json));
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void The_fact_catalogue_covers_every_fact_the_policies_use_with_labels()
    {
        foreach (var policy in PolicyFiles.All)
        {
            foreach (var c in policy.AllConditions())
            {
                var keys = c switch
                {
                    ThresholdCondition t => [t.Fact],
                    RegistrationCondition r => [r.Fact],
                    RatioCondition r => [r.Numerator, r.Denominator],
                    DurationCondition d => [d.Fact],
                    GrowthCondition g => [g.Fact],
                    AttestationCondition a => [FactCatalogue.AttestationKey(a.Attestation)],
                    _ => Array.Empty<string>(),
                };
                Assert.All(keys, k => Assert.False(string.IsNullOrEmpty(FactCatalogue.Get(k).Label)));
            }
        }
    }

    [Fact]
    public void Previewing_a_stricter_draft_counts_who_it_would_exclude()
    {
        var current = PolicyFiles.Get("kunming-base-2022");
        var text = File.ReadAllText(Path.Combine(PolicyFiles.Directory, "kunming-base-2022.json"))
            .Replace("\"version\": \"2022.1\"", "\"version\": \"2026-draft\"", StringComparison.Ordinal)
            .Replace("\"value\": 40,", "\"value\": 45,", StringComparison.Ordinal)
            .Replace("不少于40家", "不少于45家", StringComparison.Ordinal);
        var draft = PolicyLoader.Load(text, "kunming-base-2022.draft.json");
        var baseProfile = PolicyFiles.BaseProfile("kunming-base-2022");
        var profiles = new[] { 40m, 44m, 45m, 60m, 39m }
            .Select(n => baseProfile.With("residentSmallMicroCount", new Fact(n, "ledger")))
            .ToList();
        var preview = PolicyRevisionPreview.Compare(current, draft, profiles);
        Assert.Equal(5, preview.Profiles);
        Assert.Equal(2, preview.NewlyExcluded);
        Assert.Equal(0, preview.NewlyQualified);
        Assert.Equal(2, preview.ChangesByCondition["resident-count"]);
        Assert.Equal(3, preview.Unchanged);
        Assert.NotEqual(current.ContentHash, draft.ContentHash);
    }

    [Fact]
    public void The_example_kunming_profile_fails_one_condition_with_its_article_and_shortfall()
    {
        var profile = ProfileJson.Parse(File.ReadAllText(Path.Combine(PolicyFiles.Directory, "examples", "kunming-profile.example.json")));
        var evaluation = EligibilityEvaluator.Evaluate(PolicyFiles.Get("kunming-base-2022"), profile);
        var failed = Assert.Single(evaluation.AllResults(), r => r.State == ResultState.NotMet && r.Group is null && r.ConditionId.StartsWith("resident", StringComparison.Ordinal));
        Assert.Equal(("第六条第（三）项", "还差 3 家", "ledger"), (failed.Citation, failed.Shortfall, failed.Source));
        Assert.Equal(Verdict.DoesNotMeet, evaluation.Verdict);
        Assert.Single(evaluation.Conditions, r => r.State == ResultState.NotMet);
    }
}
