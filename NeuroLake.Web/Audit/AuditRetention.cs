using NeuroLake.Engine.Settings;
using NeuroLake.Engine.Governance.Audit;

namespace NeuroLake.Web.Audit;

/// <summary>Removes audit entries past the audit retention (Admin → Settings) at start and then once a day.</summary>
internal sealed partial class AuditRetention(AuditLog audit, SettingsStore settings, TimeProvider time, ILogger<AuditRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var removed = await audit.ApplyRetentionAsync(settings.Current.AuditRetentionDays, stoppingToken);
                if (removed > 0)
                {
                    LogRemoved(removed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Removed {Count} audit entries past retention")]
    private partial void LogRemoved(int count);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Could not apply the audit log's retention; retrying tomorrow")]
    private partial void LogFailed(Exception exception);
}
