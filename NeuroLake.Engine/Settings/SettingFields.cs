using System.Globalization;
using System.Text.Json;

namespace NeuroLake.Engine.Settings;

/// <summary>
/// Each run-time setting as stored: its key (the property name), a label for audit entries, and how its value is
/// read from and written into <see cref="RuntimeSettings"/>. Keys are stored: renaming a property needs a migration.
/// </summary>
internal static class SettingFields
{
    public static readonly IReadOnlyList<SettingField> All =
    [
        Field(nameof(RuntimeSettings.RowLimit), "Row limit", s => s.RowLimit, (s, v) => s with { RowLimit = v }),
        Field(nameof(RuntimeSettings.StatementTimeout), "Statement timeout", s => s.StatementTimeout, (s, v) => s with { StatementTimeout = v }),
        Field(nameof(RuntimeSettings.CompareRowLimit), "Compare row limit", s => s.CompareRowLimit, (s, v) => s with { CompareRowLimit = v }),
        Field(nameof(RuntimeSettings.UploadExpiry), "Upload expiry", s => s.UploadExpiry, (s, v) => s with { UploadExpiry = v }),
        Field(nameof(RuntimeSettings.AuditRetentionDays), "Audit retention (days)", s => s.AuditRetentionDays, (s, v) => s with { AuditRetentionDays = v }),
        Field(nameof(RuntimeSettings.JobHistoryDays), "Job history (days)", s => s.JobHistoryDays, (s, v) => s with { JobHistoryDays = v }),
        Field(nameof(RuntimeSettings.JobHistoryRunsPerJob), "Job history (runs per job)", s => s.JobHistoryRunsPerJob, (s, v) => s with { JobHistoryRunsPerJob = v }),
        Field(nameof(RuntimeSettings.FailureWebhookUrl), "Failure webhook URL", s => s.FailureWebhookUrl, (s, v) => s with { FailureWebhookUrl = v ?? "" }),
        Field(nameof(RuntimeSettings.NewTableMaintenance), "New-table maintenance", s => s.NewTables, (s, v) => s with { NewTableMaintenance = v }),
        Field(nameof(RuntimeSettings.AuthMode), "Sign-in mode", s => s.AuthMode, (s, v) => s with { AuthMode = v }),
    ];

    public static SettingField? Find(string key) => All.FirstOrDefault(f => f.Key == key);

    private static SettingField Field<T>(string key, string label, Func<RuntimeSettings, T> get, Func<RuntimeSettings, T, RuntimeSettings> set) => new(
        key,
        label,
        s => Convert.ToString(get(s), CultureInfo.InvariantCulture) ?? "",
        (s, json) => JsonSerializer.Serialize(get(s), json),
        (s, text, json) =>
        {
            try
            {
                return JsonSerializer.Deserialize<T>(text, json) is { } value ? set(s, value) : null;
            }
            catch (JsonException)
            {
                return null;
            }
        });
}

/// <summary>One run-time setting's key, label and conversions (see <see cref="SettingFields"/>).</summary>
internal sealed record SettingField(
    string Key,
    string Label,
    Func<RuntimeSettings, string> Text,
    Func<RuntimeSettings, JsonSerializerOptions, string> Serialize,
    Func<RuntimeSettings, string, JsonSerializerOptions, RuntimeSettings?> Parse);
