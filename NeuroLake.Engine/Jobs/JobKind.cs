using System.Text.Json.Serialization;

namespace NeuroLake.Engine.Jobs;

/// <summary>What a job does. Stored as its number: append new kinds, never renumber.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobKind>))]
public enum JobKind
{
    /// <summary>OPTIMIZE (optionally Z-ordered) and/or VACUUM of one table, by its <see cref="MaintenanceSettings"/>.</summary>
    TableMaintenance = 0,

    /// <summary>Profiles one table's latest version again and records its quality measurements.</summary>
    QualityReprofile = 1,

    /// <summary>Compares every registered table with its Delta log and discovers tables other engines wrote into the warehouse.</summary>
    CatalogDrift = 2,

    /// <summary>Runs a saved pipeline's current version as its owner's statements (see <see cref="PipelineJob"/>).</summary>
    Pipeline = 3,

    /// <summary>Removes ingestion-wizard uploads past their expiry (a system job, see <see cref="SystemJobs"/>).</summary>
    UploadCleanup = 4,

    /// <summary>Removes stale staged files and scratch folders (a system job, see <see cref="SystemJobs"/>).</summary>
    ScratchCleanup = 5,

    /// <summary>Measures every table's storage for the day and prunes old metered usage (a system job, see <see cref="SystemJobs"/>).</summary>
    StorageMetering = 6,

    /// <summary>Takes a backup set of the lakehouse, then applies backup retention (administrators only, see <see cref="Backups.BackupJob"/>).</summary>
    Backup = 7,

    /// <summary>Re-reads every file of every backup set; fails naming damaged files (administrators only, see <see cref="Backups.VerifyBackupsJob"/>).</summary>
    VerifyBackups = 8,

    /// <summary>Moves table files between storage tiers by the tiering plan (administrators only, see <see cref="Tiering.TieringJob"/>).</summary>
    Tiering = 9,
}
