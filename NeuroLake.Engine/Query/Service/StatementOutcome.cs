namespace NeuroLake.Engine.Query.Service;

/// <summary>What a statement handler produced; the service adds position and timing.</summary>
internal sealed record StatementOutcome(
    IReadOnlyList<ResultColumn> Columns,
    IReadOnlyList<object?[]> Rows,
    bool HasMoreRows = false,
    long? RowsAffected = null,
    IReadOnlyList<TableVersion>? TablesRead = null,
    TableVersion? TableWritten = null)
{
    public static StatementOutcome Empty { get; } = new([], []);

    public static StatementOutcome Written(long rows, IReadOnlyList<TableVersion> read, TableVersion written) =>
        new([], [], RowsAffected: rows, TablesRead: read, TableWritten: written);
}
