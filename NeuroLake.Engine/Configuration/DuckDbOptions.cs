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
    /// Folder DuckDB spills to when a query exceeds the memory limit. Default <c>duckdb-temp</c>;
    /// a relative path is resolved against the data folder.
    /// </summary>
    public string TempDirectory { get; set; } = "duckdb-temp";

    /// <summary>The settings to open a database with, given the absolute data folder.</summary>
    public DuckDbSettings ToSettings(string dataDirectory) => new()
    {
        Threads = Threads,
        MemoryLimit = MemoryLimit,
        TempDirectory = Path.GetFullPath(TempDirectory, dataDirectory),
    };
}
