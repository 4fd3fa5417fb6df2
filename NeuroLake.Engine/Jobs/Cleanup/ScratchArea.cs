using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Jobs.Cleanup;

/// <summary>
/// One folder NeuroLake writes throwaway files to, and the shape of the names it gives them there. A sweep removes only
/// direct children of <see cref="Folder"/> that have such a name and were last written before a cutoff: never a
/// symbolic link, never anything the app did not name, never anything outside the folder.
/// </summary>
/// <param name="Folder">Absolute folder; a missing one has nothing to sweep.</param>
/// <param name="Names">Names of the entries this app creates there (anchored).</param>
internal sealed record ScratchArea(string Folder, Regex Names)
{
    // Symbolic links are skipped, so the newest-write scan never leaves the folder.
    private static readonly EnumerationOptions Inside = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
    };

    /// <summary>
    /// Removes the entries last written (anything inside them included) before <paramref name="cutoffUtc"/>; returns how
    /// many went and their size. Stops between entries when <paramref name="ct"/> fires: each entry goes whole or not at all.
    /// </summary>
    public CleanupTally DeleteOlderThan(DateTime cutoffUtc, CancellationToken ct = default)
    {
        var folder = new DirectoryInfo(Folder);
        if (!folder.Exists)
        {
            return default;
        }

        var removed = new CleanupTally();
        foreach (var entry in folder.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            ct.ThrowIfCancellationRequested();
            if (entry.LinkTarget is not null || !Names.IsMatch(entry.Name) || LastWrite(entry) >= cutoffUtc)
            {
                continue;
            }

            var bytes = SizeOf(entry);
            if (TryDelete(entry))
            {
                removed += new CleanupTally(1, bytes);
            }
        }

        return removed;
    }

    private static DateTime LastWrite(FileSystemInfo entry) => entry is DirectoryInfo directory
        ? directory.EnumerateFileSystemInfos("*", Inside).Select(e => e.LastWriteTimeUtc).Append(directory.LastWriteTimeUtc).Max()
        : entry.LastWriteTimeUtc;

    private static long SizeOf(FileSystemInfo entry) => entry is DirectoryInfo directory
        ? directory.EnumerateFiles("*", Inside).Sum(f => f.Length)
        : ((FileInfo)entry).Length;

    private static bool TryDelete(FileSystemInfo entry)
    {
        try
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }

            return true;
        }
        catch (IOException)
        {
            // Still in use or already gone: the next sweep tries again.
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
