using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace NeuroLake.Tests.Infrastructure;

/// <summary>The S3 server scripts/test.sh starts handles the bucket and object calls NeuroLake makes.</summary>
public sealed class S3SmokeTests
{
    [S3Fact]
    public async Task An_object_put_into_a_new_bucket_reads_back_lists_and_is_gone_after_delete()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        using var s3 = CreateClient();
        var bucket = $"neurolake-smoke-{Guid.NewGuid():N}";
        const string key = "tables/smoke/part-00000.txt";
        var content = "NeuroLake smoke test: ünïcode survives the round trip\n";
        var bytes = Encoding.UTF8.GetBytes(content);

        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, ct);
        try
        {
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                ContentBody = content,
                // Without this the SDK sends aws-chunked framing, which s3rver stores as the content.
                UseChunkEncoding = false,
            }, ct);

            using (var get = await s3.GetObjectAsync(bucket, key, ct))
            using (var reader = new StreamReader(get.ResponseStream, Encoding.UTF8))
            {
                Assert.Equal(content, await reader.ReadToEndAsync(ct));
            }

            var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "tables/" }, ct);
            var only = Assert.Single(listed.S3Objects ?? []);
            Assert.Equal(key, only.Key);
            Assert.Equal(bytes.Length, only.Size);

            await s3.DeleteObjectAsync(bucket, key, ct);

            var afterDelete = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, ct);
            Assert.Empty(afterDelete.S3Objects ?? []);
            var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(bucket, key, ct));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        finally
        {
            await s3.DeleteObjectAsync(bucket, key, ct);
            await s3.DeleteBucketAsync(bucket, ct);
        }
    }

    private static AmazonS3Client CreateClient()
    {
        var serviceUrl = TestEnvironment.S3ServiceUrl;
        return new(
            new BasicAWSCredentials(TestEnvironment.S3AccessKey, TestEnvironment.S3SecretKey),
            new AmazonS3Config
            {
                ServiceURL = serviceUrl.ToString(),
                AuthenticationRegion = "us-east-1",
                ForcePathStyle = true,
                // SDK v4 adds CRC checksums to every call by default; s3rver does not understand them.
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
    }
}
