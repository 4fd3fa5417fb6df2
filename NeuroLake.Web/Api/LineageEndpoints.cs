using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Errors;
using NeuroLake.Web.Api.Lineage;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/lineage</c>: what the lineage page shows, for scripts — a table's graph up and downstream to a depth,
/// one column's lineage, and impact analysis. Through <see cref="VisibleLineage"/>, so tables the caller may not
/// SELECT appear only as <c>Restricted table n</c>; a start table they may not read answers 404 like a missing one.
/// </summary>
public static class LineageEndpoints
{
    /// <summary>The depth when none is asked for, as the lineage page starts.</summary>
    public const int DefaultDepth = 2;

    public static IEndpointRouteBuilder MapLineageApi(this IEndpointRouteBuilder app)
    {
        var lineage = app.MapGroup("/api/v1/lineage").WithTags("Lineage");
        lineage.MapGet("/{table}", (string table, int? depth, bool? columns, ReadableTables tables, VisibleLineage visible, IWorkbenchUser user, CancellationToken ct) =>
                GraphAsync(table, null, depth, columns ?? false, tables, visible, user, ct))
            .WithName("GetTableLineage")
            .WithSummary($"A table's lineage graph up and downstream (?depth=1..{VisibleLineage.MaxDepth}, default {DefaultDepth}; ?columns=true draws column edges inside their tables).")
            .Produces<LineageGraphJson>();
        lineage.MapGet("/{table}/columns/{column}", (string table, string column, int? depth, ReadableTables tables, VisibleLineage visible, IWorkbenchUser user, CancellationToken ct) =>
                GraphAsync(table, column, depth, true, tables, visible, user, ct))
            .WithName("GetColumnLineage")
            .WithSummary($"One column's lineage: the columns it is derived from and those derived from it (?depth=1..{VisibleLineage.MaxDepth}).")
            .Produces<LineageGraphJson>();
        lineage.MapGet("/{table}/impact", ImpactAsync)
            .WithName("GetImpactAnalysis")
            .WithSummary("What breaks downstream if the table (or ?column=) changes: every asset the caller may read with its path and risk score; ?change=drop|rename|type|add&column=&newName=&newType= weighs a proposed change.")
            .Produces<ImpactJson>();
        return app;
    }

    private static async Task<IResult> GraphAsync(
        string table, string? column, int? depth, bool columns, ReadableTables tables, VisibleLineage visible, IWorkbenchUser user, CancellationToken ct)
    {
        var levels = depth ?? DefaultDepth;
        if (levels is < 1 or > VisibleLineage.MaxDepth)
        {
            return Results.Problem(title: "Depth out of range",
                detail: $"Depth {levels} is out of range: ask for 1 to {VisibleLineage.MaxDepth} levels (?depth=2 is what the lineage page starts with).",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var (info, problem) = await tables.FindAsync(table, ct);
        if (info is null)
        {
            return problem!;
        }

        var start = info.Path;
        if (column is not null)
        {
            if (ColumnOf(info, column) is not { } name)
            {
                return NoSuchColumn(info, column);
            }

            start = info.Path with { Column = name };
        }

        return await HandleAsync(async () => Results.Ok(LineageGraphJson.From(start.ToString(), levels, await visible.GraphAsync(user.Name, start, levels, columns, ct))));
    }

    private static async Task<IResult> ImpactAsync(
        string table, string? column, string? change, string? newName, string? newType, ReadableTables tables, VisibleLineage visible, IWorkbenchUser user, CancellationToken ct)
    {
        var (info, problem) = await tables.FindAsync(table, ct);
        if (info is null)
        {
            return problem!;
        }

        return await HandleAsync(async () =>
        {
            var proposed = ProposedChangeQuery.Parse(change, column, newName, newType);
            var start = info.Path;
            if (column is not null && proposed is null)
            {
                if (ColumnOf(info, column) is not { } name)
                {
                    return NoSuchColumn(info, column);
                }

                start = info.Path with { Column = name };
            }

            var rows = await visible.ImpactAsync(user.Name, start, proposed, ct);
            return Results.Ok(new ImpactJson(start.ToString(), proposed?.ToString(), rows));
        });
    }

    private static string? ColumnOf(TableInfo table, string column) =>
        table.Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))?.Name;

    private static IResult NoSuchColumn(TableInfo table, string column) =>
        Results.Problem(title: "Column not found",
            detail: $"Table {table.Path} has no column '{column}': use one of {string.Join(", ", table.Columns.Select(c => c.Name))}.",
            statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is NeuroLakeException or FormatException)
        {
            return Results.Problem(title: "Invalid lineage request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
