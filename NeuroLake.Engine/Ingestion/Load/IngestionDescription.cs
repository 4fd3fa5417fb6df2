using System.Globalization;
using NeuroLake.Engine.Ingestion.Detection;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>The description a new table gets when the loader was given none: where its rows came from.</summary>
internal static class IngestionDescription
{
    public static string Of(DetectedSource source, SourceFileInfo? file, DateTimeOffset loadedAt)
    {
        var name = file?.FileName ?? Path.GetFileName(source.Path);
        var format = source.Format switch
        {
            SourceFormat.Csv => $"delimited text, {Separator(source.Dialect?.Delimiter)}-separated, {source.OriginalEncodingName}",
            SourceFormat.JsonArray => "a JSON array",
            SourceFormat.JsonLines => "newline-delimited JSON",
            _ => "Parquet",
        };
        var compression = source.OriginalCompression == Detection.SourceCompression.None ? "" : $", {DetectedSource.CompressionName(source.OriginalCompression)}-compressed";
        var size = file is null ? "" : string.Create(CultureInfo.InvariantCulture, $", {file.Size:N0} bytes");
        return string.Create(CultureInfo.InvariantCulture, $"Ingested from '{name}' ({format}{compression}{size}) on {loadedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
    }

    private static string Separator(string? delimiter) => delimiter switch
    {
        "\t" => "tab",
        "," or null => "comma",
        ";" => "semicolon",
        "|" => "pipe",
        _ => $"'{delimiter}'",
    };
}
