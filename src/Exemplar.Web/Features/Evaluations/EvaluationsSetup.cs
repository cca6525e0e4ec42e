namespace Exemplar.Web.Features.Evaluations;

/// <summary>Evaluation rounds (测评 / 绩效评价和星级评定), their outcomes and 择优推荐.</summary>
public static class EvaluationsSetup
{
    public static WebApplicationBuilder AddEvaluations(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<RoundLoader>();
        s.AddScoped<EvaluationQueries>();
        s.AddScoped<OpenRoundHandler>();
        s.AddScoped<SaveRoundSettingsHandler>();
        s.AddScoped<OpenScoringHandler>();
        s.AddScoped<EvaluationTaskLoader>();
        s.AddScoped<EvaluationDeclareHandler>();
        s.AddScoped<EvaluationScoreHandler>();
        s.AddScoped<ConfirmOutcomeHandler>();
        s.AddScoped<RecommendationList>();
        s.AddScoped<SaveCandidateHandler>();
        return builder;
    }
}
