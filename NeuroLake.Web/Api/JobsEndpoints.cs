using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/jobs</c>: recurring job definitions (list, get, create, replace, delete, pause, resume, run now) and
/// the run history (search, get, cancel). Every call acts as the signed-in or token user; the scheduler checks
/// privileges and ownership, and <see cref="VisibleJobs"/> hides jobs and runs of tables the caller may not read.
/// </summary>
public static class JobsEndpoints
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs").WithTags("Jobs");
        jobs.MapGet("/", (VisibleJobs visible, IWorkbenchUser user, CancellationToken ct) =>
                Handle(async () => Results.Ok((await visible.ListAsync(user.Name, ct: ct)).Select(JobJson.From))))
            .WithSummary("Lists the recurring jobs the caller may see (those of tables they may SELECT, and lakehouse-wide ones) with their schedule in words and next run.")
            .Produces<List<JobJson>>();
        jobs.MapGet("/{id:guid}", (Guid id, VisibleJobs visible, IWorkbenchUser user, CancellationToken ct) =>
            Handle(async () => await visible.FindAsync(user.Name, id, ct) is { } job ? Results.Ok(JobJson.From(job)) : NotFound()))
            .WithSummary("One job the caller may see, with its schedule, pause state and next run; 404 when it does not exist or is hidden.")
            .Produces<JobJson>().ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/", (JobRequest body, JobScheduler scheduler, IWorkbenchUser user, CancellationToken ct) =>
            Handle(async () =>
            {
                var created = await scheduler.CreateAsync(body.ToDraft(), user.Name, ct);
                return Results.Created($"/api/v1/jobs/{created.Id}", JobJson.From(created));
            })).WithSummary("Creates a recurring job owned (and run) by the caller.")
            .Produces<JobJson>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        jobs.MapPut("/{id:guid}", (Guid id, JobRequest body, JobScheduler scheduler, VisibleJobs visible, IWorkbenchUser user, CancellationToken ct) =>
            IfVisible(visible, user, id, ct, async () => Results.Ok(JobJson.From(await scheduler.UpdateAsync(id, body.ToDraft(), user.Name, ct)))))
            .WithSummary("Changes a job's schedule or settings (its owner or an administrator); the cron is validated.")
            .Produces<JobJson>().ProducesProblem(StatusCodes.Status400BadRequest);
        jobs.MapDelete("/{id:guid}", (Guid id, JobScheduler scheduler, VisibleJobs visible, IWorkbenchUser user, CancellationToken ct) =>
            IfVisible(visible, user, id, ct, async () => await scheduler.DeleteAsync(id, user.Name, ct) ? Results.NoContent() : NotFound()))
            .WithSummary("Deletes a job (its owner or an administrator); its run history stays.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/{id:guid}/pause", (Guid id, JobScheduler scheduler, VisibleJobs visible, IWorkbenchUser user, CancellationToken ct) =>
            IfVisible(visible, user, id, ct, async () => Results.Ok(JobJson.From(await scheduler.PauseAsync(id, user.Name, ct)))))
            .WithSummary("Pauses a job: it does not fire until resumed.")
            .Produces<JobJson>();
        jobs.MapPost("/{id:guid}/resume", (Guid id, JobScheduler scheduler, VisibleJobs visible, IWorkbenchUser user, CancellationToken ct) =>
            IfVisible(visible, user, id, ct, async () => Results.Ok(JobJson.From(await scheduler.ResumeAsync(id, user.Name, ct)))))
            .WithSummary("Resumes a paused job: it fires again from its next scheduled time.")
            .Produces<JobJson>();
        jobs.MapPost("/{id:guid}/run", (Guid id, JobScheduler scheduler, VisibleJobs visible, IWorkbenchUser user, CancellationToken ct) =>
            IfVisible(visible, user, id, ct, async () =>
            {
                var run = await scheduler.RunNowAsync(id, user.Name, ct);
                return Results.Accepted($"/api/v1/jobs/runs/{run.Id}", RunJson.From(run));
            })).WithSummary("Runs the job now; 202 with the queued run to poll.")
            .Produces<RunJson>(StatusCodes.Status202Accepted);

        jobs.MapGet("/runs", (string? kind, string? status, string? table, DateTimeOffset? from, DateTimeOffset? to, int? skip, int? take,
                VisibleJobs visible, IWorkbenchUser user, CancellationToken ct) =>
            Handle(async () =>
            {
                var page = await visible.SearchRunsAsync(user.Name, RunQuery(kind, status, table, from, to, skip, take), ct);
                return Results.Ok(new RunPageJson(page.Runs.Select(RunJson.From).ToList(), page.Total));
            }))
            .WithSummary("Searches the run history the caller may see by kind, status, table and time (?kind=&status=&table=&from=&to=&skip=&take=), newest first.")
            .Produces<RunPageJson>().ProducesProblem(StatusCodes.Status400BadRequest);
        jobs.MapGet("/runs/{id:guid}", (Guid id, VisibleJobs visible, IWorkbenchUser user, CancellationToken ct) =>
            Handle(async () => await visible.FindRunAsync(user.Name, id, ct) is { } run ? Results.Ok(RunJson.From(run)) : NotFound()))
            .WithSummary("One run: status, progress, step, summary or error; poll it after run-now.")
            .Produces<RunJson>().ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/runs/{id:guid}/cancel", (Guid id, JobScheduler scheduler, VisibleJobs visible, IWorkbenchUser user, CancellationToken ct) =>
            Handle(async () => await visible.FindRunAsync(user.Name, id, ct) is not null && await scheduler.CancelAsync(id, user.Name, ct)
                ? Results.Accepted($"/api/v1/jobs/runs/{id}")
                : Results.Problem(title: "Nothing to cancel", detail: "The run has finished or does not exist.", statusCode: StatusCodes.Status409Conflict)))
            .WithSummary("Stops a queued or running run; it commits nothing half-done.")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static JobRunQuery RunQuery(string? kind, string? status, string? table, DateTimeOffset? from, DateTimeOffset? to, int? skip, int? take) => new(
        kind is null ? null : Parse<JobKind>(kind, "kind"),
        table is null ? null : SecurablePath.Parse(table),
        status is null ? null : Parse<JobRunStatus>(status, "status"),
        From: from,
        To: to,
        Skip: skip ?? 0,
        Take: take ?? 50);

    private static T Parse<T>(string text, string name) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new JobException($"'{text}' is not a job {name}: use one of {string.Join(", ", Enum.GetNames<T>())}.");

    private static IResult NotFound() =>
        Results.Problem(title: "Not found", detail: "There is no such job or run: it may have been deleted.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>A change to a job the caller may see; one about a table they may not read answers 404, as a missing job does.</summary>
    private static Task<IResult> IfVisible(VisibleJobs visible, IWorkbenchUser user, Guid id, CancellationToken ct, Func<Task<IResult>> action) =>
        Handle(async () => await visible.FindAsync(user.Name, id, ct) is null ? NotFound() : await action());

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
        catch (NeuroLakeException e)
        {
            return Results.Problem(title: "Invalid job request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}

/// <summary>A job as the API writes it: the definition plus its schedule in words and next run.</summary>
public sealed record JobJson(
    Guid Id, string Name, JobKind Kind, string? Table, string Cron, string TimeZone, MaintenanceSettings? Maintenance, string Owner,
    DateTimeOffset? PausedAt, string? PausedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ScheduleText, DateTimeOffset? NextRun,
    string? Pipeline)
{
    public static JobJson From(JobDefinition job) => new(
        job.Id, job.Name, job.Kind, job.Table?.ToString(), job.Cron, job.TimeZone, job.Maintenance, job.Owner, job.PausedAt, job.PausedBy,
        job.CreatedAt, job.UpdatedAt, job.Schedule.Describe(), job.IsPaused ? null : job.Schedule.NextAfter(DateTimeOffset.UtcNow), job.Pipeline);
}

/// <summary>A run as the API writes it.</summary>
public sealed record RunJson(
    Guid Id, Guid? JobId, JobKind Kind, string? Table, string TriggeredBy, JobRunStatus Status, DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, double Progress, string Step, string? Summary, string? Error)
{
    public static RunJson From(JobRun r) => new(
        r.Id, r.DefinitionId, r.Kind, r.Table?.ToString(), r.TriggeredBy, r.Status, r.QueuedAt, r.StartedAt, r.FinishedAt, r.Progress, r.Step, r.Summary, r.Error);
}

/// <summary>One page of runs.</summary>
public sealed record RunPageJson(IReadOnlyList<RunJson> Runs, int Total);

/// <summary>
/// The body of a create or replace: a job's name, kind, table (catalog.schema.table), cron, zone, maintenance settings
/// and, for a pipeline job, the saved pipeline's name.
/// </summary>
public sealed record JobRequest(string Name, JobKind Kind, string? Table, string Cron, string? TimeZone, MaintenanceSettings? Maintenance, string? Pipeline = null)
{
    public JobDraft ToDraft() =>
        new(Name ?? "", Kind, string.IsNullOrWhiteSpace(Table) ? null : SecurablePath.Parse(Table), Cron ?? "", TimeZone ?? "UTC", Maintenance, Pipeline);
}
