using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Settings;

namespace NeuroLake.Web.Jobs;

/// <summary>
/// Gives each new table the default maintenance job of Admin → Settings ("New tables"), owned by whoever created the
/// table, when the policy is on. Tables that existed before are never touched.
/// </summary>
internal sealed partial class NewTableJobs(SettingsStore settings, IServiceProvider services, ILogger<NewTableJobs> logger) : ITableCreatedListener
{
    public async Task OnTableCreatedAsync(SecurablePath table, string creator, CancellationToken ct)
    {
        var policy = settings.Current.NewTables;
        if (!policy.Enabled)
        {
            return;
        }

        try
        {
            var draft = new JobDraft($"Maintenance of {table.Schema}.{table.Table}", JobKind.TableMaintenance, table, policy.Cron, "UTC", policy.Settings);
            // Resolved here, not injected: the scheduler's dependencies reach the catalog registrar that calls this.
            await services.GetRequiredService<JobScheduler>().CreateForNewTableAsync(draft, creator, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The table exists either way; its owner can schedule maintenance on its page.
            LogFailed(e, table.ToString());
        }
    }

    [LoggerMessage(EventId = 3300, Level = LogLevel.Warning, Message = "Could not schedule the default maintenance job of new table {Table}")]
    private partial void LogFailed(Exception exception, string table);
}
