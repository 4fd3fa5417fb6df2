using System.Net;
using Amazon.S3;

namespace NeuroLake.Engine.Storage.S3;

public sealed partial class S3ObjectStore
{
    public async Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        var objectKey = ObjectKey(key);
        var uncertain = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var request = NewPut(objectKey, AsStream(data));
                request.IfNoneMatch = "*";
                await _client.PutObjectAsync(request, ct).ConfigureAwait(false);
                return true;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                // After an uncertain attempt the existing object may be our own: it is ours only if it holds our bytes.
                return uncertain && await HoldsAsync(key, data, ct).ConfigureAwait(false) == true;
            }
            catch (Exception e) when (attempt < Retry.MaxAttempts && S3Retry.IsTransient(e, ct))
            {
                // The failed request may have created the object before its answer was lost: read it back, never repeat blindly.
                uncertain = true;
                if (await HoldsAsync(key, data, ct).ConfigureAwait(false) is { } ours)
                {
                    return ours;
                }

                await Task.Delay(Retry.Backoff(attempt), ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>True when the object holds exactly <paramref name="data"/>, false when it holds something else, null when it does not exist.</summary>
    internal async Task<bool?> HoldsAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        try
        {
            var stored = await GetAsync(key, ct).ConfigureAwait(false);
            return stored.AsSpan().SequenceEqual(data.Span);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }
}
