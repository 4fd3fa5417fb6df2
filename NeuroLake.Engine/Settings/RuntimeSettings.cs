using System.Globalization;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Engine.Settings;

/// <summary>
/// The settings an administrator may change while the workbench runs (Admin → Settings). Each starts at the value
/// configured in appsettings or the environment and may be overridden in the catalog; an override equal to the
/// configured value is dropped, so a later change of configuration shows through again.
/// </summary>
/// <param name="RowLimit">Rows an interactive query keeps per result.</param>
/// <param name="StatementTimeout">How long one statement may run.</param>
/// <param name="CompareRowLimit">Largest version compared row by row on the table page.</param>
/// <param name="UploadExpiry">Age after which an ingestion-wizard upload nobody loaded is removed.</param>
/// <param name="AuditRetentionDays">Days an audit entry is kept.</param>
/// <param name="JobHistoryDays">Days a finished job run stays in the history.</param>
/// <param name="JobHistoryRunsPerJob">Finished runs kept per recurring job whatever their age.</param>
/// <param name="FailureWebhookUrl">Where a failed job is announced (an HTTP POST of JSON); empty for none.</param>
/// <param name="NewTableMaintenance">The maintenance job each new table gets; null means off (see <see cref="NewTables"/>).</param>
/// <param name="AuthMode">
/// Whether people sign in. Changed only through <see cref="SettingsStore.SetAuthModeAsync"/>, after the host checked
/// someone can sign in; <see cref="SettingsStore.SaveAsync"/> keeps the mode in force.
/// </param>
public sealed record RuntimeSettings(
    int RowLimit,
    TimeSpan StatementTimeout,
    long CompareRowLimit,
    TimeSpan UploadExpiry,
    int AuditRetentionDays,
    int JobHistoryDays,
    int JobHistoryRunsPerJob,
    string FailureWebhookUrl,
    NewTableMaintenance? NewTableMaintenance = null,
    AuthMode AuthMode = AuthMode.Accounts)
{
    /// <summary>The default maintenance policy of new tables; off unless an administrator turned it on.</summary>
    public NewTableMaintenance NewTables => NewTableMaintenance ?? global::NeuroLake.Engine.Settings.NewTableMaintenance.Off;

    /// <summary>Every setting's problems, each saying what is wrong and what to give instead; empty when all are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (RowLimit is < 1 or > 10_000_000)
        {
            problems.Add($"Row limit {RowLimit} is out of range: give between 1 and 10,000,000 rows.");
        }

        if (StatementTimeout < TimeSpan.FromSeconds(1) || StatementTimeout > TimeSpan.FromDays(7))
        {
            problems.Add($"Statement timeout {Describe(StatementTimeout)} is out of range: give between 1 second and 7 days.");
        }

        if (CompareRowLimit < 0)
        {
            problems.Add($"Compare row limit {CompareRowLimit} is negative: give zero (compare by counts only) or more rows.");
        }

        if (UploadExpiry < TimeSpan.FromMinutes(5) || UploadExpiry > TimeSpan.FromDays(365))
        {
            problems.Add($"Upload expiry {Describe(UploadExpiry)} is out of range: give between 5 minutes and 365 days.");
        }

        if (AuditRetentionDays is < 1 or > 36_500)
        {
            problems.Add($"Audit retention of {AuditRetentionDays} days is out of range: give between 1 and 36,500 days.");
        }

        if (JobHistoryDays is < 1 or > 3_650)
        {
            problems.Add($"Job history of {JobHistoryDays} days is out of range: give between 1 and 3,650 days.");
        }

        if (JobHistoryRunsPerJob is < 1 or > 100_000)
        {
            problems.Add($"Job history of {JobHistoryRunsPerJob} runs per job is out of range: give between 1 and 100,000 runs.");
        }

        if (WebhookProblem(FailureWebhookUrl) is { } webhook)
        {
            problems.Add(webhook);
        }

        problems.AddRange(NewTables.Problems());

        if (!Enum.IsDefined(AuthMode))
        {
            problems.Add($"Sign-in mode {(int)AuthMode} is not a mode: give Accounts (people sign in) or Single (no sign-in).");
        }

        return problems;
    }

    /// <summary>A time span as people write it: <c>30 min</c>, <c>2 h</c>, <c>1 d 6 h</c>, <c>45 s</c>.</summary>
    public static string Describe(TimeSpan span)
    {
        if (span.TotalSeconds < 60)
        {
            return span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
        }

        var parts = new List<string>();
        if (span.Days > 0) parts.Add($"{span.Days} d");
        if (span.Hours > 0) parts.Add($"{span.Hours} h");
        if (span.Minutes > 0) parts.Add($"{span.Minutes} min");
        if (span.Seconds > 0) parts.Add($"{span.Seconds} s");
        return string.Join(' ', parts);
    }

    private static string? WebhookProblem(string url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        if (url.Length > 2_000)
        {
            return "The failure webhook URL is longer than 2,000 characters: give a shorter URL.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "The failure webhook URL is not an absolute http:// or https:// URL: give one such as https://hooks.example.com/neurolake, or leave it empty.";
        }

        return uri.UserInfo.Length > 0
            ? "The failure webhook URL carries a user name or password: put the secret in the path or a query parameter the receiver checks instead."
            : null;
    }
}
