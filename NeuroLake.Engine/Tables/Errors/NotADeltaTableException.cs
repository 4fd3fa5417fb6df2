using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Tables.Errors;

/// <summary>The location has no Delta log: it is not a table (yet).</summary>
public sealed class NotADeltaTableException(string location)
    : NeuroLakeException($"'{location}' is not a Delta table: it has no _delta_log folder with commits. Check the path, or create the table first.")
{
    public string Location { get; } = location;
}
