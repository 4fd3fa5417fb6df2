using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Catalog;

/// <summary>A catalog request that cannot be carried out as given; the message says how to fix it.</summary>
public sealed class CatalogException : NeuroLakeException
{
    internal CatalogException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
