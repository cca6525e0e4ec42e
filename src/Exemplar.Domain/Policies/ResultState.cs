namespace Exemplar.Domain.Policies;

/// <summary>The five outcomes of one condition; never collapsed into a boolean.</summary>
public enum ResultState
{
    Met,
    NotMet,
    MissingData,
    PendingReview,
    NotApplicable,
}

public enum Verdict
{
    /// <summary>Every quantitative condition is met; qualitative items still go to the reviewer.</summary>
    MeetsAllQuantitative,
    DoesNotMeet,
    PendingReview,
    MissingData,
}

public static class ResultStateText
{
    public static string ToChinese(this ResultState state) => state switch
    {
        ResultState.Met => "符合",
        ResultState.NotMet => "不符合",
        ResultState.MissingData => "缺少数据",
        ResultState.PendingReview => "待评审",
        ResultState.NotApplicable => "不适用",
        _ => state.ToString(),
    };

    public static string ToChinese(this Verdict verdict) => verdict switch
    {
        Verdict.MeetsAllQuantitative => "符合全部量化条件（定性事项待评审）",
        Verdict.DoesNotMeet => "不符合",
        Verdict.PendingReview => "待评审",
        Verdict.MissingData => "缺少数据",
        _ => verdict.ToString(),
    };
}
