using NeuroLake.Engine.Ingestion.Load;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>Where the wizard loads: <c>main.&lt;Schema&gt;.&lt;Table&gt;</c> with a load mode.</summary>
public sealed record LoadTarget(string Schema, string Table, LoadMode Mode, bool MergeSchema = false);
