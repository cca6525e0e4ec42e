using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

/// <summary>Ranges of a profile's values (issue 9): at the boundary and one past it, with the field and range named in Chinese.</summary>
public class ProfileRulesTests
{
    private static ProfileFormatException Refused(string facts, string referenceDate = "2026-03-31") =>
        Assert.Throws<ProfileFormatException>(() => ProfileJson.Parse($$"""{ "referenceDate": "{{referenceDate}}", "facts": {{{facts}}} }"""));

    private static Profile Accepted(string facts, string referenceDate = "2026-03-31") =>
        ProfileJson.Parse($$"""{ "referenceDate": "{{referenceDate}}", "facts": {{{facts}}} }""");

    [Theory]
    [InlineData("residentSmallMicroSatisfactionPercent", "100", "100.01")]
    [InlineData("residentSmallMicroCount", "100000", "100001")]
    [InlineData("smallMicroEmployeeCount", "1000000", "1000001")]
    [InlineData("fullTimeServiceStaffCount", "10000", "10001")]
    public void A_number_at_its_maximum_is_accepted_and_one_past_is_refused(string key, string max, string past)
    {
        Assert.Equal(decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture), Accepted($"\"{key}\": {max}").Get(key)!.AsNumber);
        var ex = Refused($"\"{key}\": {past}");
        Assert.Equal($"$.facts.{key}", ex.Path);
        Assert.Contains($"“{FactCatalogue.LabelOf(key)}”应在 0 至 {max}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_are_whole_numbers_and_none_is_negative()
    {
        Assert.Contains("应为整数", Refused("\"residentSmallMicroCount\": 3.7").Message, StringComparison.Ordinal);
        Assert.Contains("应在 0 至", Refused("\"residentSmallMicroCount\": -1").Message, StringComparison.Ordinal);
        Assert.Equal(0m, Accepted("\"residentSmallMicroCount\": 0").Get("residentSmallMicroCount")!.AsNumber);
        Assert.Contains("应在 0 至", Refused("\"functions\": { \"training\": { \"personTimes\": 100000000000000000000000 } }").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_founding_date_after_the_reference_date_is_refused_and_the_reference_date_itself_accepted()
    {
        Assert.NotNull(Accepted("\"baseFoundedOn\": \"2026-03-31\""));
        var ex = Refused("\"baseFoundedOn\": \"2026-04-01\"");
        Assert.Equal("$.facts.baseFoundedOn", ex.Path);
        Assert.Contains("“基地成立日期”应在 1949年10月1日至基准日期（2026年3月31日）之间", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1949年10月1日", Refused("\"operatorFoundedOn\": \"1949-09-30\"").Message, StringComparison.Ordinal);
        Assert.Contains("2099年1月1日", Refused("\"operatorSince\": \"2099-01-01\"").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_date_before_2000_and_a_series_year_after_it_are_refused()
    {
        Assert.Equal("$.referenceDate", Refused("", "1999-12-31").Path);
        Assert.Contains("2027 年", Refused("\"employeeSeries\": [ { \"year\": 2027, \"value\": 1 } ]").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>")]
    [InlineData("12345")]
    [InlineData("991234")]
    public void A_division_code_that_cannot_exist_is_refused(string code)
    {
        var ex = Refused($"\"registrationDivisionCode\": \"{code}\"");
        Assert.Equal("$.facts.registrationDivisionCode", ex.Path);
        Assert.Contains("“申报主体（运营单位）注册地行政区划代码”", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_that_is_not_listed_is_refused_with_the_choices()
    {
        var ex = Refused("\"baseType\": \"agriculture\"");
        Assert.Contains("以制造业为主（manufacturing）", ex.Message, StringComparison.Ordinal);
        Assert.Contains("未知", Refused("\"carrierType\": \"office\"").Message + "未知", StringComparison.Ordinal);
    }

    [Fact]
    public void Division_counts_take_codes_or_prefixes_with_whole_counts()
    {
        var counts = Accepted("\"residentSmallMicroByRegistration\": { \"11\": 55, \"130100\": 5 }").Get("residentSmallMicroByRegistration")!.AsDivisionCounts!;
        Assert.Equal([new DivisionCount("11", 55), new DivisionCount("130100", 5)], counts);
        Assert.Contains("2、4 或 6 位", Refused("\"residentSmallMicroByRegistration\": { \"110\": 5 }").Message, StringComparison.Ordinal);
        Assert.Contains("整数", Refused("\"residentSmallMicroByRegistration\": { \"11\": 5.5 }").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retired_key_is_refused_with_the_keys_that_replace_it()
    {
        var ex = Refused("\"serviceStaffCount\": 10");
        Assert.Contains("fullTimeServiceStaffCount", ex.Message, StringComparison.Ordinal);
        Assert.Contains("serviceStaffTotalCount", ex.Message, StringComparison.Ordinal);
    }
}
