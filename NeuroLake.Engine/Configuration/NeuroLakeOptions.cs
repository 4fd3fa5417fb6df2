namespace NeuroLake.Engine.Configuration;

/// <summary>
/// NeuroLake's settings, bound from the configuration section <c>NeuroLake</c>
/// (appsettings.json, or environment variables such as <c>NeuroLake__DataDirectory</c>).
/// </summary>
public sealed class NeuroLakeOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "NeuroLake";

    /// <summary>
    /// Folder holding the warehouse, the catalog file and DuckDB's spill files. Default <c>neurolake-data</c>;
    /// a relative path is resolved against the application's content root (see <see cref="ResolveDataDirectory"/>).
    /// </summary>
    public string DataDirectory { get; set; } = "neurolake-data";

    /// <summary>Settings of the DuckDB database the engine runs SQL in.</summary>
    public DuckDbOptions DuckDb { get; set; } = new();

    /// <summary>Settings of the SQL service.</summary>
    public QueryOptions Query { get; set; } = new();

    /// <summary>When staged and scratch files are removed.</summary>
    public CleanupOptions Cleanup { get; set; } = new();

    /// <summary>How long metered usage (statements, job runs, daily storage) is kept.</summary>
    public MeteringOptions Metering { get; set; } = new();

    /// <summary>What the cost recommendations look back over and assume.</summary>
    public CostRecommendationOptions CostRecommendations { get; set; } = new();

    /// <summary>Scheduled jobs: workers, queues, history retention.</summary>
    public JobsOptions Jobs { get; set; } = new();

    /// <summary>Sign-in or the single-user mode.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>Where the catalog lives.</summary>
    public CatalogOptions Catalog { get; set; } = new();

    /// <summary>Object stores tables may live in besides local folders (S3), and how their commits are made exclusive.</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>Admission control: how many statements and loads of each workload class run at once (<c>NeuroLake:Admission</c>).</summary>
    public Admission.AdmissionOptions Admission { get; set; } = new();

    /// <summary>Where backup sets are written.</summary>
    public BackupOptions Backup { get; set; } = new();

    /// <summary>
    /// Folder of managed tables (<c>&lt;warehouse&gt;/&lt;catalog&gt;/&lt;schema&gt;/&lt;table&gt;</c>). Default <c>warehouse</c>;
    /// a relative path is resolved against the data folder. <c>s3://bucket/prefix</c> puts managed tables on the S3 store
    /// of <see cref="StorageOptions.S3"/>, read through the local file cache (<see cref="FileCacheOptions"/>).
    /// </summary>
    public string Warehouse { get; set; } = "warehouse";

    /// <summary>
    /// Comparing two table versions lists the rows added and removed only when neither version has more rows than
    /// this; larger tables are compared by counts. Default 1,000,000.
    /// </summary>
    public long CompareRowLimit { get; set; } = 1_000_000;

    /// <summary>
    /// Folders, or <c>s3://bucket/prefix</c> locations on the <see cref="StorageOptions.S3"/> endpoint, holding existing Delta
    /// tables that <c>CREATE TABLE s.t USING DELTA LOCATION '&lt;path&gt;'</c> may register; user SQL can read these besides
    /// the warehouse. Empty by default.
    /// </summary>
    public List<string> ExternalLocations { get; set; } = [];

    /// <summary>Rows an interactive query keeps per result before saying more exist. Default 10,000.</summary>
    public int RowLimit { get; set; } = 10_000;

    /// <summary>
    /// The local user queries run as and writes are recorded under, until the workbench has logins.
    /// Default: the operating-system account running the app (<see cref="Environment.UserName"/>).
    /// </summary>
    public string User { get; set; } = Environment.UserName;

    /// <summary>Where the table layer stages checkpoint and rewrite files: <c>&lt;data&gt;/staging/tables</c>.</summary>
    public static string ResolveTableStaging(string dataDirectory) => Path.Combine(dataDirectory, "staging", "tables");

    /// <summary>Where files sent to the ingestion API wait while they load: <c>&lt;data&gt;/staging/uploads</c>.</summary>
    public static string ResolveIngestStaging(string dataDirectory) => Path.Combine(dataDirectory, "staging", "uploads");

    /// <summary>The warehouse: an <c>s3://</c> prefix as configured, or the absolute folder, given the absolute data folder.</summary>
    public string ResolveWarehouse(string dataDirectory) =>
        Warehouse.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? Warehouse : Path.GetFullPath(Warehouse, dataDirectory);

    /// <summary>The backup repository: an <c>s3://</c> prefix as configured, or the absolute folder, given the absolute data folder.</summary>
    public string ResolveBackupTarget(string dataDirectory) =>
        Backup.Target.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? Backup.Target : Path.GetFullPath(Backup.Target, dataDirectory);

    /// <summary>The absolute data folder: <see cref="DataDirectory"/> resolved against <paramref name="contentRoot"/>.</summary>
    public string ResolveDataDirectory(string contentRoot) => Path.GetFullPath(DataDirectory, contentRoot);
}
