using System.Text.Json;
using System.Text.Json.Serialization;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>Wizard drafts as small JSON files in their upload's folder, so they go when the upload goes.</summary>
public sealed class IngestDrafts(UploadStore uploads)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The draft of <paramref name="uploadId"/>, or <see cref="WizardDraft.Empty"/> when there is none (or it is unreadable).</summary>
    public WizardDraft Read(string uploadId)
    {
        var path = uploads.DraftPathOf(uploadId);
        try
        {
            return path is not null && File.Exists(path) ? JsonSerializer.Deserialize<WizardDraft>(File.ReadAllText(path), Json) ?? WizardDraft.Empty : WizardDraft.Empty;
        }
        catch (JsonException)
        {
            return WizardDraft.Empty;
        }
    }

    /// <summary>Keeps <paramref name="draft"/>; an upload that is gone (loaded, removed, expired) keeps nothing.</summary>
    public void Save(string uploadId, WizardDraft draft)
    {
        if (uploads.DraftPathOf(uploadId) is not { } path)
        {
            return;
        }

        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(draft, Json));
        File.Move(temp, path, overwrite: true);
    }
}
