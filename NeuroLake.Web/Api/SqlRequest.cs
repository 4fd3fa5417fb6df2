namespace NeuroLake.Web.Api;

/// <summary>The body of <c>POST /api/v1/sql</c>.</summary>
/// <param name="Sql">One or more statements separated by semicolons. Required.</param>
/// <param name="MaxRows">Rows kept per result; default and upper bound <c>NeuroLake:RowLimit</c>.</param>
/// <param name="Id">Optional name of this run (1-64 letters, digits, '-', '_'), so <c>POST /api/v1/sql/{id}/cancel</c> can stop it.</param>
/// <param name="Analyze">For <c>/explain</c>: run the query and report actual rows and times (EXPLAIN ANALYZE).</param>
public sealed record SqlRequest(string? Sql, int? MaxRows = null, string? Id = null, bool Analyze = false);
