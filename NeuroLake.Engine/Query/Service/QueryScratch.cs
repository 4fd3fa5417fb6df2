namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// The service's own scratch folder: DuckDB spills large sorts, joins and aggregates to <see cref="Spill"/>, exports are
/// written to <see cref="Exports"/> before they are copied to the caller. One folder per service so two services never
/// share DuckDB's temp files; deleted on dispose.
/// </summary>
internal sealed class QueryScratch : IDisposable
{
    public QueryScratch(string? parent)
    {
        Root = Path.Combine(Path.GetFullPath(parent ?? Path.GetTempPath()), "neurolake-query-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Spill);
        Directory.CreateDirectory(HeavySpill);
        Directory.CreateDirectory(Exports);
    }

    public string Root { get; }

    public string Spill => Path.Combine(Root, "spill");

    /// <summary>The heavy statements' database spills here, apart from the interactive one's files.</summary>
    public string HeavySpill => Path.Combine(Root, "spill-heavy");

    public string Exports => Path.Combine(Root, "exports");

    /// <summary>A new file name in <see cref="Exports"/>; the caller deletes it.</summary>
    public string NewExportFile(string extension) => Path.Combine(Exports, Guid.NewGuid().ToString("N") + "." + extension);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the database being closed; the folder is in temp space and named as ours.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
