using System.Globalization;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Web.Components.Pages.Jobs;

/// <summary>The editor's fields as typed; <see cref="ToDraft"/> turns them into a draft the engine validates.</summary>
public sealed class JobForm
{
    public string Name { get; set; } = "";

    public JobKind Kind { get; set; } = JobKind.TableMaintenance;

    public string Table { get; set; } = "";

    public string Cron { get; set; } = "0 2 * * *";

    public string TimeZone { get; set; } = "UTC";

    public bool Optimize { get; set; } = true;

    public string ZOrderBy { get; set; } = "";

    public bool Vacuum { get; set; }

    public string VacuumRetainHours { get; set; } = "";

    public string MinSmallFiles { get; set; } = "";

    /// <summary>The saved pipeline a pipeline job runs (ignored for other kinds).</summary>
    public string Pipeline { get; set; } = "";

    public bool NeedsTable => Kind is JobKind.TableMaintenance or JobKind.QualityReprofile;

    /// <summary>A system job: only its schedule may change (see <see cref="SystemJobs"/>).</summary>
    public bool IsSystem => SystemJobs.IsSystemKind(Kind);

    public static JobForm From(JobDefinition job) => new()
    {
        Name = job.Name,
        Kind = job.Kind,
        Table = job.Table?.ToString() ?? "",
        Cron = job.Cron,
        TimeZone = job.TimeZone,
        Optimize = job.Maintenance?.Optimize ?? true,
        ZOrderBy = string.Join(", ", job.Maintenance?.ZOrderColumns ?? []),
        Vacuum = job.Maintenance?.Vacuum ?? false,
        VacuumRetainHours = job.Maintenance?.VacuumRetainHours?.ToString(CultureInfo.InvariantCulture) ?? "",
        MinSmallFiles = job.Maintenance?.MinSmallFiles?.ToString(CultureInfo.InvariantCulture) ?? "",
        Pipeline = job.Pipeline ?? "",
    };

    /// <summary>A new nightly job that runs <paramref name="pipeline"/> (what the Pipelines page's "Schedule" opens).</summary>
    public static JobForm ForPipeline(string pipeline) => new() { Name = $"run {pipeline}", Kind = JobKind.Pipeline, Pipeline = pipeline };

    /// <summary>The draft, or throws <see cref="JobException"/> (or a catalog error for a bad table name) saying what to fix.</summary>
    public JobDraft ToDraft()
    {
        var table = NeedsTable ? ParseTable() : null;
        var maintenance = Kind == JobKind.TableMaintenance
            ? new MaintenanceSettings(
                Optimize,
                ZOrderBy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Vacuum,
                Number(VacuumRetainHours, "VACUUM retention (hours)"),
                Number(MinSmallFiles, "small-file threshold"))
            : null;
        var pipeline = Kind == JobKind.Pipeline ? Pipeline.Trim() : null;
        var draft = new JobDraft(Name, Kind, table, Cron, TimeZone, maintenance, pipeline);
        draft.Validate();
        return draft;
    }

    private SecurablePath ParseTable()
    {
        var path = SecurablePath.Parse(Table.Trim());
        return path.Table is not null && path.Column is null
            ? path
            : throw new JobException($"'{Table}' is not a table: name it as catalog.schema.table, e.g. main.sales.orders.");
    }

    private static int? Number(string text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new JobException($"The {what} '{text}' is not a whole number: type digits only, or leave it empty.");
    }
}
