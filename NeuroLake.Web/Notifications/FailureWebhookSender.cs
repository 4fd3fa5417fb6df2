using System.Net;
using System.Net.Http.Json;

namespace NeuroLake.Web.Notifications;

/// <summary>
/// POSTs one failure to the webhook: a short timeout per attempt (the named client's) and a few attempts with growing
/// pauses. Answers why the delivery finally failed in words fit for users ("503", "timed out"), never the address.
/// </summary>
public sealed class FailureWebhookSender(IHttpClientFactory clients, TimeProvider time)
{
    /// <summary>The named <see cref="HttpClient"/> (timeout, no redirects, no request logging that would print the URL).</summary>
    public const string ClientName = "failure-webhook";

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Pauses before the second and third attempt.</summary>
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    /// <summary>Delivers <paramref name="payload"/>; null when the receiver accepted it (any 2xx), else the last reason.</summary>
    public async Task<string?> SendAsync(Uri url, FailureWebhookPayload payload, CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        string reason = "not attempted";
        for (var attempt = 0; ; attempt++)
        {
            var retry = true;
            try
            {
                using var response = await client.PostAsJsonAsync(url, payload, ct);
                if (response.IsSuccessStatusCode)
                {
                    return null;
                }

                reason = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                // A refusal of the request itself will not change on a retry; overload and server errors may.
                retry = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            }
            catch (HttpRequestException e)
            {
                reason = e.HttpRequestError == HttpRequestError.NameResolutionError ? "host not found" : "could not connect";
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                reason = "timed out";
            }

            if (!retry || attempt >= Backoff.Length)
            {
                return reason;
            }

            await Task.Delay(Backoff[attempt], time, ct);
        }
    }
}
