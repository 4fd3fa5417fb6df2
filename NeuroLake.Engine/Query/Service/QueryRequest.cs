namespace NeuroLake.Engine.Query.Service;

/// <summary>Who runs a script and how.</summary>
/// <param name="User">Recorded as the committer of writes and the owner of created tables.</param>
/// <param name="DefaultSchema">The schema of bare table names (<c>t</c> means <c>DefaultSchema.t</c>).</param>
/// <param name="RowLimit">Rows kept per result set; more set <see cref="StatementResult.HasMoreRows"/>. Must be positive.</param>
public sealed record QueryRequest(string User, string DefaultSchema = "default", int RowLimit = 10_000);
