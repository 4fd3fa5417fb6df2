using MudBlazor;
using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Web.Components.Shared;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>How schema changes are shown: one line per change in words (types in DuckDB's names), with a safe / risky / breaking chip.</summary>
public static class SchemaDiffView
{
    public sealed record Line(string Column, string Change, string BadgeText, Color BadgeColor, string Reason);

    public static string BadgeText(ChangeSeverity severity) => severity switch
    {
        ChangeSeverity.Safe => "safe",
        ChangeSeverity.Risky => "risky",
        _ => "breaking",
    };

    public static Color BadgeColor(ChangeSeverity severity) => severity switch
    {
        ChangeSeverity.Safe => Color.Success,
        ChangeSeverity.Risky => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>The changes worst first, then by column, each described in words.</summary>
    public static IReadOnlyList<Line> Lines(IEnumerable<SchemaChange> changes) => changes
        .OrderByDescending(c => c.Severity).ThenBy(c => c.Column, StringComparer.OrdinalIgnoreCase)
        .Select(c => new Line(c.Column, Describe(c), BadgeText(c.Severity), BadgeColor(c.Severity), c.Reason))
        .ToList();

    public static string Describe(SchemaChange change) => change.Kind switch
    {
        SchemaChangeKind.Added => $"added ({DuckDbTypeName.Of(change.After)})",
        SchemaChangeKind.Removed => $"removed (was {DuckDbTypeName.Of(change.Before)})",
        SchemaChangeKind.TypeChanged => $"type {DuckDbTypeName.Of(change.Before)} → {DuckDbTypeName.Of(change.After)}",
        SchemaChangeKind.NullabilityChanged => $"nullability {change.Before} → {change.After}",
        _ => $"metadata {change.Before ?? "none"} → {change.After ?? "none"}",
    };
}
