using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Admission;

/// <summary>
/// How many statements and loads of each workload class may run at once. Defaults come from the machine's cores:
/// interactive queries get their own slots and never wait for heavy work; all heavy classes together may use at
/// most the cores left after the interactive reserve. Configuration <c>NeuroLake:Admission:*</c>.
/// </summary>
public sealed class AdmissionOptions
{
    /// <summary>False runs everything at once, as before admission control (for comparison in <c>bench admission</c>). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Interactive statements at once. Default: twice the cores, at least 4 (they are short, and DuckDB parallelises each).</summary>
    public int? InteractiveConcurrency { get; set; }

    /// <summary>
    /// Ingestion, maintenance, backup and tiering work at once, all together. Default: the cores minus the half kept
    /// for interactive queries, at least 1.
    /// </summary>
    public int? HeavyConcurrency { get; set; }

    /// <summary>Loads and pipeline statements at once (within the heavy limit). Default: the heavy limit.</summary>
    public int? IngestionConcurrency { get; set; }

    /// <summary>OPTIMIZE, VACUUM, RESTORE and other maintenance at once (within the heavy limit). Default 1.</summary>
    public int? MaintenanceConcurrency { get; set; }

    /// <summary>Backups at once (within the heavy limit). Default 1.</summary>
    public int? BackupConcurrency { get; set; }

    /// <summary>Tiering moves at once (within the heavy limit). Default 1.</summary>
    public int? TieringConcurrency { get; set; }

    /// <summary>
    /// DuckDB worker threads of the databases for heavy work: the query service's for heavy statements (row writes,
    /// maintenance, a job's statements) and the load database. Default: every core while <see cref="HeavyNice"/> lowers
    /// their priority (heavy work then uses idle cores and yields them to interactive queries), else the heavy limit's
    /// share of the cores (the cores minus half, at least 1), leaving the interactive reserve's cores free.
    /// </summary>
    public int? HeavyThreads { get; set; }

    /// <summary>
    /// DuckDB memory limit of that heavy database, in DuckDB's syntax (<c>1GB</c>); past it heavy statements spill to
    /// disk or fail, never taking the interactive database's memory. Default: <c>NeuroLake:DuckDb:MemoryLimit</c> when
    /// set, otherwise DuckDB's default.
    /// </summary>
    public string? HeavyMemoryLimit { get; set; }

    /// <summary>
    /// Nice value (Linux CPU priority, 1 to 19; 0 leaves heavy work at normal priority) of the heavy databases' DuckDB
    /// worker threads and of the threads their statements execute on, so heavy work uses idle cores but yields them to
    /// interactive queries. Default 19: in <c>bench admission</c> it kept an interactive query's p95 under load lower
    /// than 10 did with the heavy work on every core.
    /// </summary>
    public int HeavyNice { get; set; } = 19;

    /// <summary>
    /// DuckDB settings of a database for heavy work (the query service's heavy database, the load database): the heavy
    /// threads for <paramref name="cores"/> cores, <see cref="HeavyMemoryLimit"/> or else <paramref name="memoryLimit"/>,
    /// spilling to <paramref name="spill"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A configured value is out of range; names it.</exception>
    public DuckDbSettings HeavySettings(int cores, string? memoryLimit, string spill)
    {
        if (HeavyNice is < 0 or > 19)
        {
            throw new ArgumentException($"NeuroLake:Admission:HeavyNice is {HeavyNice}: give a nice value from 0 (normal priority) to 19 (lowest), or leave it out for 19.");
        }

        return new DuckDbSettings { Threads = ResolveHeavyThreads(cores), MemoryLimit = HeavyMemoryLimit ?? memoryLimit, TempDirectory = spill };
    }

    /// <summary>The heavy database's threads for a machine of <paramref name="cores"/> cores.</summary>
    /// <exception cref="ArgumentException">A configured value is zero or negative; names it.</exception>
    public int ResolveHeavyThreads(int cores) => Positive(HeavyThreads, HeavyNice > 0 ? cores : HeavyShare(cores), nameof(HeavyThreads));

    private static int HeavyShare(int cores) => Math.Max(1, cores - Math.Max(1, cores / 2));

    /// <summary>The limits with every default filled in for a machine of <paramref name="cores"/> cores.</summary>
    /// <exception cref="ArgumentException">A limit is zero or negative; names it.</exception>
    public AdmissionLimits Resolve(int cores)
    {
        var heavy = Positive(HeavyConcurrency, HeavyShare(cores), nameof(HeavyConcurrency));
        return new AdmissionLimits(
            Enabled,
            heavy,
            new Dictionary<WorkloadClass, int>
            {
                [WorkloadClass.InteractiveQuery] = Positive(InteractiveConcurrency, Math.Max(4, 2 * cores), nameof(InteractiveConcurrency)),
                [WorkloadClass.Ingestion] = Math.Min(heavy, Positive(IngestionConcurrency, heavy, nameof(IngestionConcurrency))),
                [WorkloadClass.Maintenance] = Math.Min(heavy, Positive(MaintenanceConcurrency, 1, nameof(MaintenanceConcurrency))),
                [WorkloadClass.Backup] = Math.Min(heavy, Positive(BackupConcurrency, 1, nameof(BackupConcurrency))),
                [WorkloadClass.Tiering] = Math.Min(heavy, Positive(TieringConcurrency, 1, nameof(TieringConcurrency))),
            });
    }

    private static int Positive(int? value, int fallback, string name) => value switch
    {
        null => fallback,
        > 0 => value.Value,
        _ => throw new ArgumentException($"NeuroLake:Admission:{name} is {value}: give a number of 1 or more, or leave it out for the default."),
    };
}
