namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>
/// The catalog name of a table location: the name it is already registered under (an external table registered by
/// name keeps it), else its managed name from the <see cref="WarehouseLayout"/>, else none with the reason.
/// </summary>
internal sealed class TableNaming(RegisteredTables registered, WarehouseLayout layout)
{
    public async Task<NamedLocation> ResolveAsync(string location, CancellationToken ct)
    {
        if (await registered.FindAsync(location, ct) is { } known)
        {
            return new NamedLocation(known.Name, known.Location, "");
        }

        var name = layout.NameOf(location, out var reason);
        return new NamedLocation(name, TableLocation.Normalize(location), reason);
    }
}

/// <summary>A location with the name to register it under (null when it has none, with <paramref name="Reason"/>).</summary>
internal sealed record NamedLocation(SecurablePath? Name, string Location, string Reason);
