namespace NeuroLake.Engine.Configuration;

/// <summary>
/// The thresholds and the one assumed figure behind the cost recommendations, bound from <c>NeuroLake:CostRecommendations</c>.
/// </summary>
public sealed class CostRecommendationOptions
{
    /// <summary>
    /// Days of usage a recommendation looks back over: a table no one read in these days is "never read", and metered
    /// statements of these days are the reads and scans that savings are computed from. Default 30; at least 1.
    /// </summary>
    public int Days { get; set; } = 30;

    /// <summary>A table is a small-file table once OPTIMIZE would leave at least this many fewer files. Default 8; at least 1.</summary>
    public int MinFilesRemoved { get; set; } = 8;

    /// <summary>
    /// The assumed CPU time a scan spends per data file it opens (the Parquet footer, metadata, a read per column chunk),
    /// priced at one core-hour of the machine for the small-file saving. Default 2 ms. An assumption, shown beside the saving.
    /// </summary>
    public double PerFileReadMilliseconds { get; set; } = 2;

    /// <summary>How many of the statements that scanned the most bytes are listed. Default 5; 0 lists none.</summary>
    public int HeavyQueries { get; set; } = 5;

    /// <summary>Throws with the setting to fix when a value cannot work.</summary>
    public void Validate()
    {
        if (Days < 1 || MinFilesRemoved < 1 || HeavyQueries < 0 || !double.IsFinite(PerFileReadMilliseconds) || PerFileReadMilliseconds < 0)
        {
            throw new Cost.CostException(
                $"NeuroLake:CostRecommendations is out of range (Days {Days}, MinFilesRemoved {MinFilesRemoved}, HeavyQueries {HeavyQueries}, PerFileReadMilliseconds {PerFileReadMilliseconds}): "
                + "Days and MinFilesRemoved must be 1 or more, HeavyQueries and PerFileReadMilliseconds 0 or more.");
        }
    }
}
