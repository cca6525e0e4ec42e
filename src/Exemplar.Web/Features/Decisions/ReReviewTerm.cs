namespace Exemplar.Web.Features.Decisions;

/// <summary>
/// Where the new term of a base that passed its 复核 starts: the day after the old term's last day when the decision comes
/// before or on it, so the title runs on without a gap; the announcement day when the decision comes later (the title stood
/// as 复核中 in between).
/// </summary>
public static class ReReviewTerm
{
    public static DateOnly RenewedFrom(DateOnly? previousLastDay, DateOnly announced) =>
        previousLastDay is { } end && end >= announced ? end.AddDays(1) : announced;
}
