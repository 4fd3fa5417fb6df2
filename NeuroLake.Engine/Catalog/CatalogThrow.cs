using System.Diagnostics.CodeAnalysis;

namespace NeuroLake.Engine.Catalog;

/// <summary>Throwing kept out of line so service methods stay short.</summary>
internal static class CatalogThrow
{
    [DoesNotReturn]
    public static void NotFound(string kind, string name) =>
        throw new CatalogException($"{kind} '{name}' does not exist in the catalog: register it first or check the name.");

    [DoesNotReturn]
    public static void Duplicate(string kind, string name) =>
        throw new CatalogException($"{kind} '{name}' already exists: choose another name or update the existing one.");

    [DoesNotReturn]
    public static void Invalid(string message) => throw new CatalogException(message);
}
