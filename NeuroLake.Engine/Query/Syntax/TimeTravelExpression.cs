namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// A time travel value written as a constant expression (<c>now() - INTERVAL 1 HOUR</c>, <c>2 + 1</c>) for DuckDB to
/// evaluate. <see cref="Sql"/> is rebuilt from the checked tokens (keywords respelled, strings requoted), not copied
/// from the statement, so nothing but the accepted expression reaches DuckDB.
/// </summary>
/// <param name="Span">Where the expression is in the statement.</param>
internal sealed record TimeTravelExpression(string Sql, SourceSpan Span);
