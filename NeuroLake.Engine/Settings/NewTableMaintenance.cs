using System.Globalization;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Engine.Settings;

/// <summary>
/// The maintenance job every new table gets (Admin → Settings, "New tables"): off by default; when on, a table created
/// afterwards gets a job owned by its creator that runs OPTIMIZE and/or VACUUM on <see cref="Cron"/> (UTC). Tables
/// that exist when it is turned on are left as they are.
/// </summary>
/// <param name="VacuumRetainHours">VACUUM's RETAIN; null uses each table's own retention.</param>
public sealed record NewTableMaintenance(
    bool Enabled = false,
    string Cron = "0 3 * * *",
    bool Optimize = true,
    bool Vacuum = false,
    int? VacuumRetainHours = null)
{
    public static NewTableMaintenance Off { get; } = new();

    /// <summary>What each new table's job does.</summary>
    public MaintenanceSettings Settings => new(Optimize, null, Vacuum, Vacuum ? VacuumRetainHours : null);

    /// <summary>Each problem with a fix; checked while off too, so turning it on later cannot meet a bad schedule.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        try
        {
            CronSchedule.Parse(Cron);
        }
        catch (JobException e)
        {
            problems.Add($"New-table maintenance schedule: {e.Message}");
        }

        if (Enabled && !Optimize && !Vacuum)
        {
            problems.Add("New-table maintenance does nothing: turn on OPTIMIZE, VACUUM or both, or turn the default policy off.");
        }

        if (VacuumRetainHours is < 0 or > 87_600)
        {
            problems.Add($"New-table VACUUM retention of {VacuumRetainHours} hours is out of range: give between 0 and 87,600 hours, or leave it empty for each table's own.");
        }

        return problems;
    }

    /// <summary>The policy in words, e.g. "on: OPTIMIZE + VACUUM (RETAIN 168 HOURS), every day at 03:00 (UTC)"; also how changes are audited.</summary>
    public override string ToString()
    {
        var does = string.Join(" + ", new[]
        {
            Optimize ? "OPTIMIZE" : null,
            Vacuum ? "VACUUM" + (VacuumRetainHours is { } h ? string.Create(CultureInfo.InvariantCulture, $" (RETAIN {h} HOURS)") : "") : null,
        }.Where(s => s is not null));
        return $"{(Enabled ? "on" : "off")}: {(does.Length == 0 ? "nothing" : does)}, cron '{Cron}' (UTC)";
    }
}
