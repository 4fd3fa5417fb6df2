namespace NeuroLake.Web.Uploads;

/// <summary>The outcome of storing an upload.</summary>
/// <param name="Upload">The stored upload, or the owner's earlier upload of the same bytes.</param>
/// <param name="AlreadyStaged">True when the bytes were already staged by the same owner, so nothing new was kept.</param>
public sealed record SavedUpload(UploadedFile Upload, bool AlreadyStaged);
