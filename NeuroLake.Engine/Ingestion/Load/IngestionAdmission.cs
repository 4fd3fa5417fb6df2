using NeuroLake.Engine.Admission;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>A load waiting for an ingestion slot, telling its progress where it stands in the queue every second.</summary>
internal static class IngestionAdmission
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    /// <returns>The slot, or null when there is no admission control.</returns>
    public static async Task<AdmissionTicket?> AdmitAsync(WorkloadAdmission? admission, IngestionProgress? progress, CancellationToken ct)
    {
        if (admission is null)
        {
            return null;
        }

        AdmissionWait? waiting = null;
        var admitting = admission.AdmitAsync(MeteredJob.Current?.Workload ?? WorkloadClass.Ingestion, wait => progress?.Queued(waiting = wait), ct).AsTask();
        // The position moves as earlier work ends; the progress only raises Changed when told.
        while (progress is not null && await Task.WhenAny(admitting, Task.Delay(Refresh, CancellationToken.None)).ConfigureAwait(false) != admitting)
        {
            progress.Queued(waiting);
        }

        var slot = await admitting.ConfigureAwait(false);
        if (waiting is not null)
        {
            progress?.Queued(null);
        }

        return slot;
    }
}
