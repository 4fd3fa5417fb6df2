using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Pipelines;

public sealed class PipelinesApiTests
{
    [Fact]
    public async Task A_script_renders_a_template_saves_it_as_a_pipeline_and_adds_a_version()
    {
        await using var app = new WorkbenchAppFactory();
        using var http = app.CreateClient();

        using var rendered = await http.PostAsJsonAsync("/api/v1/pipelines/templates/dedup/render",
            new { variables = new { source = "s.orders", keys = new[] { "id", "region" }, order_by = "updated_at" } });
        using var created = await http.PostAsJsonAsync("/api/v1/pipelines",
            new { name = "latest_orders", description = "d", tags = new[] { "orders" }, template = "dedup", variables = new { source = "s.orders", keys = "id", order_by = "updated_at" } });
        using var updated = await http.PutAsJsonAsync("/api/v1/pipelines/latest_orders",
            new { template = "dedup", variables = new { source = "s.orders2", keys = "id", order_by = "updated_at" }, comment = "new source" });
        var pipeline = await http.GetFromJsonAsync<JsonElement>("/api/v1/pipelines/latest_orders");
        var found = await http.GetFromJsonAsync<JsonElement[]>("/api/v1/pipelines?search=ORDERS");
        var templates = await http.GetFromJsonAsync<JsonElement[]>("/api/v1/pipelines/templates?search=dimension");

        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        Assert.Contains("PARTITION BY \"id\", \"region\"", (await rendered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sql").GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(2, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var versions = pipeline.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["created", "new source"], versions.Select(v => v.GetProperty("comment").GetString()));
        Assert.Contains("s.orders2", versions[1].GetProperty("logicJson").GetString());
        Assert.Equal("latest_orders", Assert.Single(found!).GetProperty("name").GetString());
        Assert.Equal("scd2", Assert.Single(templates!).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_identifier_that_tries_to_break_out_of_its_quotes_is_refused_with_a_400_that_says_why_and_nothing_is_saved()
    {
        await using var app = new WorkbenchAppFactory();
        using var http = app.CreateClient();
        var evil = new { source = "x\"; DROP TABLE t; --", keys = "id", order_by = "v" };

        using var render = await http.PostAsJsonAsync("/api/v1/pipelines/templates/dedup/render", new { variables = evil });
        using var save = await http.PostAsJsonAsync("/api/v1/pipelines", new { name = "evil", template = "dedup", variables = evil });
        using var wrongType = await http.PostAsJsonAsync("/api/v1/pipelines/templates/dedup/render", new { variables = new { source = new { a = 1 } } });

        Assert.Equal(HttpStatusCode.BadRequest, render.StatusCode);
        Assert.Contains("is not a valid name", await render.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("must be text, a number", await wrongType.Content.ReadAsStringAsync());
        Assert.Empty(await http.GetFromJsonAsync<JsonElement[]>("/api/v1/pipelines") ?? []);
    }

    [Fact]
    public async Task A_user_in_no_role_group_reads_but_cannot_save_or_import_and_anonymous_callers_get_401()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var token = await AccessTokenTests.CreateTokenAsync(app, "vera");
        using var anonymous = app.Browser();
        using var vera = app.Browser();
        vera.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);

        using var anonymousList = await anonymous.GetAsync("/api/v1/pipelines");
        using var list = await vera.GetAsync("/api/v1/pipelines/templates");
        using var save = await vera.PostAsJsonAsync("/api/v1/pipelines", new { name = "mine", sql = "SELECT 1" });
        using var import = await vera.PostAsync("/api/v1/pipelines/import", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousList.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Contains("ask an administrator to add you", await save.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
    }

    [Fact]
    public async Task A_pipeline_scheduled_as_a_job_runs_now_appears_in_the_history_and_counts_a_use()
    {
        await using var app = new WorkbenchAppFactory();
        using var http = app.CreateClient();
        await http.PostAsJsonAsync("/api/v1/sql", new { sql = "CREATE SCHEMA s; CREATE TABLE s.t (id BIGINT)" });
        await http.PostAsJsonAsync("/api/v1/pipelines", new { name = "fill", sql = "INSERT INTO s.t VALUES (1); INSERT INTO s.t VALUES (2)" });

        using var created = await http.PostAsJsonAsync("/api/v1/jobs", new { name = "fill nightly", kind = "Pipeline", pipeline = "fill", cron = "0 2 * * *" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var run = await http.PostAsync($"/api/v1/jobs/{id}/run", null);
        var runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        JsonElement finished;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        do
        {
            await Task.Delay(100, timeout.Token);
            finished = await http.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/runs/{runId}", timeout.Token);
        }
        while (finished.GetProperty("status").GetString() is "Queued" or "Running");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Succeeded", finished.GetProperty("status").GetString());
        Assert.StartsWith("Ran version 1 of fill", finished.GetProperty("summary").GetString());
        Assert.Equal(1, (await http.GetFromJsonAsync<JsonElement>("/api/v1/pipelines/fill")).GetProperty("usageCount").GetInt64());
        var history = await http.GetFromJsonAsync<JsonElement>("/api/v1/jobs/runs?kind=pipeline");
        Assert.Equal(1, history.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_bad_import_is_refused_and_the_registry_keeps_what_it_had()
    {
        await using var app = new WorkbenchAppFactory();
        using var http = app.CreateClient();
        await http.PostAsJsonAsync("/api/v1/pipelines", new { name = "keep", sql = "SELECT 1" });
        var exported = await http.GetStringAsync("/api/v1/pipelines/export");

        using var bad = await http.PostAsync("/api/v1/pipelines/import", new StringContent("{ not json"));
        using var again = await http.PostAsync("/api/v1/pipelines/import", new StringContent(exported));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not valid JSON", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal("keep", Assert.Single(await http.GetFromJsonAsync<JsonElement[]>("/api/v1/pipelines") ?? []).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_import_larger_than_4_MiB_is_refused_and_changes_nothing()
    {
        await using var app = new WorkbenchAppFactory();
        using var http = app.CreateClient();
        await http.PostAsJsonAsync("/api/v1/pipelines", new { name = "keep", sql = "SELECT 1" });
        // Valid JSON all the way, so only the size can be what refuses it.
        var huge = "{\"pad\": \"" + new string('x', 4 * 1024 * 1024) + "\"}";

        using var refused = await http.PostAsync("/api/v1/pipelines/import", new StringContent(huge));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("larger than 4 MiB", await refused.Content.ReadAsStringAsync());
        Assert.Equal("keep", Assert.Single(await http.GetFromJsonAsync<JsonElement[]>("/api/v1/pipelines") ?? []).GetProperty("name").GetString());
    }
}
