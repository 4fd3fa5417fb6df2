using System.Globalization;
using NeuroLake.Engine.Ingestion;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>Where a running load is: its phase in words and, when known, how far through it is.</summary>
/// <param name="Phase">What the load is doing, e.g. "Checking rows and writing Parquet files".</param>
/// <param name="Percent">0–100, or null while the amount of work is unknown.</param>
/// <param name="Detail">Counts behind the percentage, e.g. "12,000 rows"; empty when none.</param>
/// <param name="Cancellable">False once the commit has begun: the load then finishes regardless.</param>
public sealed record RunProgress(string Phase, int? Percent, string Detail = "", bool Cancellable = true)
{
    /// <summary>A snapshot of the loader's progress.</summary>
    public static RunProgress From(IngestionProgress progress)
    {
        var phase = progress.Phase;
        var rows = progress.RowsProcessed;
        if (progress.QueuedPosition is { } position)
        {
            return new RunProgress(string.Create(CultureInfo.InvariantCulture, $"Queued, position {position}: other loads and maintenance are using the heavy-work slots"), null);
        }

        return new RunProgress(
            PhaseText(phase),
            progress.Percent is { } percent ? (int)Math.Clamp(Math.Round(percent), 0, 100) : null,
            rows > 0 ? string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows") : "",
            phase < IngestionPhase.Commit);
    }

    /// <summary>True when <paramref name="other"/> is worth a re-render: another phase or another whole percent.</summary>
    public bool DiffersVisiblyFrom(RunProgress other) => Phase != other.Phase || Percent != other.Percent || Cancellable != other.Cancellable;

    private static string PhaseText(IngestionPhase phase) => phase switch
    {
        IngestionPhase.Upload => "Staging the file",
        IngestionPhase.Detect => "Detecting the format",
        IngestionPhase.Profile => "Checking every row",
        // Most loads check every value while writing (one pass); only merges and fail-on-bad-row loads check first.
        IngestionPhase.Write => "Checking rows and writing Parquet files",
        IngestionPhase.Commit => "Committing and updating the catalog",
        _ => "Done",
    };
}
