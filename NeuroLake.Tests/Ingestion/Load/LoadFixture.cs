using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Ingestion.Load;

/// <summary>Source files a test writes, their proposed schemas, and tables in a fresh temp folder.</summary>
internal sealed class LoadFixture(DuckDbFixture duck) : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly IngestionTestFiles _files = new();

    public const string Customers = "id,code,joined,amount\n1,00123,2024-01-05,10.5\n2,00456,2024-02-10,20\n3,07890,2024-03-15,30.25\n";

    public string Write(string name, string text) => _files.Write(name, text);

    public async Task<ProposedSchema> ProposeAsync(string path)
    {
        using var connection = duck.Database.Connect();
        var source = await SourceDetector.DetectAsync(connection, path);
        using var sample = SourceSample.Create(connection, source);
        return SchemaProposer.Propose(connection, sample, source);
    }

    /// <summary>The schema proposed for one file, reading another with the same columns (e.g. one with unparsable values).</summary>
    public static ProposedSchema Reading(ProposedSchema schema, string path) => schema with { Source = schema.Source with { Path = path } };

    public DeltaTable Table(string name = "customers") => new(new LocalObjectStore(_folder.Sub(name)), duck.Database);

    public long Count(string sql) => SqlProbe.Long(duck.Database, sql);

    public static string Rows(DeltaTable table) => DeltaTable.ToSql(table.GetSnapshotAsync().GetAwaiter().GetResult());

    public void Dispose()
    {
        _files.Dispose();
        _folder.Dispose();
    }
}
