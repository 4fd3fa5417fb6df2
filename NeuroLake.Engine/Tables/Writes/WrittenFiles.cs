using NeuroLake.Engine.Tables.Actions;

namespace NeuroLake.Engine.Tables.Writes;

/// <summary>Data files a write produced (not yet committed), with totals for commitInfo metrics.</summary>
internal sealed record WrittenFiles(IReadOnlyList<AddFile> Files, long Rows, long Bytes);
