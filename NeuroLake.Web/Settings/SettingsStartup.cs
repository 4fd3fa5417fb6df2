using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Settings;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Web.Settings;

/// <summary>
/// Loads the administrator's run-time settings once the catalog is migrated and hands each change to the services
/// that copy a value at start (the query service's limits and sign-in mode, the upload store's expiry). Everything else reads
/// <see cref="SettingsStore.Current"/> when it needs a value.
/// </summary>
internal sealed class SettingsStartup(SettingsStore settings, QueryService queries, UploadStore uploads) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        settings.Changed += Apply;
        await settings.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        settings.Changed -= Apply;
        return Task.CompletedTask;
    }

    private void Apply(RuntimeSettings current)
    {
        queries.ApplyLimits(current.RowLimit, current.StatementTimeout);
        queries.ApplyAuthMode(current.AuthMode);
        uploads.Expiry = current.UploadExpiry;
    }
}
