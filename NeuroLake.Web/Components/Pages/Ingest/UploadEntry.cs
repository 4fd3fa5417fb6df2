namespace NeuroLake.Web.Components.Pages.Ingest;

public enum UploadStatus
{
    Uploading,
    Done,
    Failed,
}

/// <summary>One file the browser is uploading or has uploaded; <see cref="ClientId"/> is the browser's handle for it.</summary>
public sealed class UploadEntry(string clientId, string fileName, long size)
{
    public string ClientId { get; } = clientId;

    public string FileName { get; } = fileName;

    public long Size { get; } = size;

    public long BytesSent { get; internal set; }

    public UploadStatus Status { get; internal set; } = UploadStatus.Uploading;

    /// <summary>The server's upload id once stored.</summary>
    public string? UploadId { get; internal set; }

    public string? Error { get; internal set; }

    /// <summary>When the staged file is removed unless loaded; null until the server has stored it.</summary>
    public DateTimeOffset? ExpiresAt { get; internal set; }

    /// <summary>True once this file has been loaded into a table (its staged copy is gone).</summary>
    public bool Loaded { get; internal set; }

    public int Percent => Status == UploadStatus.Done ? 100 : Size <= 0 ? 0 : (int)Math.Min(99, 100 * BytesSent / Size);
}
