using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Calls;

/// <summary>Published calls for anyone, as JSON.</summary>
public static class CallsApi
{
    public sealed record SlotDto(int Order, string? Citation, string Text, bool Required, bool Generated, bool IsDeclaration);

    public sealed record CallDto(Guid Id, string Title, string? DocumentNumber, string ProgrammeId, string PolicyVersion, string PolicyHash, int Year,
        string Status, DateOnly OpensOn, DateOnly ApplicationDeadline, DateOnly RecommendationDeadline, DateOnly ReferenceDate, string Contact,
        IReadOnlyList<SlotDto>? Materials);

    public static void MapCallsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/calls", async Task<Ok<IReadOnlyList<CallDto>>> (HttpContext http, CallQuery query) =>
            TypedResults.Ok<IReadOnlyList<CallDto>>((await query.ListAsync(http.User, http.RequestAborted)).Select(c => Dto(c, false)).ToList()))
            .WithTags("申报批次").WithSummary("申报批次（公众可见已发布的批次；认定机关另见本机关的草稿）");
        api.MapGet("/calls/{id:guid}", async Task<Results<Ok<CallDto>, NotFound<ProblemDetails>>> (Guid id, HttpContext http, CallQuery query) =>
            await query.FindAsync(id, http.User, http.RequestAborted) is { } d
                ? TypedResults.Ok(Dto(d.Call, true))
                : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "未找到该申报批次" }))
            .WithTags("申报批次").WithSummary("一个申报批次及其申报材料清单");
    }

    private static CallDto Dto(Call c, bool materials) => new(c.Id, c.Title, c.DocumentNumber, c.ProgrammeId, c.PolicyVersion, c.PolicyHash, c.Year,
        CallLabels.Of(c.Status), c.OpensOn, c.ApplicationDeadline, c.RecommendationDeadline, c.ReferenceDate, c.Contact,
        materials ? c.Slots.OrderBy(s => s.Order).Select(s => new SlotDto(s.Order, s.Citation, s.Text, s.Required, s.Generated, s.IsDeclaration)).ToList() : null);
}
