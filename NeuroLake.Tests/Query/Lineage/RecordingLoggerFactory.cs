using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NeuroLake.Tests.Query.Lineage;

/// <summary>Keeps every log entry written through it, so tests can see what a component reported.</summary>
public sealed class RecordingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(LogLevel Level, EventId Event, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));
    }
}
