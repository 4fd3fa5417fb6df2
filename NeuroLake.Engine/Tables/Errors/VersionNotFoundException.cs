using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Tables.Errors;

/// <summary>Time travel asked for a version or timestamp the table's log does not (or no longer) cover.</summary>
public sealed class VersionNotFoundException(string message) : NeuroLakeException(message);
