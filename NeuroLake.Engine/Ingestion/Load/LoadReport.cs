using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Quality;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>The outcome of a load.</summary>
/// <param name="Plan">The schema plan the load followed.</param>
/// <param name="TableVersion">The target's version after the load.</param>
/// <param name="RowsRead">Rows read from the source.</param>
/// <param name="RowsLoaded">Source rows written to the target (inserted or, for a merge, inserted and updated).</param>
/// <param name="RowsQuarantined">Rows written to the quarantine table.</param>
/// <param name="RowsSkipped">Rows left out under <see cref="BadRowPolicy.Skip"/>.</param>
/// <param name="QuarantineVersion">The quarantine table's version after the load; null when nothing was quarantined.</param>
/// <param name="Quality">Quality of the whole table after the load.</param>
/// <param name="Pii">Columns found to hold personal data.</param>
/// <param name="CatalogTable">The catalog name the quality and PII were stored under; null without catalog services or a managed name.</param>
public sealed record LoadReport(
    LoadPlan Plan,
    long TableVersion,
    long RowsRead,
    long RowsLoaded,
    long RowsQuarantined,
    long RowsSkipped,
    long? QuarantineVersion,
    QualityReport Quality,
    IReadOnlyList<PiiFinding> Pii,
    SecurablePath? CatalogTable)
{
    /// <summary>
    /// False when no row loaded into a new table and <see cref="LoadRequest.KeepEmptyNewTable"/> was false, so no table was
    /// created (<see cref="TableVersion"/> is then -1 and <see cref="CatalogTable"/> null). True otherwise.
    /// </summary>
    public bool TableWritten { get; init; } = true;
}
