namespace NeuroLake.Engine.Query.Syntax;

internal enum TimeTravelKind
{
    Version,
    Timestamp,
}

/// <summary>
/// Which snapshot of a table a reference reads: <c>VERSION AS OF 3</c>, <c>@v3</c>, <c>AT (VERSION => 3)</c>,
/// <c>TIMESTAMP AS OF '2024-01-01'</c> or <c>AT (TIMESTAMP => ...)</c>. Timestamps without an offset are UTC.
/// A value written as an expression has <see cref="Expression"/> set instead of <see cref="Version"/> or
/// <see cref="Timestamp"/> until the query service evaluates it.
/// </summary>
internal sealed record TimeTravel(TimeTravelKind Kind, long? Version, DateTimeOffset? Timestamp, SourceSpan Span)
{
    /// <summary>The value as a constant expression still to be evaluated; null for a literal.</summary>
    public TimeTravelExpression? Expression { get; init; }

    public static TimeTravel AtVersion(long version, SourceSpan span) => new(TimeTravelKind.Version, version, null, span);

    public static TimeTravel AtTimestamp(DateTimeOffset timestamp, SourceSpan span) => new(TimeTravelKind.Timestamp, null, timestamp, span);

    public static TimeTravel AtExpression(TimeTravelKind kind, TimeTravelExpression expression, SourceSpan span) =>
        new(kind, null, null, span) { Expression = expression };

    public override string ToString() => (Kind, Expression) switch
    {
        (TimeTravelKind.Version, { } e) => $"VERSION AS OF {e.Sql}",
        (_, { } e) => $"TIMESTAMP AS OF {e.Sql}",
        (TimeTravelKind.Version, _) => $"VERSION AS OF {Version}",
        _ => $"TIMESTAMP AS OF '{Timestamp:O}'",
    };
}
