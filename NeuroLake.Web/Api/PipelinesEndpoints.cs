using System.Text;
using System.Text.Json;
using NeuroLake.Engine.Catalog.Registry;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Pipelines;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/pipelines</c>: search templates, render one (values checked per kind, never spliced raw), list, get, create
/// and version pipelines, export and import the registry. Every call acts as the signed-in or token user; who may save
/// and import is decided by <see cref="PipelineAuthoring"/> (reading needs only a signed-in user).
/// </summary>
public static class PipelinesEndpoints
{
    public static IEndpointRouteBuilder MapPipelinesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/pipelines").WithTags("Pipelines");
        api.MapGet("/templates", (string? search, PatternLibrary patterns, CancellationToken ct) => Handle(async () =>
                Results.Ok((await patterns.ListAsync(ct)).Where(t => PipelineAuthoring.Matches(search, t.Name, t.Description, t.Tags)))))
            .WithSummary("Lists the pattern library's templates whose name, description or tags match ?search=.")
            .Produces<List<TemplateInfo>>();
        api.MapPost("/templates/{name}/render", (string name, RenderRequest body, PipelineAuthoring authoring, CancellationToken ct) => Handle(async () =>
                Results.Ok(new RenderedJson(await authoring.RenderAsync(name, PipelineLogic.FromTemplate(name, PipelineRequest.Values(body.Variables)), ct)))))
            .WithSummary("Renders a template with the given variables; a value that does not fit its kind gets a 400 saying why.")
            .Produces<RenderedJson>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/", (string? search, PipelineRegistry pipelines, CancellationToken ct) => Handle(async () =>
                Results.Ok((await pipelines.ListAsync(ct)).Where(p => PipelineAuthoring.Matches(search, p.Name, p.Description, p.Tags)))))
            .WithSummary("Lists the saved pipelines with their current version and usage count.")
            .Produces<List<PipelineSummary>>();
        api.MapGet("/export", (RegistryTransfer transfer, CancellationToken ct) => Handle(async () =>
                Results.Text(await transfer.ExportAsync(ct), "application/json")))
            .WithSummary("The whole registry (pipelines with every version, templates) as JSON to import elsewhere.")
            .Produces<JsonElement>();
        api.MapPost("/import", (HttpRequest request, PipelineAuthoring authoring, IWorkbenchUser user, CancellationToken ct) => Handle(async () =>
            {
                var json = await ReadLimitedAsync(request, ct);
                await authoring.ImportAsync(user.Name, json, ct);
                return Results.NoContent();
            }))
            .WithSummary("Replaces the registry with an exported document (administrators; at most 4 MiB); a bad document changes nothing.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/{name}", (string name, PipelineRegistry pipelines, CancellationToken ct) => Handle(async () => Results.Ok(await pipelines.GetAsync(name, ct))))
            .WithSummary("One pipeline with its version history (oldest first).")
            .Produces<PipelineInfo>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", (PipelineRequest body, PipelineAuthoring authoring, IWorkbenchUser user, CancellationToken ct) => Handle(async () =>
            {
                var sql = await authoring.CreateAsync(user.Name, body.Name ?? "", body.Description ?? "", body.Tags ?? [], body.ToLogic(), ct);
                return Results.Created($"/api/v1/pipelines/{Uri.EscapeDataString(body.Name ?? "")}", new PipelineVersionJson(body.Name ?? "", 1, sql));
            }))
            .WithSummary("Saves a pipeline at version 1: {name, description, tags, template, variables} or {name, sql}.")
            .Produces<PipelineVersionJson>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPut("/{name}", (string name, PipelineRequest body, PipelineAuthoring authoring, IWorkbenchUser user, CancellationToken ct) => Handle(async () =>
                Results.Ok(new PipelineVersionJson(name, await authoring.UpdateAsync(user.Name, name, body.ToLogic(), body.Comment ?? "", ct), null))))
            .WithSummary("Saves new logic as the pipeline's next version, with a comment.")
            .Produces<PipelineVersionJson>().ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    /// <summary>The body as UTF-8 text, refused past the import limit; memory grows with what was sent, not with the limit.</summary>
    private static async Task<string> ReadLimitedAsync(HttpRequest request, CancellationToken ct)
    {
        using var body = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + n > PipelineAuthoring.MaxImportBytes)
            {
                throw new PipelineRequestException("The registry document is larger than 4 MiB: export a smaller registry or split it.");
            }

            body.Write(chunk, 0, n);
        }

        return Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
    }

    private static async Task<IResult> Handle(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (PermissionDeniedException e)
        {
            return Results.Problem(title: "Permission denied", detail: e.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (NeuroLakeException e) when (e.Message.Contains("does not exist", StringComparison.Ordinal))
        {
            return Results.Problem(title: "Not found", detail: e.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (NeuroLakeException e)
        {
            return Results.Problem(title: "Invalid pipeline request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}

/// <summary>A pipeline request the API cannot take (a value of the wrong JSON type, too large a document).</summary>
public sealed class PipelineRequestException(string message) : NeuroLakeException(message);

/// <summary>The body of a render: the template's variables, each text, a number, true/false or a list of names.</summary>
public sealed record RenderRequest(Dictionary<string, JsonElement>? Variables);

/// <summary>The body of a create or new version: a template with its variables, or plain SQL.</summary>
public sealed record PipelineRequest(
    string? Name, string? Description, List<string>? Tags, string? Template, Dictionary<string, JsonElement>? Variables, string? Sql, string? Comment)
{
    public PipelineLogic ToLogic() => Template is not null
        ? PipelineLogic.FromTemplate(Template, Values(Variables))
        : new PipelineLogic(null, null, Sql ?? throw new PipelineRequestException("Give either a template with its variables or the SQL to run."));

    /// <summary>Values as the template renderer takes them: text as is, numbers and booleans as written, lists comma-joined.</summary>
    public static Dictionary<string, string> Values(Dictionary<string, JsonElement>? variables) =>
        (variables ?? []).ToDictionary(v => v.Key, v => v.Value.ValueKind switch
        {
            JsonValueKind.String => v.Value.GetString()!,
            JsonValueKind.Number => v.Value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array when v.Value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String) =>
                string.Join(", ", v.Value.EnumerateArray().Select(i => i.GetString())),
            _ => throw new PipelineRequestException($"The value of '{v.Key}' must be text, a number, true/false or a list of names."),
        }, StringComparer.Ordinal);
}

/// <summary>A rendered template's SQL.</summary>
public sealed record RenderedJson(string Sql);

/// <summary>A pipeline's version after a save; the SQL when the save rendered a template.</summary>
public sealed record PipelineVersionJson(string Name, int Version, string? Sql);
