using NeuroLake.Engine.Jobs;

namespace NeuroLake.Web.Jobs;

/// <summary>Which Hangfire queue each kind of job waits in.</summary>
public static class JobQueues
{
    public const string Maintenance = "maintenance";

    public const string Backup = "backup";

    public const string Tiering = "tiering";

    public const string Default = "default";

    public static string For(JobKind kind) => kind switch
    {
        JobKind.TableMaintenance => Maintenance,
        JobKind.Backup or JobKind.VerifyBackups => Backup,
        JobKind.Tiering => Tiering,
        _ => Default,
    };
}
