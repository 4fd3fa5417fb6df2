using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace NeuroLake.Engine.Storage.S3;

public sealed partial class S3ObjectStore
{
    /// <summary>
    /// Asks S3 to restore an archived object (GLACIER, DEEP_ARCHIVE) for <paramref name="days"/> days. True when a restore
    /// started now; false when one is already in progress (S3 answers 409 RestoreAlreadyInProgress).
    /// </summary>
    public async Task<bool> RestoreAsync(string key, int days, CancellationToken ct = default)
    {
        var request = new RestoreObjectRequest { BucketName = Root.Bucket, Key = ObjectKey(key), Days = Math.Max(1, days) };
        try
        {
            await Retry.RunAsync(token => _client.RestoreObjectAsync(request, token), ct).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    // S3 refuses a GET of an archived object that has not been restored with 403 InvalidObjectState.
    private static bool IsArchived(AmazonS3Exception e) => e.ErrorCode == "InvalidObjectState";
}
