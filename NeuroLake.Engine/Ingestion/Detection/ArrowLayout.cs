namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>How an Arrow file lays out its record batches.</summary>
public enum ArrowLayout
{
    /// <summary>The IPC file format ("ARROW1" magic, a footer indexing the batches): <c>.arrow</c>, Feather v2.</summary>
    IpcFile,

    /// <summary>The IPC stream format (messages one after another, no footer): <c>.arrows</c>, often <c>.arrow</c> too.</summary>
    IpcStream,

    /// <summary>Feather v1, the pre-IPC layout no current Arrow library reads.</summary>
    FeatherV1,
}
