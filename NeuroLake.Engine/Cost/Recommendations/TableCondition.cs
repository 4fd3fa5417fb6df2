namespace NeuroLake.Engine.Cost.Recommendations;

/// <summary>
/// What one table looks like to the cost recommendations, measured now: its data files on disk, what VACUUM's dry run
/// would delete, what OPTIMIZE's bin-packing would merge, and the Z-order advisor's columns.
/// </summary>
/// <param name="Table">Dotted name, <c>catalog.schema.table</c>.</param>
/// <param name="DiskBytes">Every data file in the table's folder: the latest version's and those only older versions need.</param>
/// <param name="VacuumBytes">What <c>VACUUM DRY RUN</c> with the table's own retention lists.</param>
/// <param name="RetainHours">That retention, in hours.</param>
/// <param name="Files">Data files of the latest version.</param>
/// <param name="SmallFiles">Of those, the files OPTIMIZE would merge (smaller than the target, two or more to a bin).</param>
/// <param name="FilesAfterOptimize">The files those merge into: one per bin.</param>
/// <param name="ZOrder">The advisor's columns with how many recent queries filtered on each; empty when it suggests none.</param>
internal sealed record TableCondition(
    string Table,
    DateTimeOffset RegisteredAt,
    long DiskBytes,
    long VacuumBytes,
    long VacuumFiles,
    double RetainHours,
    long TargetFileSize,
    int Files,
    int SmallFiles,
    int FilesAfterOptimize,
    IReadOnlyList<(string Column, int Queries)> ZOrder)
{
    /// <summary>How many fewer files the latest version has once OPTIMIZE ran.</summary>
    public int FilesRemovedByOptimize => SmallFiles - FilesAfterOptimize;
}
