using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Engine.Storage.S3;

/// <summary>Builds the SDK client for an <see cref="S3Options"/> endpoint.</summary>
internal static class S3ClientFactory
{
    public static AmazonS3Client Create(S3Options options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // Our S3Retry decides what is retried: the SDK would also repeat a conditional create whose first attempt may
            // have succeeded, turning our own win into an apparent loss.
            MaxErrorRetry = 0,
            Timeout = options.RequestTimeout,
            // SDK v4 adds CRC checksums to every request by default; many S3-compatible stores (s3rver, older MinIO) reject
            // or store them. Checksums are still sent where the API requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        var hasAccessKey = !string.IsNullOrWhiteSpace(options.AccessKey);
        var hasSecretKey = !string.IsNullOrWhiteSpace(options.SecretKey);
        if (hasAccessKey != hasSecretKey)
        {
            throw new S3ConfigurationException(
                "NeuroLake:Storage:S3 has an access key without a secret key or the other way round: set both (NeuroLake__Storage__S3__AccessKey and __SecretKey), or neither to use the SDK's credential chain.");
        }

        return hasAccessKey
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config)
            : new AmazonS3Client(config);
    }
}

/// <summary>The S3 settings cannot work as given; the message names the setting to fix.</summary>
public sealed class S3ConfigurationException(string message) : Errors.NeuroLakeException(message);
