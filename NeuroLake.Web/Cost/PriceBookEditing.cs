using System.Globalization;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Cost;

/// <summary>
/// Saves a price book for the form and the API: administrators only, audited as <see cref="AuditAction.AdminChange"/>
/// on <c>price book</c> with every figure (refusals too, as <see cref="AdminAudit"/> does for other admin changes).
/// </summary>
public sealed class PriceBookEditing(PriceBookStore store, PrivilegeEvaluator privileges, AdminAudit audit, IWorkbenchUser user)
{
    public const string AuditTarget = "price book";

    /// <summary>Saves <paramref name="book"/>; returns the saved book, or the refusal (permission or validation).</summary>
    public async Task<(SavedPriceBook? Saved, Exception? Refusal)> SaveAsync(PriceBook book, CancellationToken ct = default)
    {
        SavedPriceBook? saved = null;
        var refusal = await audit.AttemptAsync(AuditAction.AdminChange, AuditTarget, Describe(book), async () =>
        {
            if (!await privileges.IsAdminAsync(user.Name, ct))
            {
                throw new PermissionDeniedException("Only workbench administrators (members of group admin) change the price book: ask one to do it.");
            }

            saved = await store.SaveAsync(book, user.Name, ct);
        });
        return (saved, refusal);
    }

    private static string Describe(PriceBook b) => string.Create(CultureInfo.InvariantCulture,
        $"{b.Name} ({b.Source}), {b.Currency}, prices of {b.PricesAsOf:yyyy-MM-dd}: hot {b.HotPerGbMonth}, warm {b.WarmPerGbMonth}, cold {b.ColdPerGbMonth} per GB-month; "
        + $"PUT {b.PutPer1000}, GET {b.GetPer1000} per 1,000; egress {b.EgressPerGb}/GB; own disk {b.LocalDiskPerGbMonth}/GB-month; "
        + $"machine {b.MachinePerHour}/hour with {b.MachineCores} cores; cloud compute {b.CloudComputePerVcpuHour}/vCPU-hour");
}
