namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>How the source's rows go into the target table.</summary>
public enum LoadMode
{
    /// <summary>Create the table (it must not exist) from the rows, optionally partitioned.</summary>
    NewTable,

    /// <summary>Add the rows to the existing table.</summary>
    Append,

    /// <summary>Replace the existing table's rows with the source's.</summary>
    Overwrite,

    /// <summary>Update rows whose key matches a source row and insert the others (MERGE update-all / insert-all).</summary>
    MergeOnKey,
}

/// <summary>What happens to rows where at least one value did not parse.</summary>
public enum BadRowPolicy
{
    /// <summary>Write them, with their raw values, reasons and load time, to the table <c>&lt;table&gt;_quarantine</c>.</summary>
    Quarantine,

    /// <summary>Leave them out and count them.</summary>
    Skip,

    /// <summary>Refuse the whole load; nothing is written.</summary>
    Fail,
}
