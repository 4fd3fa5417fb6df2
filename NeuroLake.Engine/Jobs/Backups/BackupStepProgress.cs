using NeuroLake.Engine.Backup;

namespace NeuroLake.Engine.Jobs.Backups;

/// <summary>
/// Turns a backup's or verify's progress into the job's steps, mapped into [<paramref name="from"/>, <paramref name="to"/>]
/// of the whole run; reported synchronously (no context to post to in a job).
/// </summary>
internal sealed class BackupStepProgress(IProgress<JobStep> job, double from, double to) : IProgress<BackupProgress>
{
    public void Report(BackupProgress value) =>
        job.Report(new JobStep(from + (Math.Clamp(value.Fraction, 0, 1) * (to - from)), $"{value.Step}: {value.Files:N0} file(s), {value.Bytes:N0} bytes"));
}
