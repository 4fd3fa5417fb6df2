using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Configuration;

/// <summary>DuckDB settings, bound from <c>NeuroLake:DuckDb</c>. Unset values keep DuckDB's defaults.</summary>
public sealed class DuckDbOptions
{
    /// <summary>Worker threads; null uses every core.</summary>
    public int? Threads { get; set; }

    /// <summary>Memory limit in DuckDB's syntax, e.g. <c>4GB</c>; null uses DuckDB's default (80% of RAM).</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>
    /// Scratch folder of every DuckDB database the app opens: spill files when a query exceeds the memory limit, and
    /// exports being written. Default <c>scratch</c>; a relative path is resolved against the data folder. Each
    /// database spills into a subfolder of its own (two databases must never share DuckDB's temp file names).
    /// </summary>
    public string TempDirectory { get; set; } = "scratch";

    /// <summary>The absolute scratch folder, given the absolute data folder.</summary>
    public string ResolveTempDirectory(string dataDirectory) => Path.GetFullPath(TempDirectory, dataDirectory);

    /// <summary>
    /// The settings to open the app's shared database with (ingestion, previews, table maintenance), given the absolute
    /// data folder: it spills to <c>&lt;scratch&gt;/spill</c>; the SQL service has its own subfolder.
    /// </summary>
    public DuckDbSettings ToSettings(string dataDirectory) => new()
    {
        Threads = Threads,
        MemoryLimit = MemoryLimit,
        TempDirectory = SharedSpill(dataDirectory),
    };

    /// <summary>The shared database's spill folder, given the absolute data folder.</summary>
    public string SharedSpill(string dataDirectory) => Path.Combine(ResolveTempDirectory(dataDirectory), "spill");

    /// <summary>The load database's spill folder (<c>&lt;scratch&gt;/spill-load</c>), given the absolute data folder.</summary>
    public string LoadSpill(string dataDirectory) => Path.Combine(ResolveTempDirectory(dataDirectory), "spill-load");
}
