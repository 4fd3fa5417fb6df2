using NeuroLake.Engine.Backup;

namespace NeuroLake.Web.Components.Pages.Backups;

/// <summary>
/// Reports on the caller's thread, unlike <see cref="Progress{T}"/>, which posts each report and may run one after the
/// work ended; the callback re-renders through the component's dispatcher.
/// </summary>
internal sealed class ProgressReporter(Action<BackupProgress> report) : IProgress<BackupProgress>
{
    public void Report(BackupProgress value) => report(value);
}
