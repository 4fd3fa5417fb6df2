using System.Globalization;
using System.Text.RegularExpressions;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Jobs.Cleanup;

namespace NeuroLake.Web.Uploads;

/// <summary>
/// Staged uploads: each file in a folder of its own (<c>&lt;data&gt;/uploads/&lt;id&gt;/&lt;name&gt;</c>) so two files with
/// the same name never meet, with its owner and SHA-256 in <c>&lt;id&gt;/meta</c>. Bodies are copied to disk and hashed as
/// they arrive; nothing holds a whole file in memory. The same bytes uploaded twice by one user are kept once.
/// </summary>
public sealed partial class UploadStore(string root, TimeProvider time, TimeSpan expiry) : IExpiringUploads
{
    private const string MetaFolder = "meta";

    // Serializes the duplicate check with the manifest write, so two identical uploads at once still make one.
    private readonly Lock _commit = new();

    /// <summary>The staging folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>How long an unloaded upload stays; an administrator may change it while the app runs (Admin → Settings).</summary>
    public TimeSpan Expiry { get; set; } = expiry;

    /// <summary>
    /// Streams <paramref name="body"/> to a new upload of <paramref name="owner"/>; a failed or cancelled copy leaves nothing
    /// behind. When the owner already has an upload with the same SHA-256 the copy is dropped and that upload is answered.
    /// </summary>
    public async Task<SavedUpload> SaveAsync(string owner, string? fileName, Stream body, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N");
        var name = StagingFileName.Sanitize(fileName);
        var folder = Directory.CreateDirectory(Path.Combine(Root, id));
        try
        {
            var info = await StagedUpload.CopyAsync(body, Path.Combine(folder.FullName, name), name, ct: ct);
            lock (_commit)
            {
                if (ListFor(owner).FirstOrDefault(u => u.Sha256 == info.Sha256) is { } existing)
                {
                    folder.Delete(recursive: true);
                    return new SavedUpload(existing, AlreadyStaged: true);
                }

                var manifest = new UploadManifest(name, info.Size, owner, info.Sha256, time.GetUtcNow());
                manifest.Write(Path.Combine(Directory.CreateDirectory(Path.Combine(folder.FullName, MetaFolder)).FullName, UploadManifest.StoredAs));
                return new SavedUpload(Find(id)!, AlreadyStaged: false);
            }
        }
        catch
        {
            if (folder.Exists)
            {
                folder.Delete(recursive: true);
            }

            throw;
        }
    }

    /// <summary>The upload with <paramref name="id"/>, or null when it is unknown, malformed, still arriving or already cleaned up.</summary>
    public UploadedFile? Find(string id)
    {
        if (!IdShape().IsMatch(id))
        {
            return null;
        }

        var folder = new DirectoryInfo(Path.Combine(Root, id));
        var file = folder.Exists ? folder.EnumerateFiles().FirstOrDefault() : null;
        if (file is null)
        {
            return null;
        }

        var manifest = UploadManifest.Read(Path.Combine(folder.FullName, MetaFolder, UploadManifest.StoredAs));
        var uploadedAt = manifest?.UploadedAt ?? new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        return new UploadedFile(id, file.Name, file.Length, file.FullName, uploadedAt, manifest?.Owner, manifest?.Sha256, uploadedAt + Expiry);
    }

    /// <summary>The upload with <paramref name="id"/> when <paramref name="owner"/> uploaded it and it has not expired; else null.</summary>
    public UploadedFile? FindFor(string owner, string id) =>
        Find(id) is { } upload && upload.Owner == owner && upload.ExpiresAt > time.GetUtcNow() ? upload : null;

    /// <summary>The staged uploads of <paramref name="owner"/> that have not expired, oldest first.</summary>
    public IReadOnlyList<UploadedFile> ListFor(string owner)
    {
        var now = time.GetUtcNow();
        return All().Where(u => u.Owner == owner && u.ExpiresAt > now)
            .OrderBy(u => u.UploadedAt)
            .ThenBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Where the ingestion wizard keeps its draft of <paramref name="id"/>; null when there is no such upload.</summary>
    public string? DraftPathOf(string id) =>
        Find(id) is null ? null : Path.Combine(Directory.CreateDirectory(Path.Combine(Root, id, MetaFolder)).FullName, "draft.json");

    /// <summary>Removes an upload once it is loaded; unknown ids are ignored.</summary>
    public void Delete(string id)
    {
        if (IdShape().IsMatch(id) && Directory.Exists(Path.Combine(Root, id)))
        {
            Directory.Delete(Path.Combine(Root, id), recursive: true);
        }
    }

    /// <summary>Removes <paramref name="owner"/>'s upload <paramref name="id"/>; false when they have no such upload.</summary>
    public bool DeleteFor(string owner, string id)
    {
        if (FindFor(owner, id) is null)
        {
            return false;
        }

        Delete(id);
        return true;
    }

    /// <summary>
    /// Removes every upload past its expiry (uploads still arriving are fresh, so they stay); returns how many went and
    /// their size. Stops between uploads when <paramref name="ct"/> fires.
    /// </summary>
    public CleanupTally DeleteExpired(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var removed = new CleanupTally();
        foreach (var upload in All().Where(u => u.ExpiresAt <= now).ToList())
        {
            ct.ThrowIfCancellationRequested();
            Delete(upload.Id);
            removed += new CleanupTally(1, upload.Size);
        }

        return removed;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"uploads in {Root}");

    private IEnumerable<UploadedFile> All() => Directory.Exists(Root)
        ? new DirectoryInfo(Root).EnumerateDirectories().Select(folder => Find(folder.Name)).OfType<UploadedFile>()
        : [];

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdShape();
}
