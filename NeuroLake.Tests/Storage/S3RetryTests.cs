using System.Net;
using Amazon.S3;
using NeuroLake.Engine.Storage.S3;

namespace NeuroLake.Tests.Storage;

/// <summary>Which failures are retried, and how often; the requests are plain delegates that fail as S3 would.</summary>
public sealed class S3RetryTests
{
    private readonly S3Retry _retry = new(maxAttempts: 4, firstDelay: TimeSpan.FromMilliseconds(1), maxDelay: TimeSpan.FromMilliseconds(5));

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "SlowDown")]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError")]
    [InlineData(HttpStatusCode.TooManyRequests, null)]
    [InlineData(HttpStatusCode.BadRequest, "RequestTimeout")]
    [InlineData(HttpStatusCode.Conflict, "ConditionalRequestConflict")]
    public async Task A_transient_failure_is_retried_until_the_request_succeeds(HttpStatusCode status, string? code)
    {
        var calls = 0;

        var result = await _retry.RunAsync(_ => ++calls < 3 ? throw Failure(status, code) : Task.FromResult("ok"), CancellationToken.None);

        Assert.Equal("ok", result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Broken_connections_and_timeouts_are_retried()
    {
        var calls = 0;
        Exception[] failures = [new HttpRequestException("connection reset"), new IOException("unexpected end of stream"), new TaskCanceledException("timed out")];

        await _retry.RunAsync(_ => calls < failures.Length ? throw failures[calls++] : Task.CompletedTask, CancellationToken.None);

        Assert.Equal(3, calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "NoSuchKey")]
    [InlineData(HttpStatusCode.PreconditionFailed, "PreconditionFailed")]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied")]
    public async Task A_definite_answer_is_not_retried(HttpStatusCode status, string code)
    {
        var calls = 0;

        var e = await Assert.ThrowsAsync<AmazonS3Exception>(() => _retry.RunAsync<int>(_ => { calls++; throw Failure(status, code); }, CancellationToken.None));

        Assert.Equal(status, e.StatusCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Retrying_stops_after_the_configured_attempts_with_the_last_failure()
    {
        var calls = 0;

        var e = await Assert.ThrowsAsync<AmazonS3Exception>(() => _retry.RunAsync<int>(_ => throw Failure(HttpStatusCode.ServiceUnavailable, $"attempt {++calls}"), CancellationToken.None));

        Assert.Equal(4, calls);
        Assert.Equal("attempt 4", e.ErrorCode);
    }

    [Fact]
    public async Task The_callers_cancellation_is_never_retried()
    {
        using var cancelled = new CancellationTokenSource();
        var calls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _retry.RunAsync<int>(_ =>
        {
            calls++;
            cancelled.Cancel();
            throw new OperationCanceledException(cancelled.Token);
        }, cancelled.Token));

        Assert.Equal(1, calls);
    }

    [Fact]
    public void Backoff_grows_exponentially_up_to_the_cap_and_is_jittered_below_it()
    {
        var retry = new S3Retry(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));
        var samples = Enumerable.Range(0, 200).Select(_ => retry.Backoff(3)).ToList();

        Assert.All(samples, d => Assert.InRange(d.TotalMilliseconds, 0, 400));
        Assert.True(samples.Distinct().Count() > 100, "full jitter spreads the waits");
        Assert.All(Enumerable.Range(0, 200).Select(_ => retry.Backoff(30)), d => Assert.InRange(d.TotalMilliseconds, 0, 1000));
    }

    private static AmazonS3Exception Failure(HttpStatusCode status, string? code) => new($"status {(int)status}") { StatusCode = status, ErrorCode = code };
}
