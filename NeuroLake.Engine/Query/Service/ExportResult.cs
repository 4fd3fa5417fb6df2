namespace NeuroLake.Engine.Query.Service;

/// <summary>What an export wrote: result rows, and bytes copied to the destination stream.</summary>
public sealed record ExportResult(long Rows, long Bytes);
