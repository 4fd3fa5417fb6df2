using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Api.Quality;
using NeuroLake.Web.Components.Pages.Quality;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/quality</c>: what a table's Quality tab shows (latest score, checks and column profile; score per version
/// over time) and re-profiling it now, as a one-off run on the jobs platform. Tables the caller may not SELECT answer 404.
/// </summary>
public static class QualityEndpoints
{
    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        var quality = app.MapGroup("/api/v1/quality").WithTags("Quality");
        quality.MapGet("/{table}", async (string table, ReadableTables tables, QualityStore store, TimeProvider time, CancellationToken ct) =>
                await WithHistoryAsync(table, tables, store, time, ct, (name, history) => QualityJson.From(name, history)))
            .WithName("GetTableQuality")
            .WithSummary("A table's latest quality: score (0–100) with the reasons for deductions, the latest checks, and each column's newest profile.")
            .Produces<QualityJson>();
        quality.MapGet("/{table}/history", async (string table, ReadableTables tables, QualityStore store, TimeProvider time, CancellationToken ct) =>
                await WithHistoryAsync(table, tables, store, time, ct, (name, history) => new QualityHistoryJson(name, history.ScoreHistory)))
            .WithName("GetTableQualityHistory")
            .WithSummary("A table's quality over time: version, time, row count and score of every measurement, oldest first.")
            .Produces<QualityHistoryJson>();
        quality.MapPost("/{table}/reprofile", async (string table, ReadableTables tables, JobScheduler scheduler, IWorkbenchUser user, CancellationToken ct) =>
            {
                var (info, problem) = await tables.FindAsync(table, ct);
                if (info is null)
                {
                    return problem!;
                }

                try
                {
                    var run = await scheduler.ReprofileNowAsync(info.Path, user.Name, ct);
                    return Results.Accepted($"/api/v1/jobs/runs/{run.Id}", RunJson.From(run));
                }
                catch (PermissionDeniedException e)
                {
                    return Results.Problem(title: "Permission denied", detail: e.Message, statusCode: StatusCodes.Status403Forbidden);
                }
            })
            .WithName("ReprofileTable")
            .WithSummary("Profiles the table's latest version now, as a job run: 202 with the run to poll at /api/v1/jobs/runs/{id} (and cancel there).")
            .Produces<RunJson>(StatusCodes.Status202Accepted);
        return app;
    }

    private static async Task<IResult> WithHistoryAsync<T>(
        string table, ReadableTables tables, QualityStore store, TimeProvider time, CancellationToken ct, Func<string, QualityHistory, T> shape)
    {
        var (info, problem) = await tables.FindAsync(table, ct);
        if (info is null)
        {
            return problem!;
        }

        try
        {
            var measurements = await store.QueryAsync(info.Path, DateTimeOffset.UnixEpoch, time.GetUtcNow().AddMinutes(1), cancellationToken: ct);
            return Results.Ok(shape(info.Path.ToString(), new QualityHistory(measurements)));
        }
        catch (NeuroLakeException e)
        {
            return Results.Problem(title: "Invalid quality request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
