namespace NeuroLake.Engine.Query.Syntax;

internal enum TimeTravelKind
{
    Version,
    Timestamp,
}

/// <summary>
/// Which snapshot of a table a reference reads: <c>VERSION AS OF 3</c>, <c>@v3</c>, <c>AT (VERSION => 3)</c>,
/// <c>TIMESTAMP AS OF '2024-01-01'</c> or <c>AT (TIMESTAMP => ...)</c>. Timestamps without an offset are UTC.
/// </summary>
internal sealed record TimeTravel(TimeTravelKind Kind, long? Version, DateTimeOffset? Timestamp, SourceSpan Span)
{
    public static TimeTravel AtVersion(long version, SourceSpan span) => new(TimeTravelKind.Version, version, null, span);

    public static TimeTravel AtTimestamp(DateTimeOffset timestamp, SourceSpan span) => new(TimeTravelKind.Timestamp, null, timestamp, span);

    public override string ToString() => Kind == TimeTravelKind.Version
        ? $"VERSION AS OF {Version}"
        : $"TIMESTAMP AS OF '{Timestamp:O}'";
}
