namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// Settings applied when a database is opened. Unset values keep DuckDB's defaults
/// (all cores, 80% of RAM, a temp folder beside the database file).
/// </summary>
public sealed class DuckDbSettings
{
    /// <summary>Worker threads (DuckDB <c>threads</c>).</summary>
    public int? Threads { get; set; }

    /// <summary>Memory limit in DuckDB's syntax, e.g. <c>4GB</c> (DuckDB <c>memory_limit</c>).</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>Folder DuckDB spills to when a query exceeds the memory limit (DuckDB <c>temp_directory</c>).</summary>
    public string? TempDirectory { get; set; }

    /// <summary>Further DuckDB configuration options by name, applied after the ones above.</summary>
    public IDictionary<string, string> Options { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    internal IEnumerable<KeyValuePair<string, string>> ToConfig()
    {
        if (Threads is { } threads)
        {
            yield return new("threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (MemoryLimit is { } memory)
        {
            yield return new("memory_limit", memory);
        }

        if (TempDirectory is { } temp)
        {
            yield return new("temp_directory", temp);
        }

        foreach (var option in Options)
        {
            yield return option;
        }
    }
}
