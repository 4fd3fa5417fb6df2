namespace NeuroLake.Engine.Ingestion;

/// <summary>The steps of an ingestion, in order.</summary>
public enum IngestionPhase
{
    /// <summary>The file is being copied to the staging folder.</summary>
    Upload,

    /// <summary>Format, encoding, dialect and columns are being detected.</summary>
    Detect,

    /// <summary>Rows are being counted and checked (values that do not parse), or quality and PII profiled.</summary>
    Profile,

    /// <summary>Data files are being written; nothing is visible in the table yet.</summary>
    Write,

    /// <summary>The table version is being committed and the catalog updated; no longer cancellable.</summary>
    Commit,

    /// <summary>Finished.</summary>
    Done,
}
