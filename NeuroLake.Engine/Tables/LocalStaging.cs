namespace NeuroLake.Engine.Tables;

/// <summary>
/// The one place Tables touches the local file system outside <see cref="Storage.IObjectStore"/>: scratch files
/// handed to DuckDB (query results and checkpoint staging). Each file is deleted by its user.
/// </summary>
internal static class LocalStaging
{
    private static readonly string Folder = CreateFolder();

    public static string NewFile(string extension) => Path.Combine(Folder, $"{Guid.NewGuid():N}.{extension}");

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Scratch files left behind are harmless.
        }
    }

    public static byte[] ReadAndDelete(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        finally
        {
            Delete(path);
        }
    }

    public static void Write(string path, ReadOnlySpan<byte> data) => File.WriteAllBytes(path, data.ToArray());

    private static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "neurolake-staging", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
