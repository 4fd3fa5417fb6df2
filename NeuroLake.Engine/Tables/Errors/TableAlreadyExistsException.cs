using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Tables.Errors;

/// <summary>CREATE TABLE on a location that already holds a table.</summary>
public sealed class TableAlreadyExistsException(string location)
    : NeuroLakeException($"A table already exists at '{location}'. Use IF NOT EXISTS, append to it, or choose another location.")
{
    public string Location { get; } = location;
}
