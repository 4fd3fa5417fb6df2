using System.Globalization;
using MudBlazor;
using NeuroLake.Engine.Ingestion.Load;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>How a finished load reads: green only when every row loaded; rows left in quarantine or none loaded warn.</summary>
public sealed record LoadOutcome(Severity Severity, string Headline)
{
    public static LoadOutcome For(LoadReport report)
    {
        var loaded = Count(report.RowsLoaded);
        var quarantined = Count(report.RowsQuarantined);
        return report switch
        {
            { TableWritten: false, RowsRead: 0 } => new(Severity.Warning, "The file has no rows: no table was created."),
            { TableWritten: false } => new(Severity.Warning, $"Nothing was loaded: every row ({quarantined}) went to quarantine, so no table was created. Fix the column types and load again."),
            { RowsLoaded: 0, RowsQuarantined: > 0 } => new(Severity.Warning, $"Nothing was loaded: every row ({quarantined}) went to quarantine."),
            { RowsLoaded: 0 } => new(Severity.Warning, "Nothing was loaded: the file has no rows."),
            { RowsQuarantined: > 0 } => new(Severity.Warning, $"Loaded {loaded} rows; {quarantined} rows went to quarantine."),
            _ => new(Severity.Success, $"Loaded {loaded} rows."),
        };
    }

    private static string Count(long rows) => rows.ToString("N0", CultureInfo.InvariantCulture);
}
