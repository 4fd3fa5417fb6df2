namespace NeuroLake.Engine.Ingestion;

/// <summary>The words of a column name ("Customer FirstName" -> customer, first, name), for name hints.</summary>
internal static class NameTokens
{
    public static string[] Of(string columnName) =>
        Schema.ColumnNameCleaner.Snake(columnName).Split('_', StringSplitOptions.RemoveEmptyEntries);
}
