using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Policies;

/// <summary>
/// An operator checks one of its carriers for a programme and year in one click from the carrier's page (issue 9):
/// the form is filled from the records and each figure is marked with its source; other organisations' carriers are refused.
/// </summary>
public sealed class SelfCheckFromLedgerTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static string Text(IElement? e) => e?.TextContent ?? "";

    private async Task<Guid> CarrierAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Exemplar.Web.Infrastructure.Data.ExemplarDbContext>();
        return await db.Set<Carrier>().Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task The_carrier_page_links_to_the_self_check_filled_from_its_ledger()
    {
        var client = await app.SignedInAsync("km.applicant");
        var id = await CarrierAsync("昆明五华创新创业园");
        var overview = await client.GetDocumentAsync($"/Base/{id}");
        var link = overview.QuerySelector<IHtmlAnchorElement>("a.self-check-link");
        Assert.NotNull(link);
        Assert.Equal($"/Policies/SelfCheck?carrier={id}&year=2025", link!.GetAttribute("href"));

        var page = await client.GetDocumentAsync(link.GetAttribute("href")! + "&policy=kunming-base-2022");
        Assert.Empty(page.Errors());
        Assert.Contains("2025 年度", Text(page.QuerySelector(".ledger-source")));
        // The resident count comes from the records, is marked as such, and the result shows the ledger as its source.
        var residents = page.QuerySelector<IHtmlInputElement>("input[name='f.residentSmallMicroCount']")!;
        Assert.Matches("^[0-9]+$", residents.Value);
        Assert.Contains("来自台账", Text(residents.ParentElement));
        Assert.Contains("服务台账", Text(page.QuerySelector("article[data-policy=kunming-base-2022] tr[data-condition=resident-count] .source")));
        Assert.NotNull(page.QuerySelector("input[type=hidden][name='ledger.f.residentSmallMicroCount']"));
        Assert.NotNull(page.QuerySelector(".evaluation-summary .summary-card[data-policy=kunming-base-2022]"));
    }

    [Fact]
    public async Task A_figure_changed_by_hand_is_marked_hand_entered_the_others_keep_the_ledger()
    {
        var client = await app.SignedInAsync("km.applicant");
        var id = await CarrierAsync("昆明五华创新创业园");
        var url = $"/Policies/SelfCheck?carrier={id}&year=2025&policy=kunming-base-2022";
        var response = await client.SubmitAsIsAsync(url, new Dictionary<string, string> { ["f.mentorCount"] = "7" }, formSelector: "form.fact-form");
        var page = await response.ToDocumentAsync();
        Assert.Empty(page.Errors());
        Assert.Equal("申报表填写", Text(page.QuerySelector("article[data-policy=kunming-base-2022] tr[data-condition=mentors] .source")).Trim());
        Assert.Equal("服务台账", Text(page.QuerySelector("article[data-policy=kunming-base-2022] tr[data-condition=resident-count] .source")).Trim());
    }

    [Fact]
    public async Task Another_organisations_carrier_is_refused_and_anonymous_users_are_asked_to_sign_in()
    {
        var foreign = await CarrierAsync("聊城东昌创业孵化园");
        var response = await (await app.SignedInAsync("km.applicant")).GetAsync($"/Policies/SelfCheck?carrier={foreign}&year=2025");
        Assert.Contains("/Error/403", response.Headers.Location?.OriginalString ?? "");
        var anonymous = await app.Client().GetAsync($"/Policies/SelfCheck?carrier={foreign}&year=2025");
        Assert.Contains("/Account/SignIn", anonymous.Headers.Location?.OriginalString ?? "");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("km.applicant")).GetAsync($"/Policies/SelfCheck?carrier={Guid.NewGuid()}")).StatusCode);
        // An officer whose jurisdiction covers the carrier may check it too.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("lc.dongchangfu")).GetAsync($"/Policies/SelfCheck?carrier={foreign}&year=2025")).StatusCode);
    }
}
