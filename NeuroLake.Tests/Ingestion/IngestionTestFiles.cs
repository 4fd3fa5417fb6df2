namespace NeuroLake.Tests.Ingestion;

/// <summary>The shared messy files, and a scratch folder for files a test writes.</summary>
internal sealed class IngestionTestFiles : IDisposable
{
    public IngestionTestFiles()
    {
        Folder = Directory.CreateTempSubdirectory("nl-ingest-").FullName;
    }

    public string Folder { get; }

    /// <summary>shared/data/messy, found beside the repository (or an ancestor of the test assembly).</summary>
    public static string Messy(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "messy");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(candidate, file);
            }
        }
        throw new DirectoryNotFoundException("shared/data/messy was not found beside the repository or any ancestor of the test folder.");
    }

    public string Write(string name, string text, System.Text.Encoding? encoding = null)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
