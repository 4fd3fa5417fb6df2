namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>What restoring to <paramref name="Target"/> changes: the difference from the current version to the target.</summary>
public sealed record RestorePreview(long Current, long Target, ComparisonSummary Change);

/// <summary>A finished restore: the version it committed (its metrics are in the table's history).</summary>
public sealed record RestoreOutcome(long NewVersion);
