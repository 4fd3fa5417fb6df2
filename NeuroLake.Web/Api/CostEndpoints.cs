using System.Globalization;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Api.Cost;
using NeuroLake.Web.Api.Operations;
using NeuroLake.Web.Cost;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/cost</c>: what the Cost page shows — the range's cost by tier, table, user and workload class with top
/// movers and the three deployment models, daily entries, a forecast, one table's cost — and the price book (read by
/// everyone signed in, changed by administrators, audited). Administrators see all usage; anyone else their own work
/// and the tables they may SELECT (a hidden table answers 404 like a missing one). Ranges are UTC days, both ends included.
/// Recommendations list ways to spend less, and run their maintenance action as the caller (see <see cref="CostRecommendationActions"/>).
/// </summary>
public static class CostEndpoints
{
    public static IEndpointRouteBuilder MapCostApi(this IEndpointRouteBuilder app)
    {
        var cost = app.MapGroup("/api/v1/cost").WithTags("Cost");
        cost.MapGet("/", (string? from, string? to, CostReports reports, IWorkbenchUser user, CancellationToken ct) =>
                Handle(async () => Results.Ok(CostOverviewJson.Of(await reports.OverviewAsync(user.Name, Range(from, to, reports), ct)))))
            .WithName("GetCostOverview")
            .WithSummary("The cost of a range (?from=&to=, yyyy-MM-dd, default this month so far): totals by tier, table, user and workload class, top movers against the previous range, the three deployment models, with the currency and every assumption.")
            .Produces<CostOverviewJson>();
        cost.MapGet("/daily", (string? from, string? to, CostReports reports, IWorkbenchUser user, CancellationToken ct) =>
                Handle(async () =>
                {
                    var range = Range(from, to, reports);
                    var daily = await reports.DailyAsync(user.Name, range, ct);
                    return Results.Ok(new CostDailyJson(range.From, range.To, daily.Currency, CostScopeText.Of(daily.Everything),
                        [.. daily.Value.Entries.Select(CostDayJson.From)], daily.Value.Assumptions));
                }))
            .WithName("GetDailyCost")
            .WithSummary("The daily cost report of a range (?from=&to=): each UTC day's storage and compute charged to tables, users, workload classes and tiers.")
            .Produces<CostDailyJson>();
        cost.MapGet("/deployments", (string? from, string? to, CostReports reports, IWorkbenchUser user, CancellationToken ct) =>
                Handle(async () =>
                {
                    var range = Range(from, to, reports);
                    var compared = await reports.CompareAsync(user.Name, range, ct);
                    return Results.Ok(new DeploymentComparisonJson(range.From, range.To, compared.Currency, CostScopeText.Of(compared.Everything),
                        [.. compared.Value.Select(DeploymentCostJson.From)]));
                }))
            .WithName("CompareDeployments")
            .WithSummary("The range's measured usage priced cloud-only, hybrid and local-only, each figure beside its assumption.")
            .Produces<DeploymentComparisonJson>();
        cost.MapGet("/forecast", (int? days, CostReports reports, IWorkbenchUser user, CancellationToken ct) =>
                Handle(async () =>
                {
                    var horizon = days ?? 30;
                    if (horizon is not (30 or 90))
                    {
                        throw new CostException($"days={horizon} is not offered: forecast 30 or 90 days.");
                    }

                    var answer = await reports.ForecastAsync(user.Name, horizon, ct);
                    var f = answer.Value;
                    return Results.Ok(new CostForecastJson(horizon, answer.Currency, CostScopeText.Of(answer.Everything), f.HasEnoughHistory, f.Message,
                        f.Confidence, f.TrendPerDay, f.Points));
                }))
            .WithName("ForecastCost")
            .WithSummary("Daily cost forecast for the next 30 or 90 days (?days=30|90) with a prediction interval, or why there is too little history.")
            .Produces<CostForecastJson>();
        cost.MapGet("/tables/{table}", (string table, string? from, string? to, ReadableTables tables, CostReports reports, IWorkbenchUser user, CancellationToken ct) =>
                Handle(async () =>
                {
                    var range = Range(from, to, reports);
                    var (info, problem) = await tables.FindAsync(table, ct);
                    if (info is null || await reports.TableAsync(user.Name, info.Path, range, ct) is not { } answer)
                    {
                        return problem ?? Results.NotFound();
                    }

                    var days = answer.Value;
                    return Results.Ok(new TableCostJson(info.Path.ToString(), range.From, range.To, answer.Currency,
                        days.Sum(d => d.Storage), days.Sum(d => d.Compute), days.Sum(d => d.Total), [.. days.Select(CostDayJson.From)]));
                }))
            .WithName("GetTableCost")
            .WithSummary("One table's storage and compute cost per day over a range (?from=&to=); 404 when it does not exist or the caller may not SELECT it.")
            .Produces<TableCostJson>();
        MapRecommendations(cost);
        cost.MapGet("/price-book", async (CostReports reports, CancellationToken ct) =>
                await reports.PriceBookAsync(ct) is { } book
                    ? Results.Ok(book)
                    : Results.Problem(title: "No price book", detail: "No price book is saved yet: an administrator saves one with PUT /api/v1/cost/price-book or in Admin → Settings.",
                        statusCode: StatusCodes.Status404NotFound))
            .WithName("GetPriceBook")
            .WithSummary("The price book in force: every price, its currency and source, the day the prices were read, who entered it and when.")
            .Produces<SavedPriceBook>();
        cost.MapPut("/price-book", async (PriceBook body, PriceBookEditing editing, CancellationToken ct) =>
            {
                var (saved, refusal) = await editing.SaveAsync(body, ct);
                return refusal switch
                {
                    null => Results.Ok(saved),
                    PermissionDeniedException denied => Results.Problem(title: "Administrators only", detail: denied.Message, statusCode: StatusCodes.Status403Forbidden),
                    _ => Results.Problem(title: "Price book not saved", detail: refusal.Message, statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?> { ["problems"] = PriceBookValidation.Problems(body) }),
                };
            })
            .WithName("SavePriceBook")
            .WithSummary("Saves a new price book, in force from now on (administrators only; validated, every field's problem listed; audited).")
            .Produces<SavedPriceBook>();
        return app;
    }

    private static void MapRecommendations(RouteGroupBuilder cost)
    {
        cost.MapGet("/recommendations", (CostRecommendationActions actions, IWorkbenchUser user, CancellationToken ct) =>
                Handle(async () =>
                {
                    var answer = await actions.ListAsync(user.Name, ct);
                    return Results.Ok(new CostRecommendationsJson(answer.Currency, CostScopeText.Of(answer.Everything), actions.Days,
                        [.. answer.Value.Rows.Select(CostRecommendationJson.From)], answer.Value.Unexamined));
                }))
            .WithName("ListCostRecommendations")
            .WithSummary("Ways to spend less from measured usage: VACUUM-able bytes, small-file tables (OPTIMIZE), Z-order candidates, tables not read in the look-back days, the statements that scanned most; each with its monthly cost, estimated monthly saving and the assumption; only tables the caller may SELECT.")
            .Produces<CostRecommendationsJson>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        cost.MapPost("/recommendations/{id}/run", async (string id, CostRecommendationActions actions, IWorkbenchUser user, CancellationToken ct) =>
            {
                try
                {
                    var operation = await actions.StartAsync(user.Name, id, ct);
                    return Results.Accepted($"/api/v1/operations/{operation.Id}", operation.ToJson());
                }
                catch (RecommendationNotFoundException e)
                {
                    return ApiProblems.NotFound(e.Message);
                }
                catch (RecommendationGoneException e)
                {
                    return Results.Problem(title: "No longer applies", detail: e.Message, statusCode: StatusCodes.Status409Conflict);
                }
                catch (PermissionDeniedException e)
                {
                    return ApiProblems.Forbidden(e.Message);
                }
                catch (NeuroLakeException e)
                {
                    return Results.Problem(title: "Invalid cost request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
                }
            })
            .WithName("RunCostRecommendation")
            .WithSummary("Runs a recommendation's action (VACUUM with the table's retention, OPTIMIZE, OPTIMIZE ZORDER BY) as the caller; 202 with an operation to poll at /api/v1/operations/{id}. Needs MODIFY on the table (403); 404 for a table the caller may not SELECT; 409 once it no longer applies.")
            .Produces<OperationJson>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static CostRange Range(string? from, string? to, CostReports reports) => CostRange.Of(Day(from, "from"), Day(to, "to"), reports.Today);

    private static DateOnly? Day(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new CostException($"{name}='{text}' is not a day: write it as yyyy-MM-dd, e.g. 2026-01-31.");

    private static async Task<IResult> Handle(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (NeuroLakeException e)
        {
            return Results.Problem(title: "Invalid cost request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
