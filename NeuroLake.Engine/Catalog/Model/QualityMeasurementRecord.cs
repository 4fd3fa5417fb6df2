namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Quality metrics of a table (ColumnName null) or one of its columns at one time and table version.</summary>
internal sealed class QualityMeasurementRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TableId { get; set; }

    public string? ColumnName { get; set; }

    public DateTimeOffset MeasuredAt { get; set; }

    public long TableVersion { get; set; }

    public long? RowCount { get; set; }

    public double? NullPercent { get; set; }

    public long? DistinctCount { get; set; }

    public string? MinValue { get; set; }

    public string? MaxValue { get; set; }

    public double? FreshnessSeconds { get; set; }

    /// <summary>JSON array of check results (name, passed, detail).</summary>
    public string ChecksJson { get; set; } = "[]";

    /// <summary>0–100 on table-level rows that were scored (migration M013); null otherwise.</summary>
    public int? Score { get; set; }

    /// <summary>JSON array of deductions (points, reason); null when not scored.</summary>
    public string? DeductionsJson { get; set; }

    /// <summary>JSON array of informational findings (column, kind, detail); null when not scored.</summary>
    public string? FindingsJson { get; set; }
}
