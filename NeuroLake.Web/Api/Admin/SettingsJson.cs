using NeuroLake.Engine.Configuration;
using NeuroLake.Web.Settings;

namespace NeuroLake.Web.Api.Admin;

/// <summary>
/// The run-time settings as Admin → Settings shows them; time spans are text (<c>d.hh:mm:ss</c>, e.g. <c>00:30:00</c>).
/// As a change (PATCH), a field left out keeps its value. <c>AuthMode</c> (<c>Accounts</c> or <c>Single</c>) is shown here but
/// changed only with <c>PUT /api/v1/admin/settings/auth-mode</c>, which asks for a confirmation.
/// </summary>
public sealed record SettingsValuesJson(
    int? RowLimit = null,
    string? StatementTimeout = null,
    long? CompareRowLimit = null,
    string? UploadExpiry = null,
    int? AuditRetentionDays = null,
    int? JobHistoryDays = null,
    int? JobHistoryRunsPerJob = null,
    string? FailureWebhookUrl = null,
    bool? NewTableMaintenanceOn = null,
    string? NewTableCron = null,
    bool? NewTableOptimize = null,
    bool? NewTableVacuum = null,
    int? NewTableVacuumRetainHours = null,
    string? AuthMode = null)
{
    internal static SettingsValuesJson From(SettingsDraft d, AuthMode mode) => new(
        d.RowLimit, d.StatementTimeout, d.CompareRowLimit, d.UploadExpiry, d.AuditRetentionDays, d.JobHistoryDays, d.JobHistoryRunsPerJob,
        d.FailureWebhookUrl, d.NewTableMaintenanceOn, d.NewTableCron, d.NewTableOptimize, d.NewTableVacuum, d.NewTableVacuumRetainHours, mode.ToString());

    /// <summary>The form <paramref name="current"/> with this change's fields typed over it.</summary>
    internal SettingsDraft ApplyTo(SettingsDraft current)
    {
        current.RowLimit = RowLimit ?? current.RowLimit;
        current.StatementTimeout = StatementTimeout ?? current.StatementTimeout;
        current.CompareRowLimit = CompareRowLimit ?? current.CompareRowLimit;
        current.UploadExpiry = UploadExpiry ?? current.UploadExpiry;
        current.AuditRetentionDays = AuditRetentionDays ?? current.AuditRetentionDays;
        current.JobHistoryDays = JobHistoryDays ?? current.JobHistoryDays;
        current.JobHistoryRunsPerJob = JobHistoryRunsPerJob ?? current.JobHistoryRunsPerJob;
        current.FailureWebhookUrl = FailureWebhookUrl ?? current.FailureWebhookUrl;
        current.NewTableMaintenanceOn = NewTableMaintenanceOn ?? current.NewTableMaintenanceOn;
        current.NewTableCron = NewTableCron ?? current.NewTableCron;
        current.NewTableOptimize = NewTableOptimize ?? current.NewTableOptimize;
        current.NewTableVacuum = NewTableVacuum ?? current.NewTableVacuum;
        current.NewTableVacuumRetainHours = NewTableVacuumRetainHours ?? current.NewTableVacuumRetainHours;
        return current;
    }
}

/// <summary>The settings in effect, the configured values they override, and who overrode which (by setting name).</summary>
public sealed record SettingsJson(SettingsValuesJson Current, SettingsValuesJson Configured, IReadOnlyDictionary<string, SettingOverrideJson> Overrides);

/// <summary>
/// A new sign-in mode: <c>Accounts</c> (people sign in; needs an enabled administrator account with a password) or
/// <c>Single</c> (no sign-in: anyone who reaches the port is an administrator; needs <c>confirmOpenToEveryone: true</c>).
/// </summary>
public sealed record AuthModeRequest(string? Mode, bool? ConfirmOpenToEveryone);

/// <summary>Who changed a setting away from its configured value, and when.</summary>
public sealed record SettingOverrideJson(string By, DateTimeOffset At);
