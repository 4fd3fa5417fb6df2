using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Query.Advisor;

namespace NeuroLake.Engine.Query.Service;

/// <summary>Where managed tables live and how the service's DuckDB runs.</summary>
public sealed class QueryServiceOptions
{
    /// <summary>Folder of managed tables (<c>&lt;root&gt;/&lt;catalog&gt;/&lt;schema&gt;/&lt;table&gt;</c>); the only folder user SQL can reach. Required.</summary>
    public string WarehouseRoot { get; set; } = "";

    /// <summary>The catalog that <c>schema.table</c> names resolve in.</summary>
    public string Catalog { get; set; } = "main";

    /// <summary>
    /// Folders or <c>s3://</c> locations that may hold existing Delta tables registered with <c>CREATE TABLE s.t USING DELTA LOCATION '&lt;path&gt;'</c>
    /// (configuration <c>NeuroLake:ExternalLocations</c>); user SQL can reach these besides the warehouse. Empty by default.
    /// </summary>
    public IList<string> ExternalLocations { get; } = [];

    /// <summary>DuckDB worker threads; null keeps DuckDB's default (all cores).</summary>
    public int? Threads { get; set; }

    /// <summary>
    /// DuckDB memory limit of the service's database, in DuckDB's syntax (<c>512MB</c>, <c>4GB</c>); null keeps DuckDB's
    /// default (80% of RAM). Configuration <c>NeuroLake:DuckDb:MemoryLimit</c>.
    /// </summary>
    public string? MemoryLimit { get; set; }

    /// <summary>
    /// How long one statement may run before it is interrupted and answered with a timeout error. Default 30 minutes,
    /// generous so long exports and large writes finish; <see cref="Timeout.InfiniteTimeSpan"/> turns it off. Configuration <c>NeuroLake:Query:StatementTimeout</c>.
    /// </summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Rows a result keeps when the request does not say (<see cref="QueryRequest.RowLimit"/> 0). Default 10,000; must be positive.</summary>
    public int RowLimit { get; set; } = 10_000;

    /// <summary>
    /// Folder under which the service keeps its scratch space (DuckDB's spill files, exports being written), in a
    /// subfolder of its own deleted on dispose. Null: the system temp folder.
    /// </summary>
    public string? ScratchDirectory { get; set; }

    /// <summary>
    /// <see cref="AuthMode.Accounts"/> (default): every statement is checked against the user's privileges, PII columns
    /// are masked and row filters applied. <see cref="AuthMode.Single"/>: nothing is checked. Configuration <c>NeuroLake:Auth:Mode</c>;
    /// the running service follows <see cref="QueryService.ApplyAuthMode"/>.
    /// </summary>
    public AuthMode AuthMode { get; set; } = AuthMode.Accounts;

    /// <summary>
    /// Admission control's limits per workload class, used when the service is not given the process's shared
    /// <see cref="Admission.WorkloadAdmission"/>.
    /// </summary>
    public Admission.AdmissionOptions Admission { get; set; } = new();

    /// <summary>Thresholds of the query advisor's rules.</summary>
    public QueryAdvisorOptions Advisor { get; } = new();
}
