using System.Globalization;
using NeuroLake.Engine.Settings;

namespace NeuroLake.Web.Settings;

/// <summary>The Settings form's fields; time spans are text (<c>d.hh:mm:ss</c>) so a typo is reported, not lost.</summary>
internal sealed class SettingsDraft
{
    public int RowLimit { get; set; }

    public string StatementTimeout { get; set; } = "";

    public long CompareRowLimit { get; set; }

    public string UploadExpiry { get; set; } = "";

    public int AuditRetentionDays { get; set; }

    public int JobHistoryDays { get; set; }

    public int JobHistoryRunsPerJob { get; set; }

    public string FailureWebhookUrl { get; set; } = "";

    /// <summary>Whether each new table gets a maintenance job (the default policy).</summary>
    public bool NewTableMaintenanceOn { get; set; }

    public string NewTableCron { get; set; } = "";

    public bool NewTableOptimize { get; set; }

    public bool NewTableVacuum { get; set; }

    /// <summary>Empty: each table's own retention.</summary>
    public int? NewTableVacuumRetainHours { get; set; }

    public static SettingsDraft From(RuntimeSettings s) => new()
    {
        RowLimit = s.RowLimit,
        StatementTimeout = Span(s.StatementTimeout),
        CompareRowLimit = s.CompareRowLimit,
        UploadExpiry = Span(s.UploadExpiry),
        AuditRetentionDays = s.AuditRetentionDays,
        JobHistoryDays = s.JobHistoryDays,
        JobHistoryRunsPerJob = s.JobHistoryRunsPerJob,
        FailureWebhookUrl = s.FailureWebhookUrl,
        NewTableMaintenanceOn = s.NewTables.Enabled,
        NewTableCron = s.NewTables.Cron,
        NewTableOptimize = s.NewTables.Optimize,
        NewTableVacuum = s.NewTables.Vacuum,
        NewTableVacuumRetainHours = s.NewTables.VacuumRetainHours,
    };

    /// <summary>A setting's value as the form shows it, for the "configured" hint.</summary>
    public static string Text(string key, RuntimeSettings s) => key switch
    {
        nameof(RuntimeSettings.StatementTimeout) => Span(s.StatementTimeout),
        nameof(RuntimeSettings.UploadExpiry) => Span(s.UploadExpiry),
        nameof(RuntimeSettings.RowLimit) => s.RowLimit.ToString("N0", CultureInfo.InvariantCulture),
        nameof(RuntimeSettings.CompareRowLimit) => s.CompareRowLimit.ToString("N0", CultureInfo.InvariantCulture),
        nameof(RuntimeSettings.AuditRetentionDays) => s.AuditRetentionDays.ToString(CultureInfo.InvariantCulture),
        nameof(RuntimeSettings.JobHistoryDays) => s.JobHistoryDays.ToString(CultureInfo.InvariantCulture),
        nameof(RuntimeSettings.JobHistoryRunsPerJob) => s.JobHistoryRunsPerJob.ToString(CultureInfo.InvariantCulture),
        nameof(RuntimeSettings.FailureWebhookUrl) => s.FailureWebhookUrl.Length == 0 ? "none" : s.FailureWebhookUrl,
        nameof(RuntimeSettings.NewTableMaintenance) => s.NewTables.ToString(),
        nameof(RuntimeSettings.AuthMode) => s.AuthMode == NeuroLake.Engine.Configuration.AuthMode.Single ? "Single (no sign-in)" : "Accounts (sign-in)",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a setting the form shows."),
    };

    /// <summary>The settings the form describes (fields it does not show are kept from <paramref name="current"/>), or why it cannot.</summary>
    public (RuntimeSettings? Settings, IReadOnlyList<string> Problems) ToSettings(RuntimeSettings current)
    {
        var problems = new List<string>();
        var timeout = ParseSpan(StatementTimeout, "Statement timeout", problems);
        var expiry = ParseSpan(UploadExpiry, "Upload expiry", problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var newTables = new NewTableMaintenance(
            NewTableMaintenanceOn, (NewTableCron ?? "").Trim(), NewTableOptimize, NewTableVacuum, NewTableVacuum ? NewTableVacuumRetainHours : null);
        return (current with
        {
            RowLimit = RowLimit,
            StatementTimeout = timeout,
            CompareRowLimit = CompareRowLimit,
            UploadExpiry = expiry,
            AuditRetentionDays = AuditRetentionDays,
            JobHistoryDays = JobHistoryDays,
            JobHistoryRunsPerJob = JobHistoryRunsPerJob,
            FailureWebhookUrl = (FailureWebhookUrl ?? "").Trim(),
            // Unchanged keeps the value as it was (null while never set), so an untouched form gives back the same settings.
            NewTableMaintenance = newTables == current.NewTables ? current.NewTableMaintenance : newTables,
        }, []);
    }

    private static string Span(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);

    private static TimeSpan ParseSpan(string text, string label, List<string> problems)
    {
        if (TimeSpan.TryParseExact((text ?? "").Trim(), "c", CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }

        problems.Add($"{label} '{text}' is not a time span: write days.hours:minutes:seconds, e.g. 00:30:00 for 30 minutes or 7.00:00:00 for a week.");
        return default;
    }
}
