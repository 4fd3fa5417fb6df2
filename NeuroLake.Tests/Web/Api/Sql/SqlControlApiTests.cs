using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Api.Sql;

/// <summary><c>/api/v1/sql/explain</c>, <c>/{id}/cancel</c> and <c>/history</c> with tokens, as a script would call them.</summary>
public sealed class SqlControlApiTests : IAsyncLifetime
{
    private const string Admin = AccountsApp.AdminName;
    private const string Analyst = TokenApiApp.Analyst;
    private TokenApiApp _app = null!;

    public async Task InitializeAsync() => _app = await TokenApiApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Explain_answers_the_plan_of_one_query_and_never_runs_a_write_or_a_second_statement()
    {
        var plan = await JsonAsync(await _app.As(Analyst).PostAsJsonAsync("/api/v1/sql/explain", new { sql = "SELECT sum(amount) FROM sales.orders WHERE id > 0" }));
        var analyzed = await JsonAsync(await _app.As(Analyst).PostAsJsonAsync("/api/v1/sql/explain", new { sql = "SELECT count(*) FROM sales.orders", analyze = true }));
        using var two = await _app.As(Analyst).PostAsJsonAsync("/api/v1/sql/explain", new { sql = "SELECT 1; DROP TABLE sales.orders" });
        using var write = await _app.As(Admin).PostAsJsonAsync("/api/v1/sql/explain", new { sql = "CREATE TABLE sales.made AS SELECT 1 AS x" });
        using var hidden = await _app.As(Analyst).PostAsJsonAsync("/api/v1/sql/explain", new { sql = "SELECT * FROM hr.salaries" });

        Assert.Contains("UNGROUPED_AGGREGATE", plan.GetProperty("plan").GetString()!);
        Assert.DoesNotContain(_app.App.DataDirectory, plan.GetProperty("plan").GetString()!);
        Assert.False(plan.GetProperty("analyzed").GetBoolean());
        Assert.True(analyzed.GetProperty("analyzed").GetBoolean());
        Assert.Contains("Total Time", analyzed.GetProperty("plan").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);
        Assert.Contains("exactly one query", await two.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, hidden.StatusCode);
        var tables = await JsonAsync(await _app.As(Admin).PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT count(*) FROM sales.orders" }));
        Assert.Equal(3, tables.GetProperty("statements")[0].GetProperty("rows")[0][0].GetInt64());
        using var made = await _app.As(Admin).PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT * FROM sales.made" });
        Assert.Equal(HttpStatusCode.BadRequest, made.StatusCode);
    }

    [Fact]
    public async Task A_script_sent_with_an_id_is_cancelled_by_its_user_and_not_by_another()
    {
        var running = _app.As(Analyst).PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT count(*) FROM range(100000000000) a", id = "long-count" });

        using (var other = await _app.As(Admin).PostAsync("/api/v1/sql/not-running/cancel", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }
        var cancelled = false;
        for (var attempt = 0; attempt < 600 && !cancelled && !running.IsCompleted; attempt++)
        {
            using var stranger = await _app.Client().PostAsync("/api/v1/sql/long-count/cancel", null);
            Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
            using var cancel = await _app.As(Analyst).PostAsync("/api/v1/sql/long-count/cancel", null);
            cancelled = cancel.StatusCode == HttpStatusCode.Accepted;
            if (!cancelled)
            {
                await Task.Delay(50);
            }
        }

        Assert.True(cancelled, "The running script was never found under its id.");
        using var answer = await running;
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Contains("'long-count' was cancelled", await answer.Content.ReadAsStringAsync());
        using var after = await _app.As(Analyst).PostAsync("/api/v1/sql/long-count/cancel", null);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        using var bad = await _app.As(Analyst).PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT 1", id = "no spaces/allowed" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task History_lists_the_callers_own_statements_and_only_administrators_read_another_users()
    {
        using (await _app.As(Analyst).PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT 'history marker' AS m" }))
        {
        }

        var own = await JsonAsync(await _app.As(Analyst).GetAsync("/api/v1/sql/history?q=history%20marker"));
        var byAdmin = await JsonAsync(await _app.As(Admin).GetAsync($"/api/v1/sql/history?user={Analyst}&q=history%20marker&status=ok"));
        using var refused = await _app.As(Analyst).GetAsync($"/api/v1/sql/history?user={Admin}");
        using var badStatus = await _app.As(Analyst).GetAsync("/api/v1/sql/history?status=sideways");
        using var badTake = await _app.As(Analyst).GetAsync("/api/v1/sql/history?take=0");

        var entry = Assert.Single(own.EnumerateArray());
        Assert.Equal((Analyst, "Ok"), (entry.GetProperty("user").GetString(), entry.GetProperty("status").GetString()));
        Assert.Single(byAdmin.EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("Ok, Error, Cancelled", await badStatus.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badTake.StatusCode);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
