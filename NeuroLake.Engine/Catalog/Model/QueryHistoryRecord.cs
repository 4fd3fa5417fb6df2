using NeuroLake.Engine.Catalog.History;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>One executed statement; table lists are JSON text like the rest of the catalog's small collections.</summary>
internal sealed class QueryHistoryRecord
{
    public Guid Id { get; set; }

    public string UserName { get; set; } = "";

    public string Sql { get; set; } = "";

    /// <summary>Lower-cased <see cref="Sql"/>: a plain substring match on it is case-insensitive on every provider.</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The start in UTC ticks: orders statements that started within the same millisecond.</summary>
    public long StartedTicks { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public long DurationTicks { get; set; }

    public long? Rows { get; set; }

    public QueryStatus Status { get; set; }

    public string? Error { get; set; }

    public string TablesReadJson { get; set; } = "[]";

    public string TablesWrittenJson { get; set; } = "[]";
}
