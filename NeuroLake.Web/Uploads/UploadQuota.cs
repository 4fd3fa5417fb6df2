using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NeuroLake.Web.Security;

namespace NeuroLake.Web.Uploads;

/// <summary>
/// Each user's disk quota (<see cref="LimitOptions.UserQuotaBytes"/>) for their staged uploads plus the files of their
/// uploads and ingestions still arriving. A request that would pass it is refused with 409 before or while its body
/// arrives; only that request's partial file goes, nothing already stored.
/// </summary>
public sealed class UploadQuota(UploadStore store, IOptionsMonitor<LimitOptions> options)
{
    private readonly ConcurrentDictionary<string, long> _arriving = new(StringComparer.Ordinal);

    /// <summary>Bytes <paramref name="owner"/> holds now: staged uploads and bodies still arriving.</summary>
    public long UsedBy(string owner) => store.ListFor(owner).Sum(u => u.Size) + _arriving.GetValueOrDefault(owner);

    /// <summary>
    /// Admits <paramref name="request"/>'s body for <paramref name="owner"/>: throws when its Content-Length does not fit,
    /// caps the body at what is left otherwise, and holds the declared size until the returned lease is disposed.
    /// </summary>
    public IDisposable Admit(string owner, HttpRequest request)
    {
        var quota = options.CurrentValue.UserQuotaBytes;
        var used = UsedBy(owner);
        var declared = request.ContentLength ?? 0;
        if (used + declared > quota)
        {
            throw Exceeded(used, declared, quota);
        }

        _arriving.AddOrUpdate(owner, declared, (_, held) => held + declared);
        request.Body = new CappedStream(request.Body, quota - used, read => Exceeded(used, read, quota));
        return new Lease(() => _arriving.AddOrUpdate(owner, 0, (_, held) => held - declared));
    }

    private static RequestBodyTooLargeException Exceeded(long used, long adding, long quota) =>
        new(StatusCodes.Status409Conflict,
            "Upload quota exceeded",
            $"Your staged files use {ByteText.Of(used)} and this one adds {(adding > 0 ? ByteText.Of(adding) : "more")}; your quota is {ByteText.Of(quota)}. " +
            "Load or remove staged uploads on the Ingest page (they also expire), or ask an administrator to raise NeuroLake:Limits:UserQuotaBytes.");

    private sealed class Lease(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }
        }
    }
}
