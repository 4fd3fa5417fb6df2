using System.Text.Json;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Settings;
using NeuroLake.Web.Api.Catalog;
using NeuroLake.Web.Api.Operations;
using NeuroLake.Web.Api.Tables;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/tables/{catalog.schema.table}</c>: create, describe, drop, history, time travel reads and row changes as
/// JSON, and maintenance. Everything that touches rows runs as SQL through the query service as the caller
/// (<see cref="TableStatements"/>), so privileges, masks, row filters, history and audit are those of SQL. OPTIMIZE,
/// VACUUM and RESTORE answer 202 with an operation to poll (<see cref="OperationsEndpoints"/>). Describe and history
/// carry an ETag (<see cref="TableETag"/>); writes honour <c>If-Match</c>.
/// </summary>
public static class TablesEndpoints
{
    private const int MaxHistoryTake = 1000;

    public static IEndpointRouteBuilder MapTablesApi(this IEndpointRouteBuilder app)
    {
        var tables = app.MapGroup("/api/v1/tables").WithTags("Tables").WithApiProblems();
        tables.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        tables.MapPost("/", CreateAsync)
            .WithName("CreateTable")
            .WithSummary("Creates a table from {\"name\": \"main.sales.orders\", \"columns\": [{\"name\", \"type\", \"nullable\"}], \"comment\", \"partitionedBy\"}, as CREATE TABLE; needs CREATE TABLE on the schema.")
            .Produces<TableJson>(StatusCodes.Status201Created);
        tables.MapGet("/{name}", DescribeAsync)
            .WithName("DescribeTable")
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("Describes a table (catalog.schema.table): columns, owner, tags, properties, location, version, size; ETag from its version, If-None-Match answers 304.")
            .Produces<TableJson>();
        tables.MapDelete("/{name}", async (string name, [AsParameters] TableCall call, TableAccess access) =>
            {
                var (_, sql, refusal) = await call.StatementTargetAsync(name);
                if (refusal is not null)
                {
                    return refusal;
                }

                await access.RunAsync($"DROP TABLE {sql!.Sql}", 1, call.Ct);
                return Results.NoContent();
            })
            .WithName("DropTable")
            .WithSummary("Drops a table, as DROP TABLE: its owner or an administrator only.")
            .Produces(StatusCodes.Status204NoContent);
        tables.MapGet("/{name}/history", HistoryAsync)
            .WithName("GetTableHistory")
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("The table's commits newest first (?skip=&take=, take 1-1000, default 100): version, time, operation, parameters, metrics, user; ETag, If-None-Match answers 304.")
            .Produces<HistoryPageJson>();
        tables.MapGet("/{name}/rows", ReadAsync)
            .WithName("ReadTableRows")
            .WithSummary("Reads rows (?limit=, 1 to the row limit, default 100), at ?version=N or ?timestamp=ISO-8601 for time travel, as SELECT would: masked columns masked, row filters applied.")
            .Produces<TableRowsDocument>();
        MapRowChanges(tables);
        MapMaintenance(tables);
        TablePropertiesEndpoints.Map(tables);
        TableMergeEndpoints.Map(tables);
        return app;
    }

    /// <summary>The describe answer, shared with <c>GET /api/v1/catalog/tables/{name}</c>.</summary>
    internal static async Task<IResult> DescribeAsync(string name, [AsParameters] TableCall call)
    {
        var (table, refusal) = await call.ReadableAsync(name);
        return table is null ? refusal! : TableETag.NotModified(call.Http, table) ?? Results.Ok(TableJson.From(table));
    }

    private static void MapRowChanges(RouteGroupBuilder tables)
    {
        tables.MapPost("/{name}/rows", InsertAsync)
            .WithName("InsertTableRows")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Appends rows given as {\"rows\": [{\"column\": value}]}, as INSERT, or the rows of one of your staged uploads ({\"uploadId\": \"...\"}: " +
                         "its columns must be the table's, any unparsable row fails the load, the upload is removed once loaded); needs MODIFY; If-Match answers 412 when the table moved on.")
            .Produces<RowChangeJson>();
        tables.MapPost("/{name}/rows/update", (string name, UpdateRowsRequest body, [AsParameters] TableCall call, TableAccess access) =>
                ChangeRowsAsync(name, call, access, table => TableStatements.Update(table.Table, table.Sql, body)))
            .WithName("UpdateTableRows")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Sets columns on the rows matching every condition: {\"set\": {\"c\": v}, \"where\": [{\"column\", \"op\", \"value\"}]}, as UPDATE; needs MODIFY and SELECT.")
            .Produces<RowChangeJson>();
        tables.MapPost("/{name}/rows/delete", (string name, DeleteRowsRequest body, [AsParameters] TableCall call, TableAccess access) =>
                ChangeRowsAsync(name, call, access, table => TableStatements.Delete(table.Table, table.Sql, body)))
            .WithName("DeleteTableRows")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Deletes the rows matching every condition: {\"where\": [{\"column\": \"id\", \"op\": \"=\", \"value\": 3}]}, as DELETE; needs MODIFY and SELECT.")
            .Produces<RowChangeJson>();
    }

    private static void MapMaintenance(RouteGroupBuilder tables)
    {
        tables.MapPost("/{name}/optimize", (string name, OptimizeRequest? body, [AsParameters] TableCall call, QueryService queries, OperationRegistry operations) =>
                StartAsync(name, "optimize", call, queries, operations, table =>
                    MaintenanceStatements.Optimize(table.Sql, (body?.ZorderBy ?? []).Select(c => TableStatements.Column(table.Table, c)).ToList())))
            .WithName("OptimizeTable")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Compacts small files (optionally {\"zorderBy\": [\"c\"]}); 202 with an operation to poll. Needs MODIFY.")
            .Produces<OperationJson>(StatusCodes.Status202Accepted);
        tables.MapPost("/{name}/vacuum", VacuumAsync)
            .WithName("VacuumTable")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Deletes files no version inside the retention needs ({\"retainHours\": 168}); 202 with an operation to poll. {\"dryRun\": true} answers 200 with the files it would delete. Needs MODIFY.")
            .Produces<OperationJson>(StatusCodes.Status202Accepted)
            .Produces<JsonElement>();
        tables.MapPost("/{name}/restore", (string name, RestoreRequest body, [AsParameters] TableCall call, QueryService queries, OperationRegistry operations) =>
                StartAsync(name, "restore", call, queries, operations, table => TableStatements.Restore(table.Sql, body)))
            .WithName("RestoreTable")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Restores the table to {\"version\": n} or {\"timestamp\": \"...\"} as a new commit; 202 with an operation to poll. Needs MODIFY.")
            .Produces<OperationJson>(StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> CreateAsync(CreateTableRequest body, [AsParameters] TableCall call, TableAccess access)
    {
        var (catalog, schema, table) = TableRoute.Parse(body.Name ?? "");
        if (!string.Equals(catalog, TableName.Catalog, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadApiRequestException($"Tables are created in catalog {TableName.Catalog}, where SQL names resolve: name it {TableName.Catalog}.{schema}.{table}.");
        }

        await access.RunAsync(TableStatements.Create(new TableName(schema, table), body), 1, call.Ct);
        var (created, refusal) = await call.ReadableAsync(body.Name!);
        return created is null ? refusal! : Results.Created($"/api/v1/tables/{created.Path}", TableJson.From(created));
    }

    private static async Task<IResult> HistoryAsync(string name, int? skip, int? take, [AsParameters] TableCall call, TableAccess access)
    {
        var (from, count) = (skip ?? 0, take ?? 100);
        if (from < 0 || count is < 1 or > MaxHistoryTake)
        {
            throw new BadApiRequestException($"skip must be 0 or more and take between 1 and {MaxHistoryTake}; they were {from} and {count}. Omit them for the newest 100 commits.");
        }

        var (table, refusal) = await call.ReadableAsync(name);
        if (table is null)
        {
            return refusal!;
        }

        if (TableETag.NotModified(call.Http, table) is { } unchanged)
        {
            return unchanged;
        }

        var entries = await (await access.OpenAsync(table, call.Ct)).GetHistoryAsync(from + count + 1, call.Ct);
        var page = entries.Skip(from).Take(count).Select(HistoryEntryJson.From).ToList();
        return Results.Ok(new HistoryPageJson(page, table.CurrentVersion, from, count, entries.Count > from + count));
    }

    private static async Task<IResult> ReadAsync(
        string name, long? version, DateTimeOffset? timestamp, int? limit, [AsParameters] TableCall call, TableAccess access, SettingsStore settings)
    {
        var max = settings.Current.RowLimit;
        var rows = limit ?? Math.Min(100, max);
        if (rows < 1 || rows > max)
        {
            throw new BadApiRequestException($"limit must be between 1 and {max} (the server's row limit); it was {rows}. Omit it for up to {Math.Min(100, max)} rows.");
        }

        var (_, sql, refusal) = await call.StatementTargetAsync(name);
        return refusal ?? Results.Ok(StatementJson.Of(await access.RunAsync(TableStatements.Read(sql!, version, timestamp), rows, call.Ct)));
    }

    private static async Task<IResult> InsertAsync(string name, InsertRowsRequest body, [AsParameters] TableCall call, TableAccess access, [AsParameters] UploadSource uploads)
    {
        if (body.UploadId is null)
        {
            return await ChangeRowsAsync(name, call, access, table => TableStatements.Insert(table.Table, table.Sql, body.Rows));
        }

        if (body.Rows is not null)
        {
            throw new BadApiRequestException("Give \"rows\" or \"uploadId\", not both.");
        }

        var (table, _, refusal) = await call.StatementTargetAsync(name, Privilege.Modify);
        return refusal ?? Results.Ok(await uploads.InsertAsync(table!, body.UploadId, call.Ct));
    }

    private static async Task<IResult> ChangeRowsAsync(string name, TableCall call, TableAccess access, Func<(Engine.Catalog.TableInfo Table, TableName Sql), string> statement)
    {
        var (table, sql, refusal) = await call.StatementTargetAsync(name, Privilege.Modify);
        if (refusal is not null)
        {
            return refusal;
        }

        var result = await access.RunAsync(statement((table!, sql!)), 1, call.Ct);
        return Results.Ok(new RowChangeJson(result.RowsAffected ?? 0, result.TableWritten?.Version));
    }

    private static async Task<IResult> VacuumAsync(
        string name, VacuumRequest? body, [AsParameters] TableCall call, QueryService queries, OperationRegistry operations, TableAccess access)
    {
        var hours = body?.RetainHours ?? MaintenanceStatements.DefaultRetentionHours;
        if (!double.IsFinite(hours) || hours < 0)
        {
            throw new BadApiRequestException($"retainHours must be 0 or more; it was {hours}. Omit it for {MaintenanceStatements.DefaultRetentionHours:0} hours (7 days).");
        }

        if (body?.DryRun != true)
        {
            return await StartAsync(name, "vacuum", call, queries, operations, table => MaintenanceStatements.Vacuum(table.Sql, hours, dryRun: false));
        }

        var (_, sql, refusal) = await call.StatementTargetAsync(name, Privilege.Modify);
        return refusal ?? Results.Ok(StatementJson.Of(
            await access.RunAsync(MaintenanceStatements.Vacuum(sql!, hours, dryRun: true), VacuumPreview.ListedFiles, call.Ct)));
    }

    /// <summary>
    /// Checks what can be checked now (visibility, ETag, MODIFY, the statement's own inputs), then runs the statement
    /// in the background as the caller; the operation outlives the request, so it uses the singleton query service.
    /// </summary>
    private static async Task<IResult> StartAsync(
        string name, string kind, TableCall call, QueryService queries, OperationRegistry operations, Func<(Engine.Catalog.TableInfo Table, TableName Sql), string> statement)
    {
        var (table, sql, refusal) = await call.StatementTargetAsync(name, Privilege.Modify);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = statement((table!, sql!));
        var user = call.User.Name;
        var operation = operations.Start(user, kind, table!.Path.ToString(), async ct =>
            StatementJson.Of((await queries.ExecuteAsync(text, new QueryRequest(user, RowLimit: VacuumPreview.ListedFiles), ct))[^1]));
        return Results.Accepted($"/api/v1/operations/{operation.Id}", operation.ToJson());
    }
}
