namespace NeuroLake.Engine.Catalog;

/// <summary>
/// A counter this process advances after every saved change to a catalog, schema, table or column row, so what was
/// read from those rows can be cached and known stale the moment one of them changes.
/// </summary>
internal sealed class CatalogGeneration
{
    private long _value;

    public long Current => Volatile.Read(ref _value);

    public void Advance() => Interlocked.Increment(ref _value);
}
