using System.Net.Http.Headers;
using System.Text;

namespace NeuroLake.Tests.Web.Governance;

/// <summary>
/// Who gets what from every endpoint and page, in one table. Columns are the callers in <see cref="Caller"/> order:
/// anonymous, viewer, analyst, engineer, admin, and the analyst's personal access token. A cell is the status code, or
/// where a redirect points: <c>signin</c> (the sign-in page), <c>denied</c> (the not-for-you page).
/// A new endpoint or page fails <see cref="AccessMatrixTests"/> until it has a row here.
/// </summary>
internal static class AccessMatrix
{
    /// <summary>
    /// Placeholders in a URL or body: <c>{job}</c> a new job of the administrator, <c>{run}</c> a queued run of one,
    /// <c>{caller}</c> the caller's name (so each caller's upload or table is its own), <c>{nothing}</c> an id nothing has.
    /// </summary>
    public static IReadOnlyList<Probe> Endpoints { get; } =
    [
        //                                                                                                          anon   viewer analyst eng    admin  token
        Api("POST", "/api/v1/sql", "/api/v1/sql", Json("""{"sql": "SELECT 1"}"""),                                   "401   200    200    200    200    200"),
        Api("GET", "/api/v1/sql/export", "/api/v1/sql/export?format=csv&sql=SELECT%201", null,                        "401   200    200    200    200    200"),
        Api("POST", "/api/v1/sql/export", "/api/v1/sql/export?format=csv", Json("""{"sql": "SELECT 1"}"""),          "401   200    200    200    200    200"),
        Api("POST", "/api/v1/sql/explain", "/api/v1/sql/explain", Json("""{"sql": "SELECT 1"}"""),                   "401   200    200    200    200    200"),
        Api("POST", "/api/v1/sql/{id}/cancel", "/api/v1/sql/{nothing}/cancel", null,                                  "401   404    404    404    404    404"),
        Api("GET", "/api/v1/sql/history", "/api/v1/sql/history", null,                                               "401   200    200    200    200    200"),
        // Loading a new table needs CREATE TABLE: engineers and administrators have it, analysts and viewers do not (refused as a bad request, like SQL).
        Api("POST", "/api/v1/ingest", "/api/v1/ingest?table=sales.loaded_{caller}&mode=create&filename=a.csv", Csv(), "401   400    400    200    200    400"),
        Api("POST", "/api/v1/uploads", "/api/v1/uploads?name={caller}.csv", Csv(),                                  "401   201    201    201    201    201"),
        Api("GET", "/api/v1/uploads", "/api/v1/uploads", null,                                                       "401   200    200    200    200    200"),
        Api("DELETE", "/api/v1/uploads/{id}", "/api/v1/uploads/{nothing}", null,                                     "401   404    404    404    404    404"),
        Api("GET", "/api/v1/audit/export", "/api/v1/audit/export", null,                                             "401   403    403    403    200    403"),
        // Viewers may not SELECT the job's table, so they do not see the job or its runs: 404 as for a missing one (409 for a cancel).
        Api("GET", "/api/v1/jobs", "/api/v1/jobs/", null,                                                           "401   200    200    200    200    200"),
        Api("GET", "/api/v1/jobs/{id:guid}", "/api/v1/jobs/{job}", null,                                             "401   404    200    200    200    200"),
        // Scheduling maintenance needs MODIFY on the table; changing a job needs to own it (or be an administrator).
        Api("POST", "/api/v1/jobs", "/api/v1/jobs/", Json(MaintenanceJob),                                          "401   403    403    201    201    403"),
        Api("PUT", "/api/v1/jobs/{id:guid}", "/api/v1/jobs/{job}", Json(MaintenanceJob),                             "401   404    403    403    200    403"),
        Api("DELETE", "/api/v1/jobs/{id:guid}", "/api/v1/jobs/{job}", null,                                          "401   404    403    403    204    403"),
        Api("POST", "/api/v1/jobs/{id:guid}/pause", "/api/v1/jobs/{job}/pause", null,                                "401   404    403    403    200    403"),
        Api("POST", "/api/v1/jobs/{id:guid}/resume", "/api/v1/jobs/{job}/resume", null,                              "401   404    403    403    200    403"),
        Api("POST", "/api/v1/jobs/{id:guid}/run", "/api/v1/jobs/{job}/run", null,                                    "401   404    403    403    202    403"),
        Api("GET", "/api/v1/jobs/runs", "/api/v1/jobs/runs", null,                                                   "401   200    200    200    200    200"),
        Api("GET", "/api/v1/jobs/runs/{id:guid}", "/api/v1/jobs/runs/{run}", null,                                   "401   404    200    200    200    200"),
        Api("POST", "/api/v1/jobs/runs/{id:guid}/cancel", "/api/v1/jobs/runs/{run}/cancel", null,                    "401   409    403    403    202    403"),
        // Everyone signed in has their own notifications; one that is not the caller's answers like a missing one.
        Api("GET", "/api/v1/notifications", "/api/v1/notifications/?unread=true", null,                              "401   200    200    200    200    200"),
        Api("GET", "/api/v1/notifications/{id:guid}", "/api/v1/notifications/{nothing}", null,                       "401   404    404    404    404    404"),
        Api("POST", "/api/v1/notifications/{id:guid}/read", "/api/v1/notifications/{nothing}/read", null,            "401   404    404    404    404    404"),
        Api("POST", "/api/v1/notifications/read", "/api/v1/notifications/read", null,                               "401   200    200    200    200    200"),
        // Anyone signed in reads pipelines and templates; analysts, engineers and administrators save; only administrators import.
        Api("GET", "/api/v1/pipelines/templates", "/api/v1/pipelines/templates", null,                               "401   200    200    200    200    200"),
        Api("POST", "/api/v1/pipelines/templates/{name}/render", "/api/v1/pipelines/templates/nothing_here/render", Json("""{"variables": {}}"""), "401   400    400    400    400    400"),
        Api("GET", "/api/v1/pipelines", "/api/v1/pipelines/", null,                                                  "401   200    200    200    200    200"),
        Api("GET", "/api/v1/pipelines/export", "/api/v1/pipelines/export", null,                                     "401   200    200    200    200    200"),
        Api("POST", "/api/v1/pipelines/import", "/api/v1/pipelines/import", Json("not json"),                          "401   403    403    403    400    403"),
        Api("GET", "/api/v1/pipelines/{name}", "/api/v1/pipelines/nothing_here", null,                               "401   404    404    404    404    404"),
        Api("POST", "/api/v1/pipelines", "/api/v1/pipelines/", Json("""{"name": "p_{caller}", "sql": "SELECT 1"}"""), "401   403    201    201    201    201"),
        Api("PUT", "/api/v1/pipelines/{name}", "/api/v1/pipelines/nothing_here", Json("""{"sql": "SELECT 2", "comment": "c"}"""), "401   403    404    404    404    404"),
        // Lineage and quality show what the lineage page and Quality tab show: a table the caller may not SELECT answers 404 like a missing one.
        Api("GET", "/api/v1/lineage/{table}", "/api/v1/lineage/main.sales.orders", null,                             "401   404    200    200    200    200"),
        Api("GET", "/api/v1/lineage/{table}", "/api/v1/lineage/main.hr.salaries?depth=3", null,                      "401   404    404    200    200    404"),
        Api("GET", "/api/v1/lineage/{table}/columns/{column}", "/api/v1/lineage/main.sales.orders/columns/amount", null, "401   404    200    200    200    200"),
        Api("GET", "/api/v1/lineage/{table}/impact", "/api/v1/lineage/main.sales.orders/impact", null,               "401   404    200    200    200    200"),
        Api("GET", "/api/v1/quality/{table}", "/api/v1/quality/main.sales.orders", null,                             "401   404    200    200    200    200"),
        Api("GET", "/api/v1/quality/{table}/history", "/api/v1/quality/main.sales.orders/history", null,             "401   404    200    200    200    200"),
        Api("POST", "/api/v1/quality/{table}/reprofile", "/api/v1/quality/main.hr.salaries/reprofile", null,         "401   404    404    202    202    404"),
        // The admin screens' API: administrators only; the probes name nothing that exists, so they change nothing.
        Api("GET", "/api/v1/admin/users", "/api/v1/admin/users/", null,                                              "401   403    403    403    200    403"),
        Api("POST", "/api/v1/admin/users", "/api/v1/admin/users/", Json("""{"userName": "new_{caller}", "password": "Long-enough-9"}"""), "401   403    403    403    201    403"),
        Api("POST", "/api/v1/admin/users/{userName}/disable", "/api/v1/admin/users/nobody_here/disable", null,       "401   403    403    403    404    403"),
        Api("POST", "/api/v1/admin/users/{userName}/enable", "/api/v1/admin/users/nobody_here/enable", null,         "401   403    403    403    404    403"),
        Api("POST", "/api/v1/admin/users/{userName}/unlock", "/api/v1/admin/users/nobody_here/unlock", null,         "401   403    403    403    404    403"),
        Api("POST", "/api/v1/admin/users/{userName}/password", "/api/v1/admin/users/nobody_here/password", Json("""{"password": "Long-enough-9"}"""), "401   403    403    403    404    403"),
        Api("DELETE", "/api/v1/admin/users/{userName}", "/api/v1/admin/users/nobody_here", null,                  "401   403    403    403    404    403"),
        Api("GET", "/api/v1/admin/groups", "/api/v1/admin/groups/", null,                                            "401   403    403    403    200    403"),
        Api("POST", "/api/v1/admin/groups", "/api/v1/admin/groups/", Json("""{"name": "g_{caller}"}"""),           "401   403    403    403    201    403"),
        Api("DELETE", "/api/v1/admin/groups/{name}", "/api/v1/admin/groups/nothing_here", null,                      "401   403    403    403    404    403"),
        Api("POST", "/api/v1/admin/groups/{name}/members", "/api/v1/admin/groups/nothing_here/members", Json("""{"user": "ann"}"""), "401   403    403    403    404    403"),
        Api("DELETE", "/api/v1/admin/groups/{name}/members/{user}", "/api/v1/admin/groups/nothing_here/members/ann", null, "401   403    403    403    404    403"),
        Api("GET", "/api/v1/admin/tokens", "/api/v1/admin/tokens/", null,                                            "401   403    403    403    200    403"),
        Api("POST", "/api/v1/admin/tokens/{id}/revoke", "/api/v1/admin/tokens/{nothing}/revoke", null,               "401   403    403    403    404    403"),
        Api("GET", "/api/v1/admin/settings", "/api/v1/admin/settings/", null,                                        "401   403    403    403    200    403"),
        Api("PATCH", "/api/v1/admin/settings", "/api/v1/admin/settings/", Json("{}"),                                "401   403    403    403    200    403"),
        // Accounts is the mode the matrix runs in: the administrator's switch to it changes nothing.
        Api("PUT", "/api/v1/admin/settings/auth-mode", "/api/v1/admin/settings/auth-mode", Json("""{"mode": "Accounts"}"""), "401   403    403    403    200    403"),
        // Grants follow the engine as SQL GRANT does: everyone lists what they may see and their own privileges; only owners and administrators change.
        Api("GET", "/api/v1/grants", "/api/v1/grants/?on=main.sales", null,                                          "401   200    200    200    200    200"),
        Api("GET", "/api/v1/grants/effective", "/api/v1/grants/effective?on=main.sales", null,                       "401   200    200    200    200    200"),
        Api("POST", "/api/v1/grants", "/api/v1/grants/", Json(NobodysGrant),                                        "401   403    403    403    200    403"),
        Api("POST", "/api/v1/grants/revoke", "/api/v1/grants/revoke", Json(NobodysGrant),                           "401   403    403    403    200    403"),
        // Everyone with an account has their own tokens.
        Api("GET", "/api/v1/me/tokens", "/api/v1/me/tokens/", null,                                                  "401   200    200    200    200    200"),
        Api("POST", "/api/v1/me/tokens", "/api/v1/me/tokens/", Json("""{"name": "m_{caller}", "expiresInDays": 1}"""), "401   201    201    201    201    201"),
        Api("DELETE", "/api/v1/me/tokens/{id}", "/api/v1/me/tokens/{nothing}", null,                                 "401   404    404    404    404    404"),
        // Unity Catalog's read API shows what the catalog pages show: catalogs and schemas the caller may use, tables they may SELECT;
        // a table they may not read answers 404 like a missing one (viewers read no rows; only the administrator and engineers read hr).
        Api("GET", "/api/2.1/unity-catalog/catalogs", "/api/2.1/unity-catalog/catalogs", null,                       "401   200    200    200    200    200"),
        Api("GET", "/api/2.1/unity-catalog/catalogs/{name}", "/api/2.1/unity-catalog/catalogs/main", null,           "401   200    200    200    200    200"),
        Api("GET", "/api/2.1/unity-catalog/schemas", "/api/2.1/unity-catalog/schemas?catalog_name=main", null,       "401   200    200    200    200    200"),
        Api("GET", "/api/2.1/unity-catalog/schemas/{full_name}", "/api/2.1/unity-catalog/schemas/main.hr", null,     "401   200    200    200    200    200"),
        Api("GET", "/api/2.1/unity-catalog/tables", "/api/2.1/unity-catalog/tables?catalog_name=main&schema_name=hr", null, "401   200    200    200    200    200"),
        Api("GET", "/api/2.1/unity-catalog/tables/{full_name}", "/api/2.1/unity-catalog/tables/main.sales.orders", null, "401   404    200    200    200    200"),
        Api("GET", "/api/2.1/unity-catalog/tables/{full_name}", "/api/2.1/unity-catalog/tables/main.hr.salaries", null, "401   404    404    200    200    404"),
        // The catalog API shows what the explorer shows: viewers read no rows, so every table is hidden from them (404);
        // descriptions, tags and column comments need MODIFY (engineers), owners and PII classifications ownership.
        Api("GET", "/api/v1/catalog/catalogs", "/api/v1/catalog/catalogs", null,                                     "401   200    200    200    200    200"),
        Api("GET", "/api/v1/catalog/catalogs/{catalog}/schemas", "/api/v1/catalog/catalogs/main/schemas", null,       "401   200    200    200    200    200"),
        Api("GET", "/api/v1/catalog/catalogs/{catalog}/schemas/{schema}/tables", "/api/v1/catalog/catalogs/main/schemas/hr/tables", null, "401   200    200    200    200    200"),
        Api("GET", "/api/v1/catalog/search", "/api/v1/catalog/search?q=orders", null,                                 "401   200    200    200    200    200"),
        Api("GET", "/api/v1/catalog/tables/{name}", "/api/v1/catalog/tables/main.sales.orders", null,                 "401   404    200    200    200    200"),
        Api("GET", "/api/v1/catalog/tables/{name}", "/api/v1/catalog/tables/main.hr.salaries", null,                  "401   404    404    200    200    404"),
        Api("GET", "/api/v1/catalog/tables/{name}/recommendations", "/api/v1/catalog/tables/main.sales.orders/recommendations", null, "401   404    200    200    200    200"),
        Api("PUT", "/api/v1/catalog/tables/{name}/description", "/api/v1/catalog/tables/main.sales.orders/description", Json("""{"description": "by {caller}"}"""), "401   404    403    200    200    403"),
        Api("PUT", "/api/v1/catalog/tables/{name}/tags", "/api/v1/catalog/tables/main.sales.orders/tags", Json("""{"tags": ["{caller}"]}"""), "401   404    403    200    200    403"),
        Api("PUT", "/api/v1/catalog/tables/{name}/owner", "/api/v1/catalog/tables/main.sales.orders/owner", Json("""{"owner": "ada"}"""), "401   404    403    403    200    403"),
        Api("PUT", "/api/v1/catalog/tables/{name}/columns/{column}/comment", "/api/v1/catalog/tables/main.sales.orders/columns/id/comment", Json("""{"comment": "by {caller}"}"""), "401   404    403    200    200    403"),
        Api("PUT", "/api/v1/catalog/tables/{name}/columns/{column}/pii", "/api/v1/catalog/tables/main.sales.orders/columns/amount/pii", Json("""{"type": "email"}"""), "401   404    403    403    200    403"),
        Api("DELETE", "/api/v1/catalog/tables/{name}/columns/{column}/pii", "/api/v1/catalog/tables/main.sales.orders/columns/amount/pii", null, "401   404    403    403    200    403"),
        // The tables API runs the caller's SQL: creating needs CREATE TABLE, writes and maintenance MODIFY, dropping ownership;
        // each caller drops the table it created (the others have none by that name).
        Api("POST", "/api/v1/tables", "/api/v1/tables/", Json("""{"name": "main.sales.t_{caller}", "columns": [{"name": "id", "type": "INT"}]}"""), "401   403    403    201    201    403"),
        Api("DELETE", "/api/v1/tables/{name}", "/api/v1/tables/main.sales.t_{caller}", null,                         "401   404    404    204    204    404"),
        Api("GET", "/api/v1/tables/{name}", "/api/v1/tables/main.sales.orders", null,                                 "401   404    200    200    200    200"),
        Api("GET", "/api/v1/tables/{name}/history", "/api/v1/tables/main.sales.orders/history", null,                 "401   404    200    200    200    200"),
        Api("GET", "/api/v1/tables/{name}/rows", "/api/v1/tables/main.sales.orders/rows?limit=5", null,               "401   404    200    200    200    200"),
        Api("POST", "/api/v1/tables/{name}/rows", "/api/v1/tables/main.sales.orders/rows", Json("""{"rows": [{"id": 9, "amount": 1}]}"""), "401   404    403    200    200    403"),
        Api("POST", "/api/v1/tables/{name}/rows/update", "/api/v1/tables/main.sales.orders/rows/update", Json("""{"set": {"amount": 2}, "where": [{"column": "id", "op": "=", "value": 9}]}"""), "401   404    403    200    200    403"),
        Api("POST", "/api/v1/tables/{name}/rows/delete", "/api/v1/tables/main.sales.orders/rows/delete", Json("""{"where": [{"column": "id", "op": "=", "value": 9}]}"""), "401   404    403    200    200    403"),
        Api("POST", "/api/v1/tables/{name}/merge", "/api/v1/tables/main.sales.orders/merge", Json("""{"keys": ["id"], "rows": [{"id": 9, "amount": 3}]}"""), "401   404    403    200    200    403"),
        Api("POST", "/api/v1/tables/{name}/vacuum", "/api/v1/tables/main.sales.orders/vacuum", Json("""{"dryRun": true}"""), "401   404    403    200    200    403"),
        Api("POST", "/api/v1/tables/{name}/optimize", "/api/v1/tables/main.sales.orders/optimize", Json("{}"),       "401   404    403    202    202    403"),
        Api("POST", "/api/v1/tables/{name}/restore", "/api/v1/tables/main.hr.salaries/restore", Json("""{"version": 0}"""), "401   404    404    202    202    404"),
        // Properties are altered as ALTER TABLE: the owner (the administrator) only, MODIFY is not enough.
        Api("GET", "/api/v1/tables/{name}/properties", "/api/v1/tables/main.sales.orders/properties", null,           "401   404    200    200    200    200"),
        Api("PATCH", "/api/v1/tables/{name}/properties", "/api/v1/tables/main.sales.orders/properties", Json("""{"matrix": "{caller}"}"""), "401   404    403    403    200    403"),
        // Operations are their caller's (and administrators'); an unknown id is 404 for everyone.
        Api("GET", "/api/v1/operations", "/api/v1/operations/", null,                                                 "401   200    200    200    200    200"),
        Api("GET", "/api/v1/operations/{id:guid}", "/api/v1/operations/{nothing}", null,                              "401   404    404    404    404    404"),
        Api("POST", "/api/v1/operations/{id:guid}/cancel", "/api/v1/operations/{nothing}/cancel", null,               "401   404    404    404    404    404"),
        // Backups hold every table and the catalog: administrators only; the probes name no set, except the one backup an administrator takes.
        Api("GET", "/api/v1/backups", "/api/v1/backups/", null,                                                      "401   403    403    403    200    403"),
        Api("POST", "/api/v1/backups", "/api/v1/backups/", null,                                                     "401   403    403    403    202    403"),
        Api("GET", "/api/v1/backups/{id}", "/api/v1/backups/nothing_here", null,                                     "401   403    403    403    404    403"),
        Api("POST", "/api/v1/backups/{id}/verify", "/api/v1/backups/nothing_here/verify", null,                      "401   403    403    403    404    403"),
        Api("POST", "/api/v1/backups/retention", "/api/v1/backups/retention?dryRun=true", null,                   "401   403    403    403    200    403"),
        Api("POST", "/api/v1/backups/{id}/restore", "/api/v1/backups/nothing_here/restore", Json("""{"tables": [{"name": "main.sales.orders", "restoreAs": "main.sales.o_{caller}"}]}"""), "401   403    403    403    404    403"),
        Api("GET", "/api/v1/storage/tiering/plan", "/api/v1/storage/tiering/plan", null,                            "401   403    403    403    200    403"),
        Api("POST", "/api/v1/storage/tiering/run", "/api/v1/storage/tiering/run", null,                             "401   403    403    403    202    403"),
        Api("GET", "/api/v1/storage/tiering/overrides/{table}", "/api/v1/storage/tiering/overrides/main.sales.orders", null, "401   403    403    403    200    403"),
        Api("PUT", "/api/v1/storage/tiering/overrides/{table}", "/api/v1/storage/tiering/overrides/main.sales.orders", Json("""{"override": "NeverArchive"}"""), "401   403    403    403    200    403"),
        // Storage lists only what the caller may read (viewers read no table, so their list is empty).
        Api("GET", "/api/v1/storage", "/api/v1/storage/", null,                                                      "401   200    200    200    200    200"),
        // Partitions of a table the caller may not SELECT answer 404 like a missing one; the file cache serves everyone's reads, so its samples are administrators' only.
        Api("GET", "/api/v1/storage/tables/{name}/partitions", "/api/v1/storage/tables/main.sales.orders/partitions", null, "401   404    200    200    200    200"),
        Api("GET", "/api/v1/storage/tables/{name}/partitions", "/api/v1/storage/tables/main.hr.salaries/partitions", null, "401   404    404    200    200    404"),
        Api("GET", "/api/v1/storage/cache", "/api/v1/storage/cache", null,                                           "401   403    403    403    200    403"),
        // Cost: everyone signed in sees their own usage and the tables they may SELECT (a hidden table answers 404); only administrators change the price book.
        Api("GET", "/api/v1/cost", "/api/v1/cost/", null,                                                            "401   200    200    200    200    200"),
        Api("GET", "/api/v1/cost/daily", "/api/v1/cost/daily", null,                                                 "401   200    200    200    200    200"),
        Api("GET", "/api/v1/cost/deployments", "/api/v1/cost/deployments", null,                                     "401   200    200    200    200    200"),
        Api("GET", "/api/v1/cost/forecast", "/api/v1/cost/forecast?days=30", null,                                   "401   200    200    200    200    200"),
        Api("GET", "/api/v1/cost/tables/{table}", "/api/v1/cost/tables/main.hr.salaries", null,                      "401   404    404    200    200    404"),
        // Recommendations name only tables the caller may SELECT; running one needs MODIFY on it (a hidden table answers 404, one with nothing to do 409).
        Api("GET", "/api/v1/cost/recommendations", "/api/v1/cost/recommendations", null,                             "401   200    200    200    200    200"),
        Api("POST", "/api/v1/cost/recommendations/{id}/run", "/api/v1/cost/recommendations/Vacuum:main.hr.salaries/run", null, "401   404    404    409    409    404"),
        Api("GET", "/api/v1/cost/price-book", "/api/v1/cost/price-book", null,                                       "401   200    200    200    200    200"),
        Api("PUT", "/api/v1/cost/price-book", "/api/v1/cost/price-book", Json(MatrixPriceBook),                      "401   403    403    403    200    403"),
        // Hangfire's own dashboard can delete and re-queue any job: administrators only.
        Api("GET", "/admin/hangfire/{**path}", "/admin/hangfire", null,                                              "signin 403   403    403    200    signin"),
        // The API's description and its reference page: anyone signed in or holding a token.
        Api("GET", "/openapi/v1.json", "/openapi/v1.json", null,                                                     "401   200    200    200    200    200"),
        Api("GET", "/api/docs/{documentName?}", "/api/docs/v1", null,                                                "401   200    200    200    200    200"),
        // The page's scripts and icon are Scalar's public bundle (no data), served like the app's own static files.
        Api("GET", "/api/docs/scalar.js", "/api/docs/scalar.js", null,                                               "200   200    200    200    200    200"),
        Api("GET", "/api/docs/scalar.aspnetcore.js", "/api/docs/scalar.aspnetcore.js", null,                         "200   200    200    200    200    200"),
        Api("GET", "/api/docs/favicon.svg", "/api/docs/favicon.svg", null,                                           "200   200    200    200    200    200"),
        // Metrics name tables and users: administrators only (a scraper uses an administrator's token).
        Api("GET", "/metrics", "/metrics", null,                                                                     "401   403    403    403    200    403"),
        Api("GET", "/health/live", "/health/live", null,                                                             "200   200    200    200    200    200"),
        Api("GET", "/health/ready", "/health/ready", null,                                                           "200   200    200    200    200    200"),
        // Last: it ends the browsers' sessions.
        Api("POST", "/account/signout", "/account/signout", Form(),                                                  "signin signin signin signin signin signin"),
    ];

    /// <summary>Every routable page, its route parameters filled with a table the analyst may read.</summary>
    public static IReadOnlyList<Probe> Pages { get; } =
    [
        //                                                                                       anon   viewer analyst eng    admin  token
        Page("/", "/",                                                                           "signin 200    200    200    200    signin"),
        Page("/sql", "/sql",                                                                     "signin 200    200    200    200    signin"),
        Page("/catalog", "/catalog",                                                             "signin 200    200    200    200    signin"),
        Page("/catalog/{Schema}/{Table}", "/catalog/sales/orders",                               "signin 200    200    200    200    signin"),
        Page("/lineage/{Schema}/{Table}", "/lineage/sales/orders",                               "signin 200    200    200    200    signin"),
        Page("/ingest", "/ingest",                                                               "signin 200    200    200    200    signin"),
        Page("/pipelines", "/pipelines",                                                         "signin 200    200    200    200    signin"),
        Page("/jobs", "/jobs",                                                                   "signin 200    200    200    200    signin"),
        Page("/cost", "/cost",                                                                   "signin 200    200    200    200    signin"),
        Page("/storage", "/storage",                                                             "signin 200    200    200    200    signin"),
        Page("/notifications", "/notifications",                                                 "signin 200    200    200    200    signin"),
        Page("/admin/users", "/admin/users",                                                     "signin denied denied denied 200    signin"),
        Page("/admin/groups", "/admin/groups",                                                   "signin denied denied denied 200    signin"),
        Page("/admin/grants", "/admin/grants",                                                   "signin denied denied denied 200    signin"),
        Page("/admin/settings", "/admin/settings",                                               "signin denied denied denied 200    signin"),
        Page("/admin/audit", "/admin/audit",                                                     "signin denied denied denied 200    signin"),
        Page("/admin/tokens", "/admin/tokens",                                                   "signin denied denied denied 200    signin"),
        Page("/backups", "/backups",                                                             "signin denied denied denied 200    signin"),
        Page("/account/tokens", "/account/tokens",                                               "signin 200    200    200    200    signin"),
        Page("/account/password", "/account/password",                                           "signin 200    200    200    200    signin"),
        Page("/account/two-factor", "/account/two-factor",                                       "signin 200    200    200    200    signin"),
        Page("/account/denied", "/account/denied",                                               "signin 200    200    200    200    signin"),
        Page("/account/signin", "/account/signin",                                               "200   200    200    200    200    200"),
        Page("/account/signin/code", "/account/signin/code",                                     "signin signin signin signin signin signin"),
        // Once the first administrator exists the setup page is gone for everyone.
        Page("/setup", "/setup",                                                                 "404   404    404    404    404    404"),
        // Error pages show no data and must render for anyone who reaches them.
        Page("/not-found", "/not-found",                                                         "200   200    200    200    200    200"),
        Page("/Error", "/Error",                                                                 "200   200    200    200    200    200"),
    ];

    private const string MaintenanceJob =
        """{"name": "by {caller}", "kind": "TableMaintenance", "table": "main.sales.orders", "cron": "0 4 * * *", "timeZone": "UTC", "maintenance": {"optimize": true}}""";

    // A user nobody is: granting and revoking it changes what no caller may do.
    private const string MatrixPriceBook =
        """
        {"name": "Matrix", "source": "access matrix", "currency": "USD", "pricesAsOf": "2025-01-15", "hotPerGbMonth": 0.08, "warmPerGbMonth": 0.023,
         "coldPerGbMonth": 0.001, "putPer1000": 0.005, "getPer1000": 0.0004, "egressPerGb": 0.09, "localDiskPerGbMonth": 0.005,
         "machinePerHour": 0.1, "machineCores": 4, "cloudComputePerVcpuHour": 0.048}
        """;

    private const string NobodysGrant = """{"on": "main.hr", "user": "nobody_here", "privileges": ["USE SCHEMA"]}""";

    private static Probe Api(string method, string pattern, string url, Func<string, HttpContent>? body, string expected) =>
        new(method, pattern, url, body, Expected(expected));

    private static Probe Page(string template, string url, string expected) => new("GET", template, url, null, Expected(expected));

    private static IReadOnlyList<string> Expected(string cells)
    {
        var expected = cells.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return expected.Length == Enum.GetValues<Caller>().Length
            ? expected
            : throw new ArgumentException($"'{cells}' has {expected.Length} cells; give one per caller: {string.Join(", ", Enum.GetNames<Caller>())}.");
    }

    private static Func<string, HttpContent> Json(string json) => caller => new StringContent(json.Replace("{caller}", caller, StringComparison.Ordinal), Encoding.UTF8, "application/json");

    private static Func<string, HttpContent> Csv() => caller =>
        new ByteArrayContent(Encoding.UTF8.GetBytes($"id,name\n1,{caller}\n2,{caller}\n")) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

    private static Func<string, HttpContent> Form() => _ => new FormUrlEncodedContent(new Dictionary<string, string>());
}

/// <summary>One request of the matrix: the endpoint's method and route pattern, the URL sent, its body, and the expected answers per <see cref="Caller"/>.</summary>
internal sealed record Probe(string Method, string Pattern, string Url, Func<string, HttpContent>? Body, IReadOnlyList<string> Expected)
{
    public string Key => $"{Method} {Pattern}";

    public string ExpectedFor(Caller caller) => Expected[(int)caller];
}
