namespace NeuroLake.Engine.Backup;

/// <summary>
/// Grandfather-father-son retention: the <see cref="Latest"/> newest sets, plus the newest set of each of the last
/// <see cref="Daily"/> days, <see cref="Weekly"/> ISO weeks and <see cref="Monthly"/> months that have a set (UTC).
/// A set kept for any reason is kept; every count may be 0, but not all of them.
/// </summary>
public sealed class BackupRetentionPolicy
{
    public const int MaxCount = 1000;

    /// <summary>The newest sets kept whatever their age; default 7.</summary>
    public int Latest { get; set; } = 7;

    /// <summary>Days (with a set) whose newest set is kept; default 7.</summary>
    public int Daily { get; set; } = 7;

    /// <summary>ISO weeks (with a set) whose newest set is kept; default 4.</summary>
    public int Weekly { get; set; } = 4;

    /// <summary>Months (with a set) whose newest set is kept; default 6.</summary>
    public int Monthly { get; set; } = 6;

    /// <summary>Throws <see cref="BackupException"/> naming the setting to change.</summary>
    public BackupRetentionPolicy Validate()
    {
        foreach (var (name, value) in new[] { ("Latest", Latest), ("Daily", Daily), ("Weekly", Weekly), ("Monthly", Monthly) })
        {
            if (value is < 0 or > MaxCount)
            {
                throw new BackupException($"Backup retention {name} is {value}: set NeuroLake:Backup:Retention:{name} to a count from 0 to {MaxCount}.");
            }
        }

        if (Latest + Daily + Weekly + Monthly == 0)
        {
            throw new BackupException("Backup retention keeps no set at all: set NeuroLake:Backup:Retention:Latest (or Daily, Weekly, Monthly) above 0.");
        }

        return this;
    }
}
