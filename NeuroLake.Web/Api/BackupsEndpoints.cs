using System.Text.Json;
using NeuroLake.Engine.Backup;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Api.Admin;
using NeuroLake.Web.Api.Backups;
using NeuroLake.Web.Api.Operations;
using NeuroLake.Web.Backups;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/backups</c>: the backup sets of the configured repository (<c>NeuroLake:Backup:Target</c>), for
/// administrators only, since a set holds every table and the catalog. Taking, verifying and restoring answer 202 with
/// an operation to poll (<see cref="OperationsEndpoints"/>); each is audited. The repository's location and credentials
/// never appear in answers, and server folders are stripped from errors.
/// </summary>
public static class BackupsEndpoints
{
    private const int MaxRestoredTables = 100;

    public static IEndpointRouteBuilder MapBackupsApi(this IEndpointRouteBuilder app)
    {
        var backups = app.MapGroup("/api/v1/backups").WithTags("Backups").WithApiProblems().AdministratorsOnly();
        backups.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        backups.MapGet("/", async (LakehouseBackups sets, CancellationToken ct) => Results.Ok((await sets.ListAsync(ct)).Select(BackupSetJson.From).ToList()))
            .WithName("ListBackupSets")
            .WithSummary("The repository's backup sets, newest first: state (unverified, usable, unusable), tables with versions, files, bytes, latest verify. Administrators only.")
            .Produces<List<BackupSetJson>>();
        backups.MapGet("/{id}", async (string id, LakehouseBackups sets, CancellationToken ct) =>
                await sets.FindAsync(id, ct) is { } set ? Results.Ok(BackupSetJson.From(set)) : NotFound(id))
            .WithName("GetBackupSet")
            .WithSummary("One backup set by id. Administrators only.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<BackupSetJson>();
        backups.MapPost("/", (LakehouseBackups sets, OperationRegistry operations, IWorkbenchUser user, AuditLog audit) =>
                Start(operations, user.Name, "backup", "lakehouse", (who, ct) => audit.TrackAsync(who, AuditAction.Maintenance, "backup", "Backup of the lakehouse", async () =>
                {
                    var r = await sets.BackupAsync(ct);
                    return Element(new BackupTakenJson(r.SetId, r.Tables, r.Files, r.TotalBytes, r.NewObjects, r.NewBytes));
                })))
            .WithName("TakeBackup")
            .WithSummary("Takes a backup set of the catalog and every table at the version the catalog recorded (incremental: files already stored are not copied again); 202 with an operation to poll. Administrators only.")
            .Produces<OperationJson>(StatusCodes.Status202Accepted);
        backups.MapPost("/{id}/verify", async (string id, LakehouseBackups sets, OperationRegistry operations, IWorkbenchUser user, AuditLog audit, CancellationToken ct) =>
                await sets.FindAsync(id, ct) is null
                    ? NotFound(id)
                    : Start(operations, user.Name, "backup-verify", id, (who, c) => audit.TrackAsync(who, AuditAction.Maintenance, $"backup {id}", "Verify of a backup set",
                        async () => BackupVerifyJson.From(await sets.VerifyAsync(id, c)).ToElement())))
            .WithName("VerifyBackupSet")
            .WithSummary("Re-reads every file of the set and compares sizes and SHA-256; the set's state follows the result. 202 with an operation to poll. Administrators only.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<OperationJson>(StatusCodes.Status202Accepted);
        backups.MapPost("/retention", RetentionAsync)
            .WithName("ApplyBackupRetention")
            .WithSummary("Applies the configured grandfather-father-son retention (NeuroLake:Backup:Retention): removes sets outside it and the objects no kept set references. " +
                         "?dryRun=true (the default) only lists what would go, sets and bytes; ?dryRun=false removes it. Administrators only.")
            .Produces<BackupRetentionJson>();
        backups.MapPost("/{id}/restore", RestoreAsync)
            .WithName("RestoreFromBackup")
            .WithSummary("Restores tables of the set under new names ({\"tables\": [{\"name\": \"main.sales.orders\", \"restoreAs\": \"main.sales.orders_restored\"}]}), " +
                         "or with \"mode\": \"inPlace\" over the live tables as one new version each, after a safety backup of the lakehouse; " +
                         "the set is verified first and refused if damaged. 202 with an operation to poll. Administrators only.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<OperationJson>(StatusCodes.Status202Accepted);
        return app;
    }

    private static async Task<IResult> RestoreAsync(
        string id, BackupRestoreRequest body, LakehouseBackups sets, RestorePlanner planner, OperationRegistry operations, IWorkbenchUser user, AuditLog audit, CancellationToken ct)
    {
        if (await sets.FindAsync(id, ct) is not { } set)
        {
            return NotFound(id);
        }

        if (body.Tables is null or { Count: 0 } || body.Tables.Count > MaxRestoredTables)
        {
            throw new BadApiRequestException($"Name 1 to {MaxRestoredTables} \"tables\" to restore, e.g. [{{\"name\": \"main.sales.orders\", \"restoreAs\": \"main.sales.orders_restored\"}}].");
        }

        var choices = body.Tables.Select(t => new RestoreChoice(t.Name, t.RestoreAs)).ToList();
        if (body.Mode is "inPlace")
        {
            var names = await planner.InPlaceAsync(set, choices, ct);
            return Start(operations, user.Name, "backup-restore", id, (who, c) => audit.TrackAsync(who, AuditAction.Restore, $"backup {id}",
                $"In-place restore of {string.Join(", ", names)} (after a safety backup)",
                async () => Element(BackupInPlaceRestoreJson.From(await sets.RestoreInPlaceAsync(id, names, c)))));
        }

        if (body.Mode is not (null or "newName"))
        {
            throw new BadApiRequestException("\"mode\" is \"newName\" (the default: restore under new names) or \"inPlace\" (over the live tables, after a safety backup).");
        }

        var plan = await planner.NewNamesAsync(set, choices, ct);
        return Start(operations, user.Name, "backup-restore", id, (who, c) => audit.TrackAsync(who, AuditAction.Restore, $"backup {id}",
            $"Restore of {string.Join(", ", plan.Select(p => $"{p.Name} as {p.Target}"))}", async () =>
        {
            var restored = new List<BackupRestoredJson>();
            foreach (var table in plan)
            {
                var version = await sets.RestoreTableAsync(id, table.Name, table.Catalog, table.Schema, table.Table, c);
                restored.Add(new BackupRestoredJson(table.Name, table.Target, version));
            }

            return Element(restored);
        }));
    }

    private static async Task<IResult> RetentionAsync(
        bool? dryRun, LakehouseBackups sets, IOptions<NeuroLakeOptions> options, IWorkbenchUser user, AuditLog audit, CancellationToken ct)
    {
        var policy = options.Value.Backup.Retention;
        if (dryRun ?? true)
        {
            return Results.Ok(BackupRetentionJson.From(await sets.ApplyRetentionAsync(policy, dryRun: true, ct), policy));
        }

        var plan = await audit.TrackAsync(user.Name, AuditAction.Maintenance, "backup retention", "Retention of backup sets",
            () => sets.ApplyRetentionAsync(policy, dryRun: false, ct));
        return Results.Ok(BackupRetentionJson.From(plan, policy));
    }

    /// <summary>Starts the work as an operation of <paramref name="who"/>, read while the request lasts (the work outlives it).</summary>
    private static IResult Start(OperationRegistry operations, string who, string kind, string target, Func<string, CancellationToken, Task<JsonElement>> work)
    {
        var operation = operations.Start(who, kind, target, ct => work(who, ct));
        return Results.Accepted($"/api/v1/operations/{operation.Id}", operation.ToJson());
    }

    private static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value, JsonSerializerOptions.Web);

    private static IResult NotFound(string id) =>
        ApiProblems.NotFound($"There is no finished backup set '{id}' in the repository. GET /api/v1/backups lists them.");
}
