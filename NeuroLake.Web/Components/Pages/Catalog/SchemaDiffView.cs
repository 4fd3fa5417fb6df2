using NeuroLake.Engine.Catalog.SchemaHistory;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>How schema changes are shown: one line per change in words, with a safe / risky / breaking badge.</summary>
public static class SchemaDiffView
{
    public sealed record Line(string Column, string Change, string BadgeText, string BadgeClass, string Reason);

    public static string BadgeText(ChangeSeverity severity) => severity switch
    {
        ChangeSeverity.Safe => "safe",
        ChangeSeverity.Risky => "risky",
        _ => "breaking",
    };

    public static string BadgeClass(ChangeSeverity severity) => severity switch
    {
        ChangeSeverity.Safe => "text-bg-success",
        ChangeSeverity.Risky => "text-bg-warning",
        _ => "text-bg-danger",
    };

    /// <summary>The changes worst first, then by column, each described in words.</summary>
    public static IReadOnlyList<Line> Lines(IEnumerable<SchemaChange> changes) => changes
        .OrderByDescending(c => c.Severity).ThenBy(c => c.Column, StringComparer.OrdinalIgnoreCase)
        .Select(c => new Line(c.Column, Describe(c), BadgeText(c.Severity), BadgeClass(c.Severity), c.Reason))
        .ToList();

    public static string Describe(SchemaChange change) => change.Kind switch
    {
        SchemaChangeKind.Added => $"added ({change.After})",
        SchemaChangeKind.Removed => $"removed (was {change.Before})",
        SchemaChangeKind.TypeChanged => $"type {change.Before} → {change.After}",
        SchemaChangeKind.NullabilityChanged => $"nullability {change.Before} → {change.After}",
        _ => $"metadata {change.Before ?? "none"} → {change.After ?? "none"}",
    };
}
