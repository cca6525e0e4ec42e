using Exemplar.Web.Features.Reviews.Experts;

namespace Exemplar.Web.Features.Reviews;

/// <summary>Expert review (专家评审): the expert pool, the draw, declarations, scores, aggregation and the shortlist.</summary>
public static class ReviewsSetup
{
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<SaveExpertHandler>();
        s.AddScoped<ExpertImport>();
        s.AddScoped<ReviewQueue>();
        s.AddScoped<SaveReviewSettingsHandler>();
        s.AddScoped<SaveRubricHandler>();
        s.AddScoped<DrawPanelsHandler>();
        s.AddScoped<AssignmentLoader>();
        s.AddScoped<DeclareHandler>();
        s.AddScoped<SubmitScoresHandler>();
        s.AddScoped<ReviewResults>();
        s.AddScoped<FixShortlistHandler>();
        s.AddScoped<Infrastructure.Data.IStartupSeeder, ExpertDemoSeeder>();
        return builder;
    }
}
