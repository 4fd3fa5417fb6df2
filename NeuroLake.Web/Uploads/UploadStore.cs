using System.Globalization;
using System.Text.RegularExpressions;
using NeuroLake.Engine.Ingestion;

namespace NeuroLake.Web.Uploads;

/// <summary>
/// Staged uploads: each file in a folder of its own (<c>&lt;data&gt;/uploads/&lt;id&gt;/&lt;name&gt;</c>) so two files with
/// the same name never meet. Bodies are copied to disk as they arrive; nothing holds a whole file in memory.
/// </summary>
public sealed partial class UploadStore(string root, TimeProvider time)
{
    /// <summary>The staging folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Streams <paramref name="body"/> to a new upload; a failed or cancelled copy leaves nothing behind.</summary>
    public async Task<UploadedFile> SaveAsync(string? fileName, Stream body, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N");
        var name = StagingFileName.Sanitize(fileName);
        var folder = Directory.CreateDirectory(Path.Combine(Root, id));
        var path = Path.Combine(folder.FullName, name);
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await body.CopyToAsync(file, 81920, ct);
            }

            return new UploadedFile(id, name, new FileInfo(path).Length, path, time.GetUtcNow());
        }
        catch
        {
            Directory.Delete(folder.FullName, recursive: true);
            throw;
        }
    }

    /// <summary>The upload with <paramref name="id"/>, or null when it is unknown, malformed or already cleaned up.</summary>
    public UploadedFile? Find(string id)
    {
        if (!IdShape().IsMatch(id))
        {
            return null;
        }

        var folder = new DirectoryInfo(Path.Combine(Root, id));
        var file = folder.Exists ? folder.EnumerateFiles().FirstOrDefault() : null;
        return file is null ? null : new UploadedFile(id, file.Name, file.Length, file.FullName, file.LastWriteTimeUtc);
    }

    /// <summary>Every staged upload, oldest first: what a reloaded page still has to load.</summary>
    public IReadOnlyList<UploadedFile> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return new DirectoryInfo(Root).EnumerateDirectories()
            .Select(folder => Find(folder.Name))
            .OfType<UploadedFile>()
            .OrderBy(u => u.UploadedAt)
            .ThenBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Removes an upload once it is loaded or abandoned; unknown ids are ignored.</summary>
    public void Delete(string id)
    {
        if (IdShape().IsMatch(id) && Directory.Exists(Path.Combine(Root, id)))
        {
            Directory.Delete(Path.Combine(Root, id), recursive: true);
        }
    }

    /// <summary>Removes uploads last written before <paramref name="age"/> ago; returns how many went.</summary>
    public int DeleteOlderThan(TimeSpan age)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var cutoff = time.GetUtcNow().UtcDateTime - age;
        var removed = 0;
        foreach (var folder in new DirectoryInfo(Root).EnumerateDirectories())
        {
            var newest = folder.EnumerateFiles().Select(f => f.LastWriteTimeUtc).DefaultIfEmpty(folder.LastWriteTimeUtc).Max();
            if (IdShape().IsMatch(folder.Name) && newest < cutoff)
            {
                folder.Delete(recursive: true);
                removed++;
            }
        }

        return removed;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"uploads in {Root}");

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdShape();
}
