using System.Runtime.InteropServices;

namespace NeuroLake.Engine.Storage;

/// <summary>
/// Publishes a complete temp file under its final name only if that name is free, atomically: link(2) on Unix
/// (fails with EEXIST, never replaces), a no-overwrite move on Windows. File.Move(overwrite: false) is not used on
/// Unix because it may fall back to check-then-rename, which two writers can both pass.
/// </summary>
internal static partial class ExclusiveLink
{
    private const int EEXIST = 17;

    public static bool TryPublish(string tempPath, string targetPath)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(tempPath, targetPath, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(targetPath))
            {
                return false;
            }
        }

        if (Link(tempPath, targetPath) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == EEXIST)
        {
            return false;
        }

        throw new IOException($"Could not create '{targetPath}' (link failed with errno {errno}). The table folder must be on a file system that supports hard links.");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string oldPath, string newPath);
}
