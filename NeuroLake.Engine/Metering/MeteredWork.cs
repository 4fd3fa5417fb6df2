namespace NeuroLake.Engine.Metering;

/// <summary>A table a piece of work touched: the bytes and files it read from it, and whether it wrote to it.</summary>
/// <param name="Table">Dotted name, <c>catalog.schema.table</c>.</param>
public sealed record TableScan(string Table, long Bytes, long Files, bool Written = false);

/// <summary>
/// One metered statement or job run. <paramref name="Cpu"/> is the process's CPU time over the work: the process is
/// shared, so work running at the same time (other statements, jobs, the web server) blurs it; a job run's own record
/// leaves out the CPU of the statements and loads it ran, which have records of their own.
/// </summary>
/// <param name="Kind">The statement kind (e.g. <c>Query</c>, <c>Insert</c>) or the job kind.</param>
/// <param name="Outcome">Ok, Error, Cancelled (statements) or the job run's final status.</param>
/// <param name="BytesScanned">
/// The size of the data files of every table version the statement read: an upper bound, since partition and row-group
/// pruning inside DuckDB are not seen. For a file load, the source file's size. Zero for job runs (their statements carry the bytes).
/// </param>
/// <param name="JobRunId">The job run this is, or the job run whose statement this is; null for interactive statements.</param>
/// <param name="MemoryAllocatedBytes">
/// Memory DuckDB's buffer manager allocated for the statement (its profiler): an upper bound of the statement's peak,
/// since DuckDB reports peak memory only as a database-wide high-water mark that never falls. Null when not profiled.
/// </param>
/// <param name="DuckDbCpu">
/// CPU time DuckDB's profiler counted for the statement's queries: the statement's own, unlike <paramref name="Cpu"/>,
/// which concurrent work blurs. Null when not profiled.
/// </param>
public sealed record MeteredWork(
    Guid Id,
    WorkSource Source,
    WorkloadClass Workload,
    string User,
    string Kind,
    string Outcome,
    DateTimeOffset StartedAt,
    TimeSpan Wall,
    TimeSpan Cpu,
    long BytesScanned,
    long FilesScanned,
    IReadOnlyList<TableScan> Tables,
    Guid? JobRunId = null,
    long? MemoryAllocatedBytes = null,
    TimeSpan? DuckDbCpu = null)
{
    /// <summary>The UTC day the work started on, the day it is charged to.</summary>
    public DateOnly Day => DateOnly.FromDateTime(StartedAt.UtcDateTime);
}
