using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Surveys;

/// <summary>
/// Issue 8 item 2: two officers with the same sample open, each records a different enterprise. The first is saved; the
/// second officer's sheet (rendered before, with the first enterprise still blank) is refused with the Chinese message
/// instead of erasing the first answer, and the page then shows the answers as they now are.
/// </summary>
public sealed class SamplingConcurrencyTests(SurveyFactory app) : IClassFixture<SurveyFactory>
{
    private const string ConcurrencyMessage = "保存失败：该记录已被他人修改或删除。请刷新页面查看最新内容后再修改。";

    [Fact]
    public async Task A_stale_answer_sheet_is_refused_and_erases_nothing()
    {
        Guid carrier;
        using (var scope = app.Services.CreateScope())
            carrier = await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<Carrier>().Where(c => c.Name == "盘龙众创空间").Select(c => c.Id).SingleAsync();
        var county = await app.SignedInAsync("km.panlong");
        var city = await app.SignedInAsync("km.city");
        var drawn = await county.PostFormAsync($"/Base/{carrier}/Sampling", new Dictionary<string, string> { ["Year"] = "2025", ["SharePercent"] = "50", ["ConfirmRedraw"] = "true", ["RedrawReason"] = "测试：另抽一份样本" }, formSelector: "form#draw");
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        var url = drawn.Headers.Location!.OriginalString;
        var sample = Guid.Parse(url.Split('/')[^1]);

        // Both open the sheet.
        var countySheet = (await county.GetDocumentAsync(url)).QuerySelector<IHtmlFormElement>("form#answers")!;
        var citySheet = (await city.GetDocumentAsync(url)).QuerySelector<IHtmlFormElement>("form#answers")!;
        var first = countySheet.QuerySelector("input[name='Rows[0].EnterpriseId']")!.GetAttribute("value")!;
        var second = countySheet.QuerySelector("input[name='Rows[1].EnterpriseId']")!.GetAttribute("value")!;

        Dictionary<string, string> Fill(IHtmlFormElement form, int row, string satisfied)
        {
            var values = HttpClientExtensions.FormValues(form).ToDictionary(v => v.Key, v => v.Value);
            values[$"Rows[{row}].Satisfied"] = satisfied;
            values[$"Rows[{row}].ContactMethod"] = "Phone";
            return values;
        }

        var saved = await county.PostAsync(url, new FormUrlEncodedContent(Fill(countySheet, 0, "true")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stale = await city.PostAsync(url, new FormUrlEncodedContent(Fill(citySheet, 1, "false")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.ToDocumentAsync();
        Assert.Contains(ConcurrencyMessage, page.Errors());
        // The page now shows the county officer's answer, so nothing is re-posted blank over it.
        Assert.NotNull(page.QuerySelector("input[name='Rows[0].Satisfied'][value=true][checked]"));

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            var answers = await db.Set<SurveySampleAnswer>().Where(a => a.SampleId == sample).ToListAsync();
            var kept = Assert.Single(answers, a => a.EnterpriseId == Guid.Parse(first));
            Assert.True(kept.Satisfied);
            Assert.DoesNotContain(answers, a => a.EnterpriseId == Guid.Parse(second));
        }

        // Re-filled on the fresh sheet, the second officer's answer is saved next to the first.
        var fresh = (await city.GetDocumentAsync(url)).QuerySelector<IHtmlFormElement>("form#answers")!;
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync(url, new FormUrlEncodedContent(Fill(fresh, 1, "false")))).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            Assert.Equal(2, await db.Set<SurveySampleAnswer>().CountAsync(a => a.SampleId == sample));
        }
    }
}
