using NeuroLake.Engine.Notifications;
using NeuroLake.Web.Api;
using NeuroLake.Web.Notifications;

namespace NeuroLake.Web.Extensions;

public static class NotificationsExtensions
{
    /// <summary>
    /// The signed-in user's notifications (the store itself comes with the jobs) and the failure webhook: a queue the
    /// job runner hands failures to, a background delivery, and its HTTP client.
    /// </summary>
    public static IServiceCollection AddNeuroLakeNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationInbox>();
        services.AddSingleton<FailureWebhookQueue>();
        services.AddSingleton<IJobFailureAnnouncer>(sp => sp.GetRequiredService<FailureWebhookQueue>());
        services.AddSingleton<FailureWebhookSender>();
        services.AddHostedService<FailureWebhookDelivery>();
        services.AddHttpClient(FailureWebhookSender.ClientName, client => client.Timeout = FailureWebhookSender.AttemptTimeout)
            // The receiver is told once where it is; following redirects would post failures somewhere nobody configured.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            // The default request logging prints the address, whose path or query may hold the receiver's secret.
            .RemoveAllLoggers();
        return services;
    }

    /// <summary>Maps <c>/api/v1/notifications</c>.</summary>
    public static WebApplication MapNeuroLakeNotifications(this WebApplication app)
    {
        app.MapNotificationsApi();
        return app;
    }
}
