using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Tiering;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Tiering;
using NeuroLake.Web.Api.Admin;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/storage/tiering</c>: the tiering plan (moves with reasons and savings), a run now (a job run to poll), and
/// per-table placement overrides; administrators only, since tiering covers every table's files.
/// </summary>
public static class TieringEndpoints
{
    public static IEndpointRouteBuilder MapTieringApi(this IEndpointRouteBuilder app)
    {
        var tiering = app.MapGroup("/api/v1/storage/tiering").WithTags("Storage").WithApiProblems().AdministratorsOnly();
        tiering.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        tiering.MapGet("/plan", async (LakehouseTiering lakehouse, IOptions<NeuroLakeOptions> options, CancellationToken ct) =>
                Results.Ok(TieringPlanJson.From(await lakehouse.PlanAsync(ct), note => ServerFolderText.Strip(note, options.Value))))
            .WithName("GetTieringPlan")
            .WithSummary("The moves a tiering run would make now (table, file, bytes, from, to, reason) with the estimated monthly storage saving at the price book in force, and notes (no tiers configured, no price book, tables not examined). Administrators only.")
            .Produces<TieringPlanJson>();
        tiering.MapPost("/run", async (JobScheduler scheduler, IWorkbenchUser user, CancellationToken ct) =>
            {
                var run = await scheduler.TierNowAsync(user.Name, ct);
                return Results.Accepted($"/api/v1/jobs/runs/{run.Id}", RunJson.From(run));
            })
            .WithName("RunTiering")
            .WithSummary("Starts a tiering run now: plans again and moves files (copy, verify, record, delete), one at a time, cancellable between files. 202 with the job run to poll at its Location. Administrators only.")
            .Produces<RunJson>(StatusCodes.Status202Accepted);
        tiering.MapGet("/overrides/{table}", async (string table, TierOverrideStore overrides, CancellationToken ct) =>
                await overrides.GetAsync(TableName(table), ct) is { } value ? Results.Ok(new TierOverrideJson(table, value)) : Missing(table))
            .WithName("GetTierOverride")
            .WithSummary("A table's placement override: Auto (the planner decides), PinHot (files stay on, and come back to, the table's own store) or NeverArchive (never to the cold tier). Administrators only.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<TierOverrideJson>();
        tiering.MapPut("/overrides/{table}", async (string table, TierOverrideRequest body, TierOverrideStore overrides, IWorkbenchUser user, AuditLog audit, CancellationToken ct) =>
            {
                var name = TableName(table);
                var value = Parse(body.Override);
                return await audit.TrackAsync(user.Name, AuditAction.AdminChange, $"table {name}", $"Tier override set to {value}",
                        () => overrides.SetAsync(name, value, user.Name, ct))
                    ? Results.Ok(new TierOverrideJson(table, value))
                    : Missing(table);
            })
            .WithName("SetTierOverride")
            .WithSummary("Sets a table's placement override ({\"override\": \"PinHot\"}; Auto removes it); the next tiering run follows it. Administrators only.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<TierOverrideJson>();
        return app;
    }

    private static SecurablePath TableName(string table)
    {
        var name = SecurablePath.Parse(table);
        return name.Table is not null && name.Column is null
            ? name
            : throw new BadApiRequestException($"'{table}' is not a table name: give it as catalog.schema.table, e.g. main.sales.orders.");
    }

    private static TierOverride Parse(string? value) =>
        Enum.TryParse<TierOverride>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new BadApiRequestException($"\"override\" must be Auto, PinHot or NeverArchive, not '{value}'.");

    private static IResult Missing(string table) =>
        ApiProblems.NotFound($"There is no table '{table}' in the catalog. Name it as catalog.schema.table; GET /api/v1/tables lists them.");
}

/// <summary>A table's tier override.</summary>
public sealed record TierOverrideJson(string Table, TierOverride Override);

/// <summary>The body of a tier override change.</summary>
public sealed record TierOverrideRequest(string? Override);

/// <summary>One planned move of a tiering plan.</summary>
public sealed record TieringMoveJson(string Table, string File, long Bytes, string From, string To, string Reason, decimal? MonthlySaving);

/// <summary>A tiering plan: the tiers configured, the moves, their total saving per month (null without a price book) and notes.</summary>
public sealed record TieringPlanJson(
    DateTimeOffset PlannedAt, IReadOnlyList<string> Tiers, IReadOnlyList<TieringMoveJson> Moves, long Bytes, decimal? MonthlySaving, string? Currency, IReadOnlyList<string> Notes)
{
    /// <param name="clean">Applied to each note (a table that could not be read names its error, which may hold a server folder).</param>
    public static TieringPlanJson From(TieringPlan plan, Func<string, string> clean) => new(
        plan.PlannedAt,
        plan.Tiers.Select(t => t.ToString()).ToList(),
        plan.Moves.Select(m => new TieringMoveJson(m.Table, m.Key, m.Bytes, m.From.ToString(), m.To.ToString(), m.Reason, m.MonthlySaving)).ToList(),
        plan.Bytes,
        plan.MonthlySaving,
        plan.Currency,
        plan.Notes.Select(clean).ToList());
}
