using NeuroLake.Engine.Ingestion.Load;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>Where the wizard loads: <c>main.&lt;Schema&gt;.&lt;Table&gt;</c> with a load mode.</summary>
/// <param name="KeepEmptyTable">For a new table: create it even when no row loads (default false: no empty table is left behind).</param>
public sealed record LoadTarget(string Schema, string Table, LoadMode Mode, bool MergeSchema = false, bool KeepEmptyTable = false);
