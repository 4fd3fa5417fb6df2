namespace NeuroLake.Engine.Jobs;

/// <summary>A job kind in words, as pages, notifications and the failure webhook name a job without a name.</summary>
public static class JobKindText
{
    /// <summary>Kinds whose jobs and runs only administrators see: they cover every table and the backup repository.</summary>
    public static bool IsAdministrative(JobKind kind) => kind is JobKind.Backup or JobKind.VerifyBackups or JobKind.Tiering;

    public static string Of(JobKind kind) => kind switch
    {
        JobKind.TableMaintenance => "Table maintenance",
        JobKind.QualityReprofile => "Quality re-profiling",
        JobKind.CatalogDrift => "Catalog drift check",
        JobKind.Pipeline => "Pipeline",
        JobKind.UploadCleanup => "Upload cleanup",
        JobKind.ScratchCleanup => "Scratch cleanup",
        JobKind.StorageMetering => "Storage metering",
        JobKind.Backup => "Backup",
        JobKind.VerifyBackups => "Backup verify",
        JobKind.Tiering => "Storage tiering",
        _ => kind.ToString(),
    };
}
