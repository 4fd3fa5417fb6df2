using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>The record batches of an Arrow reader, each checked (<see cref="ArrowBatchCheck"/>) before DuckDB sees it.</summary>
internal sealed class CheckedArrowStream(ArrowStreamReader reader, string fileName) : IArrowArrayStream
{
    public Apache.Arrow.Schema Schema => reader.Schema;

    public async ValueTask<RecordBatch?> ReadNextRecordBatchAsync(CancellationToken cancellationToken = default)
    {
        var batch = await reader.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false);
        if (batch is not null)
        {
            try
            {
                ArrowBatchCheck.Check(batch, fileName);
            }
            catch
            {
                batch.Dispose();
                throw;
            }
        }
        return batch;
    }

    public void Dispose() => reader.Dispose();
}
