using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// Failures that are not the product's bug, answered with what they are instead of a logged 500:
/// the database cannot be reached → 503 with Retry-After; a bad request body (too large, malformed form) → its 4xx;
/// a record outside the user's scope → 404; text PostgreSQL cannot store (a NUL byte that got past the guards) → 400.
/// </summary>
internal sealed class KnownFailureHandler(IOptions<RequestOptions> options, ILogger<KnownFailureHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        if (ctx.Response.HasStarted) return false;
        if (IsDatabaseUnavailable(exception))
        {
            log.LogWarning("数据库暂时无法连接，已答复 503：{Message}", exception.GetBaseException().Message);
            ctx.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ErrorResponses.WriteAsync(ctx, StatusCodes.Status503ServiceUnavailable, "服务暂时不可用",
                $"系统数据库暂时无法连接，您的操作未能完成。请在{options.Value.RetryAfterSeconds}秒后重试；已提交的表单重试时不会重复保存。");
            return true;
        }
        switch (Find<Exception>(exception, e => e is BadHttpRequestException or InvalidDataException or RecordNotFoundException
                                                || e is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }))
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                await ErrorResponses.WriteAsync(ctx, 413, "提交的内容过大", "提交的内容超过了允许的大小，未作任何处理。");
                return true;
            case BadHttpRequestException bad:
                await ErrorResponses.WriteAsync(ctx, bad.StatusCode, "请求有误", "提交的内容无法处理，未作任何处理。请返回后重试。");
                return true;
            case InvalidDataException:
                await ErrorResponses.WriteAsync(ctx, 400, "请求有误", "提交的表单格式无效或字段过多，未作任何处理。");
                return true;
            case RecordNotFoundException:
                await ErrorResponses.WriteAsync(ctx, 404, "记录不存在", "您要处理的记录不存在，或不在您的管辖范围内。");
                return true;
            case PostgresException:
                await ErrorResponses.WriteAsync(ctx, 400, "请求有误", "提交的内容包含无法保存的字符（如空字符），未作任何保存。");
                return true;
            default:
                return false;
        }
    }

    /// <summary>Connection refused or broken, server shutting down or starting, too many connections, retries used up.</summary>
    public static bool IsDatabaseUnavailable(Exception exception) =>
        Find<Exception>(exception, e => e switch
        {
            RetryLimitExceededException => true,
            PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                    || pg.SqlState == PostgresErrorCodes.TooManyConnections,
            NpgsqlException npgsql => npgsql.IsTransient,
            _ => false,
        }) is not null;

    private static T? Find<T>(Exception? e, Func<Exception, bool> match) where T : Exception
    {
        for (var depth = 0; e is not null && depth < 10; depth++, e = e.InnerException)
        {
            if (match(e)) return (T)e;
            if (e is AggregateException { InnerExceptions.Count: > 0 } agg && Find<T>(agg.InnerExceptions[0], match) is { } inner) return inner;
        }
        return null;
    }
}
