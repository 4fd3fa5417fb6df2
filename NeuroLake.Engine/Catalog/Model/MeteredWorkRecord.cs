namespace NeuroLake.Engine.Catalog.Model;

/// <summary>One metered piece of work: a statement or a job run, with its wall and CPU time and the bytes it scanned.</summary>
internal sealed class MeteredWorkRecord
{
    public Guid Id { get; set; }

    public int Source { get; set; }

    public int Workload { get; set; }

    public string UserName { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Outcome { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public long WallTicks { get; set; }

    public long CpuTicks { get; set; }

    public long BytesScanned { get; set; }

    public long FilesScanned { get; set; }

    /// <summary>Memory DuckDB's buffer manager allocated for the work (its profiler); null when not profiled.</summary>
    public long? MemoryAllocatedBytes { get; set; }

    /// <summary>CPU time DuckDB spent on the work's statements, in ticks (its profiler); null when not profiled.</summary>
    public long? DuckDbCpuTicks { get; set; }

    /// <summary>JSON list of the tables read and written, each with the bytes and files read from it.</summary>
    public string TablesJson { get; set; } = "";

    /// <summary>The job run the work belongs to: the run itself, or a statement the run executed.</summary>
    public Guid? JobRunId { get; set; }
}
