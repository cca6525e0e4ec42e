namespace Exemplar.Domain.Calendar;

/// <summary>Raised when holiday data is inconsistent; <see cref="Errors"/> holds every problem in Chinese.</summary>
public sealed class CalendarValidationException : Exception
{
    public CalendarValidationException(IReadOnlyList<string> errors)
        : base("节假日数据有误：" + string.Join("；", errors))
    {
        Errors = errors;
    }

    public CalendarValidationException()
        : this(["未知错误"])
    {
    }

    public CalendarValidationException(string message)
        : this([message])
    {
    }

    public CalendarValidationException(string message, Exception innerException)
        : base("节假日数据有误：" + message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; }
}
