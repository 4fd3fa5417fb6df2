namespace NeuroLake.Engine.Jobs;

/// <summary>What a table's maintenance job does each time it fires.</summary>
/// <param name="Optimize">Bin-pack small files with OPTIMIZE.</param>
/// <param name="ZOrderBy">Columns to Z-order by while optimizing; empty for plain bin-packing.</param>
/// <param name="Vacuum">Remove files no version within the retention needs, with VACUUM.</param>
/// <param name="VacuumRetainHours">VACUUM's RETAIN; null uses the table's <c>delta.deletedFileRetentionDuration</c>.</param>
/// <param name="MinSmallFiles">
/// Run only when the table has more than this many files smaller than OPTIMIZE's target; null runs every time.
/// </param>
public sealed record MaintenanceSettings(
    bool Optimize = true,
    IReadOnlyList<string>? ZOrderBy = null,
    bool Vacuum = false,
    int? VacuumRetainHours = null,
    int? MinSmallFiles = null)
{
    public IReadOnlyList<string> ZOrderColumns => ZOrderBy ?? [];

    /// <summary>Throws <see cref="JobException"/> when the settings cannot describe a useful job.</summary>
    public void Validate()
    {
        if (!Optimize && !Vacuum)
        {
            throw new JobException("The maintenance job does nothing: turn on OPTIMIZE, VACUUM or both.");
        }

        if (!Optimize && ZOrderColumns.Count > 0)
        {
            throw new JobException("Z-order columns apply to OPTIMIZE: turn OPTIMIZE on or clear the Z-order columns.");
        }

        foreach (var column in ZOrderColumns)
        {
            Catalog.Identifier.Require(column, "Z-order column");
        }

        if (VacuumRetainHours is < 0)
        {
            throw new JobException($"VACUUM's retention is {VacuumRetainHours} hours: give zero or more hours, or leave it empty for the table's own.");
        }

        if (MinSmallFiles is < 0)
        {
            throw new JobException($"The small-file threshold is {MinSmallFiles}: give zero or more files, or leave it empty to run every time.");
        }
    }
}
