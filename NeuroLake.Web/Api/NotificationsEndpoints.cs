using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Notifications;
using NeuroLake.Web.Notifications;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/notifications</c>: the caller's notifications (an administrator's include every job failure), one by
/// id, and marking read. A notification that is not the caller's answers 404, exactly like one that does not exist.
/// </summary>
public static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications");
        group.MapGet("/", (bool? unread, int? skip, int? take, NotificationInbox inbox, CancellationToken ct) =>
            Handle(async () =>
            {
                var page = await inbox.ListAsync(unread ?? false, skip ?? 0, take ?? 20, ct);
                return Results.Ok(new NotificationPageJson(page.Notifications.Select(NotificationJson.From).ToList(), page.Total, page.Unread));
            }))
            .WithName("ListNotifications")
            .WithSummary("Lists the caller's notifications, newest first (?unread=true&skip=&take=, take up to 200), with the unread count.")
            .Produces<NotificationPageJson>().ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:guid}", (Guid id, NotificationInbox inbox, CancellationToken ct) =>
            Handle(async () => await inbox.FindAsync(id, ct) is { } found ? Results.Ok(NotificationJson.From(found)) : NotFound()))
            .WithName("GetNotification")
            .WithSummary("One of the caller's notifications.")
            .Produces<NotificationJson>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/read", (Guid id, NotificationInbox inbox, CancellationToken ct) =>
            Handle(async () => await inbox.MarkReadAsync(id, ct) ? Results.NoContent() : NotFound()))
            .WithName("MarkNotificationRead")
            .WithSummary("Marks one of the caller's notifications read (for the caller only).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/read", (NotificationInbox inbox, CancellationToken ct) =>
            Handle(async () => Results.Ok(new MarkedJson(await inbox.MarkAllReadAsync(ct)))))
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Marks every notification the caller sees read; answers how many were unread.")
            .Produces<MarkedJson>();
        return app;
    }

    private static IResult NotFound() =>
        Results.Problem(title: "Not found", detail: "There is no such notification: history retention may have removed it.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> Handle(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (NeuroLakeException e)
        {
            return Results.Problem(title: "Invalid notification request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}

/// <summary>A notification as the API writes it; <c>link</c> is the run on the Jobs page, as a path from the workbench root.</summary>
public sealed record NotificationJson(
    Guid Id, NotificationKind Kind, string Job, Engine.Jobs.JobKind JobKind, string? Table, Guid RunId, Guid? JobId, string Error,
    DateTimeOffset CreatedAt, string? DeliveryNote, bool Read, string Link)
{
    public static NotificationJson From(Notification n) => new(
        n.Id, n.Kind, n.JobName, n.JobKind, n.Table?.ToString(), n.RunId, n.DefinitionId, n.Error, n.CreatedAt, n.DeliveryNote, n.IsRead,
        NotificationLinks.RunPath(n.RunId));
}

/// <summary>One page of notifications, how many match, and how many of the caller's are unread.</summary>
public sealed record NotificationPageJson(IReadOnlyList<NotificationJson> Notifications, int Total, int Unread);

/// <summary>How many notifications were marked read.</summary>
public sealed record MarkedJson(int Marked);
