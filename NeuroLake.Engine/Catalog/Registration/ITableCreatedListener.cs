namespace NeuroLake.Engine.Catalog.Registration;

/// <summary>Told once when a user's write creates a table new to the catalog (CREATE TABLE, CTAS, a first load).</summary>
public interface ITableCreatedListener
{
    /// <summary>Must not throw: the table is already registered, and its creation must not look failed.</summary>
    Task OnTableCreatedAsync(SecurablePath table, string creator, CancellationToken ct);
}
