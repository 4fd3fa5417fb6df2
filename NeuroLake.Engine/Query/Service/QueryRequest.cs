namespace NeuroLake.Engine.Query.Service;

/// <summary>Who runs a script and how.</summary>
/// <param name="User">Recorded as the committer of writes, the owner of created tables and in the query history.</param>
/// <param name="DefaultSchema">The schema of bare table names (<c>t</c> means <c>DefaultSchema.t</c>).</param>
/// <param name="RowLimit">
/// Rows kept per result set; more set <see cref="StatementResult.HasMoreRows"/>. 0 (the default) uses the service's
/// <see cref="QueryServiceOptions.RowLimit"/> (10,000 unless configured). Must not be negative.
/// </param>
public sealed record QueryRequest(string User, string DefaultSchema = "default", int RowLimit = 0)
{
    /// <summary>
    /// Filled in while the script runs, for the caller to poll from another thread (e.g. a UI timer); null: nobody watches.
    /// One instance per running script.
    /// </summary>
    public QueryProgress? Progress { get; init; }

    /// <summary>
    /// Lets VACUUM's RETAIN be shorter than the table's <c>delta.deletedFileRetentionDuration</c> (Delta's
    /// retentionDurationCheck off) for this request: versions older than the shorter window can no longer be read.
    /// Default false: such a VACUUM is refused.
    /// </summary>
    public bool AllowShortVacuumRetention { get; init; }

    /// <summary>Meters the running statement: the snapshots resolved for it note their bytes here. Set per statement by the service.</summary>
    internal Metering.WorkMeter? Meter { get; init; }

    /// <summary>Pins the remote files the running statement reads until it ends. Set per statement by the service.</summary>
    internal StatementFiles? Files { get; init; }
}
