namespace NeuroLake.Web.Api;

/// <summary>The body of <c>POST /api/v1/sql</c>.</summary>
/// <param name="Sql">One or more statements separated by semicolons. Required.</param>
/// <param name="MaxRows">Rows kept per result; default and upper bound <c>NeuroLake:RowLimit</c>.</param>
public sealed record SqlRequest(string? Sql, int? MaxRows = null);
