using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NeuroLake.Web.Security;

/// <summary>
/// Fixed one-minute windows: the API per user (the signed-in name, else the remote address) and sign-in attempts
/// (POST under <c>/account</c>) per remote address. A request over the limit gets 429 with Retry-After.
/// </summary>
internal static class ApiRateLimits
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static void Configure(RateLimiterOptions rateLimiter, LimitOptions limits)
    {
        rateLimiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        rateLimiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
        rateLimiter.OnRejected = RejectAsync;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, LimitOptions limits)
    {
        var request = context.Request;
        if (limits.SignInAttemptsPerMinute > 0 && request.Path.StartsWithSegments("/account") && HttpMethods.IsPost(request.Method))
        {
            return PerWindow("sign-in:" + RemoteAddress(context), limits.SignInAttemptsPerMinute);
        }

        if (limits.ApiRequestsPerMinute > 0 && request.Path.StartsWithSegments("/api"))
        {
            var who = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "address:" + RemoteAddress(context);
            return PerWindow("api:" + who, limits.ApiRequestsPerMinute);
        }

        return RateLimitPartition.GetNoLimiter("unlimited");
    }

    private static RateLimitPartition<string> PerWindow(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            QueueLimit = 0,
        });

    private static string RemoteAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
        var seconds = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var signIn = context.Request.Path.StartsWithSegments("/account");
        await Results.Problem(
                title: signIn ? "Too many sign-in attempts" : "Too many requests",
                detail: signIn
                    ? $"Too many sign-in attempts from your address. Try again in {seconds} s."
                    : $"You sent more API requests this minute than NeuroLake:Limits:ApiRequestsPerMinute allows. Try again in {seconds} s.",
                statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(context);
    }
}
