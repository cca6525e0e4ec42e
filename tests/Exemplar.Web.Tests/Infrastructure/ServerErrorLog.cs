using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Exemplar.Web.Tests.Infrastructure;

/// <summary>Keeps the app's last 50 error log entries that carry an exception, numbered in the order they were logged.</summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(long Number, string Text)> _entries = new();
    private long _count;

    /// <summary>How many entries have been logged so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>The entries logged after the first <paramref name="count"/>, joined for a failure message.</summary>
    public string Since(long count) => string.Join("\n", _entries.Where(e => e.Number > count).Select(e => e.Text));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Error || exception is null) return;
            log._entries.Enqueue((Interlocked.Increment(ref log._count), $"{category}: {formatter(state, exception)}\n{exception}"));
            while (log._entries.Count > 50) log._entries.TryDequeue(out _);
        }
    }
}
