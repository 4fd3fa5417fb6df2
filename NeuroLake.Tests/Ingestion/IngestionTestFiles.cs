using NeuroLake.Tests.Infrastructure;

namespace NeuroLake.Tests.Ingestion;

/// <summary>The shared messy files, and a scratch folder for files a test writes.</summary>
internal sealed class IngestionTestFiles : IDisposable
{
    public IngestionTestFiles()
    {
        Folder = Directory.CreateTempSubdirectory("nl-ingest-").FullName;
    }

    public string Folder { get; }

    /// <summary>A file of shared/data/messy.</summary>
    public static string Messy(string file) => SharedData.Messy(file);

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
