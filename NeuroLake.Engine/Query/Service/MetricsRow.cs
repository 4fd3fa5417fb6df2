using System.Globalization;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Query.Service;

/// <summary>A table operation's metrics as a one-row result set, under Databricks' column names.</summary>
internal static class MetricsRow
{
    /// <param name="columns">Result column name → commitInfo metric name, in result order.</param>
    public static StatementOutcome Of(OperationResult result, TableVersion? written, params (string Column, string Metric)[] columns) =>
        new(
            columns.Select(c => new ResultColumn(c.Column, "BIGINT")).ToList(),
            [columns.Select(c => (object?)result.Metric(c.Metric)).ToArray()],
            TableWritten: written);

    /// <summary>Every metric of the commit as a BIGINT column, in name order (OPTIMIZE's metrics, for instance).</summary>
    public static StatementOutcome All(OperationResult result, TableVersion? written)
    {
        var numeric = result.Metrics.Where(m => long.TryParse(m.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            .OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        return Of(result, written, numeric.Select(m => (m.Key, m.Key)).ToArray());
    }
}
