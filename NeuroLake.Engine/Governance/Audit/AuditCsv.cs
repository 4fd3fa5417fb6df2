using System.Globalization;

namespace NeuroLake.Engine.Governance.Audit;

/// <summary>
/// Audit entries as RFC 4180 CSV. Fields that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
/// carriage return) get a leading apostrophe: the log holds user text, and opening the export must not execute it.
/// </summary>
internal static class AuditCsv
{
    public const string Header = "time,user,action,target,outcome,details";

    public static string Line(AuditEntry entry) => string.Join(',',
        Field(entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        Field(entry.User),
        Field(entry.Action.ToString()),
        Field(entry.Target),
        Field(entry.Outcome.ToString()),
        Field(entry.Details));

    internal static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
