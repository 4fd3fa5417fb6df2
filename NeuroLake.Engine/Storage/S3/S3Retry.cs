using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace NeuroLake.Engine.Storage.S3;

/// <summary>
/// Retries idempotent S3 requests on transient failures (5xx, throttling, timeouts, broken connections) with
/// exponential backoff and full jitter, so many writers that failed together do not retry together. The SDK's own
/// retries are switched off (see <see cref="S3ClientFactory"/>): they would also repeat conditional creates blindly.
/// </summary>
internal sealed class S3Retry(int maxAttempts, TimeSpan firstDelay, TimeSpan maxDelay)
{
    public int MaxAttempts { get; } = Math.Max(1, maxAttempts);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await request(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e, ct))
            {
                await Task.Delay(Backoff(attempt), ct).ConfigureAwait(false);
            }
        }
    }

    public Task RunAsync(Func<CancellationToken, Task> request, CancellationToken ct) =>
        RunAsync(async token =>
        {
            await request(token).ConfigureAwait(false);
            return true;
        }, ct);

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based): uniform in [0, min(max, first * 2^(attempt-1))].</summary>
    public TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, firstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    /// <summary>
    /// True for failures a later attempt may not see: server errors, throttling, request timeouts and broken
    /// connections. Never for the caller's own cancellation, and never for 4xx answers such as 404 or 412.
    /// </summary>
    public static bool IsTransient(Exception e, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return false;
        }

        return e switch
        {
            AmazonServiceException service => IsTransientStatus(service.StatusCode, service.ErrorCode),
            // Timeouts surface as cancellations the caller did not ask for; broken connections as I/O errors.
            OperationCanceledException or TimeoutException or HttpRequestException or IOException => true,
            // The body did not match its checksum: corrupted in transit, or read while a non-atomic store (s3rver) rewrote it.
            AmazonClientException client when client.Message.StartsWith("Expected hash not equal to calculated hash", StringComparison.Ordinal) => true,
            AmazonClientException { InnerException: { } inner } => IsTransient(inner, ct),
            _ => false,
        };
    }

    private static bool IsTransientStatus(HttpStatusCode status, string? errorCode) =>
        (int)status >= 500
        || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
        || errorCode is "SlowDown" or "Throttling" or "ThrottlingException" or "RequestTimeout" or "RequestTimeTooSkewed" or "InternalError"
        // A concurrent conditional write to the same key is in flight (AWS); asking again gets a definite answer.
        || errorCode is "ConditionalRequestConflict";
}
