namespace NeuroLake.Tests.Metering;

/// <summary>What a table folder holds on disk, counted independently of the engine.</summary>
internal static class TableFiles
{
    /// <summary>Bytes and count of the Parquet data files in the folder, the Delta log's checkpoints left out.</summary>
    public static (long Bytes, long Files) Data(string tableFolder)
    {
        var files = Directory.EnumerateFiles(tableFolder, "*.parquet", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(tableFolder, f).StartsWith("_delta_log", StringComparison.Ordinal))
            .Select(f => new FileInfo(f).Length).ToList();
        return (files.Sum(), files.Count);
    }
}
