namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>Where a running load is: its phase in words and, when known, how far through it is.</summary>
/// <param name="Phase">What the load is doing, e.g. "Writing".</param>
/// <param name="Percent">0–100, or null while the amount of work is unknown.</param>
/// <param name="Detail">Counts behind the percentage, e.g. "12,000 rows"; empty when none.</param>
public sealed record RunProgress(string Phase, int? Percent, string Detail = "");
