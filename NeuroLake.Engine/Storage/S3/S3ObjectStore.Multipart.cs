using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace NeuroLake.Engine.Storage.S3;

public sealed partial class S3ObjectStore
{
    /// <summary>
    /// Uploads <paramref name="content"/> in parts of the part size, holding one part in memory at a time.
    /// <paramref name="first"/> already holds the first <paramref name="firstLength"/> bytes. The object appears only when
    /// the upload completes; on failure the upload is aborted so no parts are left billed.
    /// </summary>
    private async Task MultipartUploadAsync(string objectKey, Stream content, byte[] first, int firstLength, CancellationToken ct)
    {
        var initiate = new InitiateMultipartUploadRequest
        {
            BucketName = Root.Bucket, Key = objectKey, StorageClass = StorageClass is null ? null : S3StorageClass.FindValue(StorageClass),
        };
        var uploadId = (await Retry.RunAsync(token => _client.InitiateMultipartUploadAsync(initiate, token), ct).ConfigureAwait(false)).UploadId;
        try
        {
            var parts = new List<PartETag>();
            var buffer = first;
            var length = firstLength;
            long total = 0;
            while (length > 0)
            {
                if (parts.Count == MaxParts)
                {
                    throw new IOException(
                        $"'{objectKey}' needs more than {MaxParts} parts of {_partSize} bytes: raise NeuroLake:Storage:S3:PartSizeBytes.");
                }

                var partNumber = parts.Count + 1;
                var size = length;
                // Uploading the same part number again replaces it, so a part is safe to retry.
                var uploaded = await Retry.RunAsync(token => _client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = Root.Bucket,
                    Key = objectKey,
                    UploadId = uploadId,
                    PartNumber = partNumber,
                    PartSize = size,
                    InputStream = new MemoryStream(buffer, 0, size, writable: false),
                    UseChunkEncoding = false,
                }, token), ct).ConfigureAwait(false);
                parts.Add(new PartETag(partNumber, uploaded.ETag));
                total += size;
                length = await FillAsync(content, buffer, ct).ConfigureAwait(false);
            }

            await CompleteAsync(objectKey, uploadId, parts, total, ct).ConfigureAwait(false);
        }
        catch
        {
            try
            {
                await _client.AbortMultipartUploadAsync(Root.Bucket, objectKey, uploadId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (AmazonServiceException)
            {
                // The upload stays incomplete and invisible; a bucket lifecycle rule reclaims its parts.
            }

            throw;
        }
    }

    private async Task CompleteAsync(string objectKey, string uploadId, List<PartETag> parts, long total, CancellationToken ct)
    {
        var complete = new CompleteMultipartUploadRequest { BucketName = Root.Bucket, Key = objectKey, UploadId = uploadId, PartETags = parts };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _client.CompleteMultipartUploadAsync(complete, ct).ConfigureAwait(false);
                return;
            }
            catch (AmazonS3Exception e) when (attempt > 1 && e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode == "NoSuchUpload")
            {
                // An earlier attempt completed the upload but its answer was lost: the object is there with every byte.
                var head = await _client.GetObjectMetadataAsync(Root.Bucket, objectKey, ct).ConfigureAwait(false);
                if (head.ContentLength != total)
                {
                    throw;
                }

                return;
            }
            catch (Exception e) when (attempt < Retry.MaxAttempts && S3Retry.IsTransient(e, ct))
            {
                await Task.Delay(Retry.Backoff(attempt), ct).ConfigureAwait(false);
            }
        }
    }
}
