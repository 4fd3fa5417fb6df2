using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NeuroLake.Tests.Infrastructure;

namespace NeuroLake.Tests.Web.Notifications;

/// <summary>A failed job run notifies its owner and the administrators, and nobody else, through the real app on both catalog providers.</summary>
public sealed class JobFailureNotificationTests
{
    [Fact]
    public Task A_failed_run_notifies_its_owner_and_administrators_and_no_one_else_on_sqlite() => OwnerAdminAndStranger(null);

    [PostgresFact]
    public Task A_failed_run_notifies_its_owner_and_administrators_and_no_one_else_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_notify", OwnerAdminAndStranger);

    [Fact]
    public async Task Read_state_is_each_readers_own_and_mark_all_read_marks_only_what_the_reader_sees()
    {
        await using var app = await NotificationsApp.StartAsync();
        await app.FailedRunAsync("ann", "ann's job");
        await app.FailedRunAsync("ben", "ben's job");

        var marked = await app.As("ann").PostAsync("/api/v1/notifications/read", null);

        Assert.Equal(1, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        Assert.Equal(0, await UnreadAsync(app, "ann"));
        Assert.Equal(1, await UnreadAsync(app, "ben"));
        Assert.Equal(2, await UnreadAsync(app, "ada"));
        var unreadForAdmin = await app.As("ada").GetFromJsonAsync<JsonElement>("/api/v1/notifications/?unread=true&take=1");
        Assert.Equal((2, 1), (unreadForAdmin.GetProperty("total").GetInt32(), unreadForAdmin.GetProperty("notifications").GetArrayLength()));
    }

    [Fact]
    public async Task A_bad_page_is_refused_with_problem_details_saying_what_to_give()
    {
        await using var app = await NotificationsApp.StartAsync();

        using var response = await app.As("ann").GetAsync("/api/v1/notifications/?take=500");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("take between 1 and 200", await response.Content.ReadAsStringAsync());
    }

    private static async Task OwnerAdminAndStranger(IReadOnlyDictionary<string, string>? catalog)
    {
        await using var app = await NotificationsApp.StartAsync(catalog);

        var runId = await app.FailedRunAsync("ann");

        var own = await app.As("ann").GetFromJsonAsync<JsonElement>("/api/v1/notifications/");
        var notification = Assert.Single(own.GetProperty("notifications").EnumerateArray().ToList());
        var id = notification.GetProperty("id").GetGuid();
        Assert.Equal("reprofile missing", notification.GetProperty("job").GetString());
        Assert.Equal("main.s.missing", notification.GetProperty("table").GetString());
        Assert.Equal("The table main.s.missing no longer exists: delete or change this job.", notification.GetProperty("error").GetString());
        Assert.Equal(runId, notification.GetProperty("runId").GetGuid());
        Assert.Equal($"/jobs?run={runId}", notification.GetProperty("link").GetString());
        Assert.False(notification.GetProperty("read").GetBoolean());
        Assert.Equal(1, own.GetProperty("unread").GetInt32());

        // The administrator sees every failure; a user who neither owns it nor administers sees nothing, and cannot read or mark it.
        var admin = await app.As("ada").GetFromJsonAsync<JsonElement>("/api/v1/notifications/");
        Assert.Contains(admin.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("id").GetGuid() == id);
        var stranger = await app.As("ben").GetFromJsonAsync<JsonElement>("/api/v1/notifications/");
        Assert.Equal(0, stranger.GetProperty("total").GetInt32());
        using (var get = await app.As("ben").GetAsync($"/api/v1/notifications/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        }

        using (var mark = await app.As("ben").PostAsync($"/api/v1/notifications/{id}/read", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, mark.StatusCode);
        }

        Assert.Equal(1, await UnreadAsync(app, "ann"));

        using (var mark = await app.As("ann").PostAsync($"/api/v1/notifications/{id}/read", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, mark.StatusCode);
        }

        Assert.True((await app.As("ann").GetFromJsonAsync<JsonElement>($"/api/v1/notifications/{id}")).GetProperty("read").GetBoolean());
        Assert.Equal(0, await UnreadAsync(app, "ann"));
        Assert.Equal(1, await UnreadAsync(app, "ada"));
    }

    private static async Task<int> UnreadAsync(NotificationsApp app, string user) =>
        (await app.As(user).GetFromJsonAsync<JsonElement>("/api/v1/notifications/?unread=true")).GetProperty("unread").GetInt32();
}
