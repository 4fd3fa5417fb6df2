using System.Text.RegularExpressions;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Engine.Jobs.Cleanup;

/// <summary>The instance's staging and scratch folders, all inside its data folder unless TempDirectory points elsewhere.</summary>
public sealed partial class ScratchFolders
{
    public ScratchFolders(NeuroLakeOptions options)
    {
        var data = options.DataDirectory;
        TableStaging = new ScratchArea(NeuroLakeOptions.ResolveTableStaging(data), StagedFileName());
        IngestStaging = new ScratchArea(NeuroLakeOptions.ResolveIngestStaging(data), UploadFolderName());
        QueryScratch = new ScratchArea(options.DuckDb.ResolveTempDirectory(data), QueryScratchName());
        SharedSpill = new ScratchArea(options.DuckDb.SharedSpill(data), SpillFileName());
        LoadSpill = new ScratchArea(options.DuckDb.LoadSpill(data), SpillFileName());
    }

    /// <summary><c>&lt;data&gt;/staging/tables</c>: checkpoint and rewrite files of the table layer (<c>&lt;guid&gt;.&lt;ext&gt;</c>).</summary>
    internal ScratchArea TableStaging { get; }

    /// <summary><c>&lt;data&gt;/staging/uploads</c>: a folder per file sent to the ingestion API while it loads.</summary>
    internal ScratchArea IngestStaging { get; }

    /// <summary>The SQL service's <c>neurolake-query-&lt;guid&gt;</c> folders in the scratch folder, each deleted when its service stops.</summary>
    internal ScratchArea QueryScratch { get; }

    /// <summary>DuckDB's temp files of the shared database (<c>&lt;scratch&gt;/spill</c>).</summary>
    internal ScratchArea SharedSpill { get; }

    /// <summary>DuckDB's temp files of the load database (<c>&lt;scratch&gt;/spill-load</c>).</summary>
    internal ScratchArea LoadSpill { get; }

    /// <summary>What an earlier run of the app may have left after a crash: nothing there is in use before this process starts.</summary>
    internal IEnumerable<ScratchArea> LeftoverAreas => [TableStaging, IngestStaging, QueryScratch, SharedSpill, LoadSpill];

    /// <summary>What is swept by age while the app runs; query scratch and spill belong to live databases until they close.</summary>
    internal IEnumerable<ScratchArea> ExpiringAreas => [TableStaging, IngestStaging];

    [GeneratedRegex("^[0-9a-f]{32}\\.[a-z]+$")]
    private static partial Regex StagedFileName();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex UploadFolderName();

    [GeneratedRegex("^neurolake-query-[0-9a-f]{32}$")]
    private static partial Regex QueryScratchName();

    [GeneratedRegex("^duckdb_temp")]
    private static partial Regex SpillFileName();
}
