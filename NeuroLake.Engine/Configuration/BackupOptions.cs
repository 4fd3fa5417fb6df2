using NeuroLake.Engine.Backup;

namespace NeuroLake.Engine.Configuration;

/// <summary>Where backup sets go, bound from <c>NeuroLake:Backup</c>.</summary>
public sealed class BackupOptions
{
    /// <summary>
    /// The backup repository: a folder (relative paths resolve against the data folder) or <c>s3://bucket/prefix</c> on
    /// the endpoint and credentials of <c>NeuroLake:Storage:S3</c>. Default <c>backups</c> under the data folder, which
    /// survives a damaged table but not a lost disk: point it at another disk or a bucket.
    /// </summary>
    public string Target { get; set; } = "backups";

    /// <summary>Which sets retention keeps (<c>NeuroLake:Backup:Retention:Latest|Daily|Weekly|Monthly</c>); applied after each scheduled backup.</summary>
    public BackupRetentionPolicy Retention { get; set; } = new();
}
