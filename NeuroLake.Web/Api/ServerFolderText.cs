using NeuroLake.Engine.Configuration;

namespace NeuroLake.Web.Api;

/// <summary>
/// Error text for API answers without the server's folders: an engine or DuckDB message may quote a file it read
/// (a Parquet file under the warehouse, a staged upload), and paths must never reach a client.
/// </summary>
internal static class ServerFolderText
{
    public static string Strip(string message, NeuroLakeOptions options)
    {
        var data = Path.GetFullPath(options.DataDirectory);
        string[] folders = [data, options.ResolveWarehouse(data), .. options.ExternalLocations.Select(l => Engine.Storage.S3.S3Location.IsS3(l) ? l : Path.GetFullPath(l)), .. BackupFolder(options, data)];
        foreach (var folder in folders.Select(Path.TrimEndingDirectorySeparator).Distinct().OrderByDescending(f => f.Length))
        {
            message = message.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
                .Replace(folder, "<server folder>", StringComparison.Ordinal);
        }

        return message;
    }

    // The backup repository may be a folder outside the data folder; an s3:// target is not a server folder.
    private static IEnumerable<string> BackupFolder(NeuroLakeOptions options, string data) =>
        options.ResolveBackupTarget(data) is var target && !target.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? [target] : [];
}
