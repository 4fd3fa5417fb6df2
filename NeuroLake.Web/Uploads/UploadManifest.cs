using System.Text.Json;

namespace NeuroLake.Web.Uploads;

/// <summary>What is known about an upload beside its bytes, kept as <c>&lt;id&gt;/meta/upload.json</c>.</summary>
internal sealed record UploadManifest(string FileName, long Size, string Owner, string Sha256, DateTimeOffset UploadedAt)
{
    public const string StoredAs = "upload.json";

    public static UploadManifest? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<UploadManifest>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Written beside and then moved over, so a reader never sees half a manifest.</summary>
    public void Write(string path)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this));
        File.Move(temp, path, overwrite: true);
    }
}
