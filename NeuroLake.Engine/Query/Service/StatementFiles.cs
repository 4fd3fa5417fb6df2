using NeuroLake.Engine.Storage.Cache;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// The file leases of one running statement: the local copies of remote tables it reads stay pinned in the file cache
/// until the statement ends (its reader is done), then are released together.
/// </summary>
internal sealed class StatementFiles : IDisposable
{
    private readonly List<FileLease> _leases = [];
    private bool _disposed;

    /// <summary>Keeps <paramref name="lease"/> until the statement ends; a lease held after the end is released at once.</summary>
    public void Hold(FileLease lease)
    {
        lock (_leases)
        {
            if (!_disposed)
            {
                _leases.Add(lease);
                return;
            }
        }

        lease.Dispose();
    }

    public void Dispose()
    {
        List<FileLease> leases;
        lock (_leases)
        {
            _disposed = true;
            leases = [.. _leases];
            _leases.Clear();
        }

        foreach (var lease in leases)
        {
            lease.Dispose();
        }
    }
}
