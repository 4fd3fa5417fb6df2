using System.Globalization;

namespace NeuroLake.Engine.Tables;

/// <summary>
/// The one place Tables touches the local file system outside <see cref="Storage.IObjectStore"/>: scratch files
/// handed to DuckDB (checkpoint and rewrite staging). Each file is deleted by its user; a crash leaves files behind,
/// which the host removes at its next start (the folder is the instance's own, so nothing else lives there).
/// </summary>
public static class LocalStaging
{
    private static string? _root;

    /// <summary>
    /// The folder staged files go to, fixed for the life of the process once read: what <see cref="Configure"/> set,
    /// otherwise a folder of this process under the system temp folder (<c>neurolake-staging/&lt;pid&gt;</c>). The SQL
    /// sandbox lets DuckDB reach it, so it must not move after a database was opened with it.
    /// </summary>
    public static string Root => Volatile.Read(ref _root) ?? Fix(DefaultFolder());

    /// <summary>
    /// Stages files in <paramref name="folder"/> (created here); the host calls it at start, before anything stages,
    /// with a folder inside its data folder so two instances on one machine never share staging. Only the first root
    /// takes effect: a later call (a second host in one process, as tests run them) keeps the root in use, because
    /// sandboxes opened earlier allow only that one. Returns the root in effect.
    /// </summary>
    public static string Configure(string folder)
    {
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        return Fix(full);
    }

    internal static string NewFile(string extension)
    {
        // Created on each use: cheap beside the DuckDB work staged, and a folder removed under us comes back.
        var root = Directory.CreateDirectory(Root).FullName;
        return Path.Combine(root, $"{Guid.NewGuid():N}.{extension}");
    }

    internal static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Scratch files left behind are removed at the next start.
        }
    }

    internal static byte[] ReadAndDelete(string path)
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

    internal static void Write(string path, ReadOnlySpan<byte> data) => File.WriteAllBytes(path, data.ToArray());

    private static string Fix(string folder) => Interlocked.CompareExchange(ref _root, folder, null) ?? folder;

    private static string DefaultFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "neurolake-staging", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
