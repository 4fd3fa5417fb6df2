namespace NeuroLake.Tests.Backup;

/// <summary>A clock the test sets, so backup sets carry chosen times (retention decides by them).</summary>
internal sealed class BackupClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
